/**
 * Binance USDⓈ-M liquidation stream `!forceOrder@arr` (CONTRACTS.md §2a; docs:
 * https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams/Liquidation-Order-Streams).
 * Frame: `{e:"forceOrder", E, o:{s, S, q, p, ap, X, l, z, T}}`. `S:"SELL"` is the forced sale
 * of a long, so a LONG was liquidated; `"BUY"` a short. Quantity = `z` (filled, base units),
 * price = `ap` (average fill price), notional ≈ z × ap. Binance pushes at most the latest
 * liquidation per symbol per 1000 ms, so totals are a lower bound.
 * No subscription message: the stream is named in the URL. The server sends a ping frame
 * every 3 minutes and `ws` answers with a pong by itself; a connection lasts at most 24 h.
 */
import { z } from 'zod';
import { eventId, type ParsedEvent } from './event.js';
import { epochMsField, nonEmpty, positiveDecimal } from './decimal.js';
import { assetOfLinearSymbol, describeIssues, isRecord, parseJsonFrame, roundSignificant, snippet, type FrameResult } from './frame.js';
import type { StreamSpec } from './stream.js';

export const BINANCE_WS_URL = 'wss://fstream.binance.com/ws/!forceOrder@arr';

const ForceOrderSchema = z.object({
  e: z.literal('forceOrder'),
  o: z.object({
    s: nonEmpty,
    S: z.enum(['BUY', 'SELL']),
    ap: positiveDecimal,
    z: positiveDecimal,
    T: epochMsField,
  }),
});

export function parseBinanceFrame(text: string, assets: ReadonlySet<string>): FrameResult {
  const json = parseJsonFrame(text);
  if (!json.ok) return { events: [], problems: [`binance: ${json.problem}`] };
  let payload = json.value;
  // A combined-stream URL (/stream?streams=…) wraps each event as {stream, data}.
  if (isRecord(payload) && 'stream' in payload && 'data' in payload) payload = payload.data;
  // Answers to JSON-RPC requests ({result, id}) are control frames.
  if (isRecord(payload) && 'id' in payload && !('e' in payload))
    return { events: [], problems: [], control: `binance reply ${snippet(text)}` };
  // `!forceOrder@arr` has been seen both as single events and as arrays of them.
  const entries = Array.isArray(payload) ? payload : [payload];
  const result: FrameResult = { events: [], problems: [] };
  entries.forEach((entry, index) => {
    const where = Array.isArray(payload) ? `binance.forceOrder[${index}]` : 'binance.forceOrder';
    const parsed = ForceOrderSchema.safeParse(entry);
    if (!parsed.success) {
      result.problems.push(describeIssues(where, parsed.error));
      return;
    }
    const order = parsed.data.o;
    const asset = assetOfLinearSymbol(order.s, assets);
    if (asset === undefined) return; // a symbol we do not track
    const side = order.S === 'SELL' ? 'long' : 'short';
    const event: ParsedEvent = {
      id: eventId({ exchange: 'binance', symbol: order.s, time: order.T, price: order.ap, nativeSize: order.z, side }),
      exchange: 'binance',
      symbol: order.s,
      asset,
      side,
      price: order.ap,
      quantity: order.z,
      notionalUsd: roundSignificant(order.z * order.ap),
      time: order.T,
    };
    result.events.push(event);
  });
  return result;
}

export function binanceStream(url: string, assets: ReadonlySet<string>): StreamSpec {
  return {
    exchange: 'binance',
    url,
    subscribeMessages: () => [],
    // Binance pings every 3 minutes; ten minutes without any frame means the link is dead.
    idleTimeoutMs: 10 * 60_000,
    parse: (text) => parseBinanceFrame(text, assets),
  };
}
