/**
 * Bybit public linear topic `allLiquidation.<symbol>` (CONTRACTS.md §2c). Push every 500 ms:
 * `{topic, type:"snapshot", ts, data:[{T, s, S, v, p}]}`.
 * Side: Bybit's docs (bybit-exchange/docs, docs/v5/websocket/public/all-liquidation.mdx, commit
 * 03fc47b9af7f7fc69e5773533e97a0c7d8f7fb2b) define `S` as "Position side. `Buy`,`Sell`. When
 * you receive a `Buy` update, this means that a long position has been liquidated". So, unlike
 * Binance's order side, `Buy` = a LONG was liquidated and `Sell` = a short.
 * `v` is the executed size in base units for linear USDT contracts; `p` the bankruptcy price.
 * Subscribe with `{"op":"subscribe","args":["allLiquidation.BTCUSDT",…]}` (at most 10 topics
 * per request); Bybit expects `{"op":"ping"}` every 20 s.
 */
import { z } from 'zod';
import { eventId, type ParsedEvent } from './event.js';
import { epochMsField, nonEmpty, positiveDecimal } from './decimal.js';
import { assetOfLinearSymbol, describeIssues, isRecord, parseJsonFrame, roundSignificant, snippet, type FrameResult } from './frame.js';
import type { StreamSpec } from './stream.js';

export const BYBIT_WS_URL = 'wss://stream.bybit.com/v5/public/linear';

const TOPICS_PER_REQUEST = 10;

const PushSchema = z.object({
  topic: z.string().startsWith('allLiquidation.'),
  // The docs' table says Object, their example (and real frames) an array: accept both.
  data: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown()).transform((one) => [one])]),
});
const EntrySchema = z.object({
  T: epochMsField,
  s: nonEmpty,
  S: z.enum(['Buy', 'Sell']),
  v: positiveDecimal,
  p: positiveDecimal,
});

export function bybitTopics(assets: Iterable<string>): string[] {
  return [...assets].map((asset) => `allLiquidation.${asset}USDT`);
}

export function bybitSubscribeMessages(assets: Iterable<string>): string[] {
  const topics = bybitTopics(assets);
  const messages: string[] = [];
  for (let i = 0; i < topics.length; i += TOPICS_PER_REQUEST) {
    messages.push(JSON.stringify({ op: 'subscribe', args: topics.slice(i, i + TOPICS_PER_REQUEST) }));
  }
  return messages;
}

export function parseBybitFrame(text: string, assets: ReadonlySet<string>): FrameResult {
  const json = parseJsonFrame(text);
  if (!json.ok) return { events: [], problems: [`bybit: ${json.problem}`] };
  const frame = json.value;
  // Replies to our requests carry `op` (subscribe acks, pongs); `success:false` is a refusal.
  if (isRecord(frame) && 'op' in frame) {
    if (frame.success === false) return { events: [], problems: [`bybit: request refused ${snippet(text, 160)}`] };
    return { events: [], problems: [], control: `bybit ${String(frame.op)}` };
  }
  const push = PushSchema.safeParse(frame);
  if (!push.success) return { events: [], problems: [describeIssues('bybit', push.error)] };
  const result: FrameResult = { events: [], problems: [] };
  push.data.data.forEach((raw, i) => {
    const entry = EntrySchema.safeParse(raw);
    if (!entry.success) {
      result.problems.push(describeIssues(`bybit.data[${i}]`, entry.error));
      return;
    }
    const { T: time, s: symbol, S, v: quantity, p: price } = entry.data;
    const asset = assetOfLinearSymbol(symbol, assets);
    if (asset === undefined) return;
    const side = S === 'Buy' ? 'long' : 'short';
    const event: ParsedEvent = {
      id: eventId({ exchange: 'bybit', symbol, time, price, nativeSize: quantity, side }),
      exchange: 'bybit',
      symbol,
      asset,
      side,
      price,
      quantity,
      notionalUsd: roundSignificant(quantity * price),
      time,
    };
    result.events.push(event);
  });
  return result;
}

export function bybitStream(url: string, assets: ReadonlySet<string>): StreamSpec {
  return {
    exchange: 'bybit',
    url,
    subscribeMessages: () => bybitSubscribeMessages(assets),
    heartbeat: { intervalMs: 20_000, message: JSON.stringify({ op: 'ping' }) },
    idleTimeoutMs: 60_000,
    parse: (text) => parseBybitFrame(text, assets),
  };
}
