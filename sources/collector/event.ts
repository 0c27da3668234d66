/**
 * The collector's normalised liquidation event: one per line in `<outDir>/<YYYY-MM-DD>.jsonl`
 * (the UTC day of `time`). Every exchange's frame is reduced to this shape:
 * - `side` is the position that was liquidated ('long' = a long was force-sold).
 * - `price` in USD(T) per base unit: Binance's average fill price, OKX's and Bybit's bankruptcy price.
 * - `quantity` in base units (BTC), already multiplied by the contract size.
 * - `notionalUsd` = quantity × price for USDT/USDC-margined contracts (USDT taken as USD), or the
 *   contracts' USD face value for OKX inverse swaps.
 * - `time` is the exchange's event time, `receivedAt` the collector's clock, both ms since the epoch (UTC).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AssetSchema } from '../../kernel/snapshot/index.js';

export const EXCHANGES = ['binance', 'okx', 'bybit'] as const;
export type Exchange = (typeof EXCHANGES)[number];

export const CollectedEventSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/, 'expected a 32-hex-digit event id'),
  exchange: z.enum(EXCHANGES),
  symbol: z.string().min(1),
  asset: AssetSchema,
  side: z.enum(['long', 'short']),
  price: z.number().positive(),
  quantity: z.number().positive(),
  notionalUsd: z.number().positive(),
  time: z.number().int().nonnegative(),
  receivedAt: z.number().int().nonnegative(),
});
export type CollectedEvent = z.infer<typeof CollectedEventSchema>;

/** What a frame parser yields: the event before the collector stamps `receivedAt`. */
export type ParsedEvent = Omit<CollectedEvent, 'receivedAt'>;

/**
 * The identity of a liquidation, stable across reconnects and restarts: the exchange's own
 * fields (symbol, time, price, native size, side), never the collector's clock. `nativeSize` is
 * the size as the exchange states it (contracts on OKX), so a changed contract-size table does
 * not change the id. Two genuinely distinct liquidations identical in all of these would be
 * merged; the streams give no order id to tell them apart.
 */
export function eventId(parts: {
  exchange: Exchange;
  symbol: string;
  time: number;
  price: number;
  nativeSize: number;
  side: 'long' | 'short';
}): string {
  // Numbers go through String() so "9910" and "9910.0" in a replayed frame give the same id.
  const key = [parts.exchange, parts.symbol, String(parts.time), String(parts.price), String(parts.nativeSize), parts.side].join('|');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** The UTC calendar day (`YYYY-MM-DD`) of an instant in ms; the collector's files are per UTC day. */
export function utcDay(timeMs: number): string {
  return new Date(timeMs).toISOString().slice(0, 10);
}

/** The file holding a UTC day's events. */
export function dayFileName(day: string): string {
  return `${day}.jsonl`;
}

/** One line of the day file, keys in a fixed order so equal events give equal bytes. */
export function serializeEvent(event: CollectedEvent): string {
  const ordered: CollectedEvent = {
    id: event.id,
    exchange: event.exchange,
    symbol: event.symbol,
    asset: event.asset,
    side: event.side,
    price: event.price,
    quantity: event.quantity,
    notionalUsd: event.notionalUsd,
    time: event.time,
    receivedAt: event.receivedAt,
  };
  return `${JSON.stringify(ordered)}\n`;
}
