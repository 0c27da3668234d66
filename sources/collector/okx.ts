/**
 * OKX public channel `liquidation-orders` (CONTRACTS.md §2b; OKX v5 docs, "Liquidation orders
 * channel"). Push: `{arg:{channel, instType}, data:[{instId, details:[{side, posSide, bkPx, sz, ts}]}]}`.
 * - Side: `posSide:"long"` + `side:"sell"` = a LONG was liquidated; `posSide:"short"` + `"buy"`
 *   = a short. In net mode (`posSide:"net"`) the forced order's side tells: a forced sell closes
 *   a net long. Any other pairing is contradictory and rejected.
 * - `sz` is in contracts: base quantity = sz × ctVal for linear swaps (BTC-USDT-SWAP ctVal
 *   0.01 BTC); for inverse swaps ctVal is USD face value, so notional = sz × ctVal and
 *   quantity = notional / price.
 * - Price is the bankruptcy price `bkPx`, not the fill price.
 * - "each contract will only show a maximum of one order per one-second period": a lower bound.
 * Subscribe with `{"op":"subscribe","args":[{"channel":"liquidation-orders","instType":"SWAP"}]}`;
 * OKX drops a connection silent for 30 s, so the text "ping" goes out every 25 s ("pong" comes back).
 */
import { z } from 'zod';
import { eventId, type ParsedEvent } from './event.js';
import { epochMsField, nonEmpty, positiveDecimal } from './decimal.js';
import { describeIssues, isRecord, parseJsonFrame, roundSignificant, snippet, type FrameResult } from './frame.js';
import type { ContractSizes } from './okx-instruments.js';
import type { StreamSpec } from './stream.js';

export const OKX_WS_URL = 'wss://ws.okx.com:8443/ws/v5/public';

const PushSchema = z.object({
  arg: z.object({ channel: z.literal('liquidation-orders') }),
  data: z.array(z.unknown()),
});
const InstrumentSchema = z.object({ instId: nonEmpty, details: z.array(z.unknown()) });
const DetailSchema = z.object({
  side: z.enum(['buy', 'sell']),
  posSide: z.enum(['long', 'short', 'net']),
  bkPx: positiveDecimal,
  sz: positiveDecimal,
  ts: epochMsField,
});

export function okxSubscribeMessage(): string {
  return JSON.stringify({ op: 'subscribe', args: [{ channel: 'liquidation-orders', instType: 'SWAP' }] });
}

function liquidatedSide(posSide: 'long' | 'short' | 'net', side: 'buy' | 'sell'): 'long' | 'short' | undefined {
  if (posSide === 'long') return side === 'sell' ? 'long' : undefined;
  if (posSide === 'short') return side === 'buy' ? 'short' : undefined;
  return side === 'sell' ? 'long' : 'short';
}

export function parseOkxFrame(text: string, assets: ReadonlySet<string>, contracts: ContractSizes): FrameResult {
  if (text === 'pong') return { events: [], problems: [], control: 'okx pong' };
  const json = parseJsonFrame(text);
  if (!json.ok) return { events: [], problems: [`okx: ${json.problem}`] };
  const frame = json.value;
  if (isRecord(frame) && typeof frame.event === 'string') {
    // {"event":"subscribe",…} acknowledges; {"event":"error","code","msg"} reports a refusal.
    if (frame.event === 'error') return { events: [], problems: [`okx: server error ${snippet(text, 160)}`] };
    return { events: [], problems: [], control: `okx ${frame.event}` };
  }
  const push = PushSchema.safeParse(frame);
  if (!push.success) return { events: [], problems: [describeIssues('okx', push.error)] };

  const result: FrameResult = { events: [], problems: [] };
  push.data.data.forEach((raw, i) => {
    const instrument = InstrumentSchema.safeParse(raw);
    if (!instrument.success) {
      result.problems.push(describeIssues(`okx.data[${i}]`, instrument.error));
      return;
    }
    const instId = instrument.data.instId;
    const asset = instId.split('-')[0] ?? '';
    if (!assets.has(asset)) return; // an instrument we do not track
    const contract = contracts.get(instId);
    if (contract === undefined) {
      result.problems.push(`okx.data[${i}].instId: no contract size known for ${snippet(instId, 40)}`);
      return;
    }
    instrument.data.details.forEach((rawDetail, j) => {
      const where = `okx.data[${i}].details[${j}]`;
      const detail = DetailSchema.safeParse(rawDetail);
      if (!detail.success) {
        result.problems.push(describeIssues(where, detail.error));
        return;
      }
      const { side: orderSide, posSide, bkPx, sz, ts } = detail.data;
      const side = liquidatedSide(posSide, orderSide);
      if (side === undefined) {
        result.problems.push(`${where}: posSide ${posSide} with side ${orderSide} is contradictory`);
        return;
      }
      const inverse = contract.ctValCcy === 'USD';
      const notionalUsd = inverse ? sz * contract.ctVal : sz * contract.ctVal * bkPx;
      const quantity = inverse ? notionalUsd / bkPx : sz * contract.ctVal;
      const event: ParsedEvent = {
        id: eventId({ exchange: 'okx', symbol: instId, time: ts, price: bkPx, nativeSize: sz, side }),
        exchange: 'okx',
        symbol: instId,
        asset,
        side,
        price: bkPx,
        quantity: roundSignificant(quantity),
        notionalUsd: roundSignificant(notionalUsd),
        time: ts,
      };
      result.events.push(event);
    });
  });
  return result;
}

export function okxStream(url: string, assets: ReadonlySet<string>, contracts: ContractSizes): StreamSpec {
  return {
    exchange: 'okx',
    url,
    subscribeMessages: () => [okxSubscribeMessage()],
    heartbeat: { intervalMs: 25_000, message: 'ping' },
    idleTimeoutMs: 60_000,
    parse: (text) => parseOkxFrame(text, assets, contracts),
  };
}
