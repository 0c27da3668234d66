/**
 * Pure parsers for OKX v5 responses (CONTRACTS.md §1c, §2b, §4c, §5d). Every field is a string,
 * timestamps too; lists are newest first; the envelope is `{code:"0", msg, data}`.
 */
import { z } from 'zod';
import type { Candle, LiquidationOrder } from '../kernel/snapshot/index.js';
import type { EnvelopeProblem } from './http.js';
import { normalizeSeries } from './series.js';
import { HOUR_MS } from '../kernel/time.js';
import {
  assertRowsFor,
  decimal,
  epochMillis,
  nonNegativeDecimal,
  parseWith,
  positiveDecimal,
  schemaViolation,
  type ParseContext,
} from './validate.js';

/** `code` ≠ "0" is an error even with HTTP 200. 50011/50061: rate limit; 50001/50013: busy. */
export function okxEnvelope(body: unknown): EnvelopeProblem | undefined {
  // Not an envelope at all: the schema check reports it with a field path.
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { code, msg } = body as { code?: unknown; msg?: unknown };
  // No code at all is not OKX's envelope (a proxy's 429 body, say); the schema check reports it.
  if (code === '0' || code === 0 || code === undefined) return undefined;
  const text = typeof code === 'string' || typeof code === 'number' ? String(code) : 'missing';
  const detail = typeof msg === 'string' && msg ? msg : `code ${text}`;
  if (text === '50011' || text === '50061') return { kind: 'RateLimitExceeded', code: text, detail, retryable: true };
  if (text === '50001' || text === '50013') return { kind: 'ExchangeNotAvailable', code: text, detail, retryable: true };
  return { kind: 'BadResponse', code: text, detail };
}

const envelope = <T extends z.ZodType>(item: T) => z.looseObject({ code: z.literal('0'), data: z.array(item) });

/** One OKX candle row: [ts, o, h, l, c, vol, volCcy, volCcyQuote, confirm], all strings (spot and swap alike). */
export const CandleRowSchema = z
  .tuple([
    epochMillis,
    positiveDecimal,
    positiveDecimal,
    positiveDecimal,
    positiveDecimal,
    nonNegativeDecimal,
    nonNegativeDecimal,
    nonNegativeDecimal,
    z.enum(['0', '1']),
  ])
  .rest(z.unknown());

/**
 * Candles ascending, closed bars only (`confirm` "1"). For swaps `vol` is contracts, so the
 * base volume is `volCcy` and the quote (USDT) volume `volCcyQuote`.
 */
export function parseCandles(raw: unknown, context: ParseContext): Candle[] {
  const rows = parseWith(envelope(CandleRowSchema), raw, context)
    .data.filter((row) => row[8] === '1')
    .map(([t, o, h, l, c, , volCcy, volCcyQuote]) => ({ t, o, h, l, c, v: volCcy, qv: volCcyQuote }));
  return normalizeSeries(rows, (row) => row.t, context);
}

const FundingHistoryRowSchema = z.looseObject({ instId: z.string(), fundingTime: epochMillis, realizedRate: decimal });

/** Settled funding (`realizedRate`, what was actually charged), ascending. */
export function parseFundingHistory(raw: unknown, context: ParseContext, instId?: string): Array<{ time: number; rate: number }> {
  const { data } = parseWith(envelope(FundingHistoryRowSchema), raw, context);
  assertRowsFor(
    data,
    (row) => row.instId,
    instId,
    context,
    (i) => `.data[${i}].instId`,
  );
  const rows = data.map((row) => ({
    time: row.fundingTime,
    rate: row.realizedRate,
  }));
  return normalizeSeries(rows, (row) => row.time, context);
}

const FundingCurrentSchema = envelope(
  z.looseObject({ instId: z.string(), fundingRate: decimal, fundingTime: epochMillis, nextFundingTime: epochMillis }),
).refine((body) => body.data.length > 0, 'expected one funding-rate row');

/** The current period's rate and its interval (nextFundingTime − fundingTime, hours). */
export function parseFundingCurrent(
  raw: unknown,
  context: ParseContext,
  instId?: string,
): { rate: number; time: number; intervalHours: number } {
  const row = parseWith(FundingCurrentSchema, raw, context).data[0]!;
  assertRowsFor(
    [row],
    (r) => r.instId,
    instId,
    context,
    () => '.data[0].instId',
  );
  const intervalHours = (row.nextFundingTime - row.fundingTime) / HOUR_MS;
  if (!(intervalHours > 0)) throw schemaViolation(context, '.data[0].nextFundingTime', 'expected nextFundingTime after fundingTime');
  return { rate: row.fundingRate, time: row.fundingTime, intervalHours };
}

const OpenInterestSchema = envelope(
  z.looseObject({ instId: z.string(), oi: nonNegativeDecimal, oiCcy: nonNegativeDecimal, oiUsd: nonNegativeDecimal, ts: epochMillis }),
);

/** Current open interest: base coin (`oiCcy`) and USD (`oiUsd`). */
export function parseOpenInterest(
  raw: unknown,
  context: ParseContext,
  instId?: string,
): Array<{ time: number; oiBase: number; oiUsd: number }> {
  const { data } = parseWith(OpenInterestSchema, raw, context);
  assertRowsFor(
    data,
    (row) => row.instId,
    instId,
    context,
    (i) => `.data[${i}].instId`,
  );
  return data.map((row) => ({ time: row.ts, oiBase: row.oiCcy, oiUsd: row.oiUsd }));
}

const InstrumentSchema = envelope(z.looseObject({ instId: z.string(), ctVal: positiveDecimal, ctValCcy: z.string() })).refine(
  (body) => body.data.length > 0,
  'expected the instrument',
);

/** Contract size in base coin (BTC-USDT-SWAP: 0.01 BTC). */
export function parseContractValue(raw: unknown, context: ParseContext): number {
  return parseWith(InstrumentSchema, raw, context).data[0]!.ctVal;
}

const LiquidationSchema = envelope(
  z.looseObject({
    instId: z.string(),
    details: z.array(
      z.looseObject({
        side: z.enum(['buy', 'sell']),
        posSide: z.enum(['long', 'short', 'net']),
        bkPx: positiveDecimal,
        sz: positiveDecimal,
        ts: epochMillis,
      }),
    ),
  }),
);

/**
 * Liquidation orders with price (the bankruptcy price `bkPx`) and size in base coin
 * (`sz` contracts × `ctVal`). A forced sell closes a long; a forced buy closes a short.
 */
export function parseLiquidationOrders(raw: unknown, asset: string, contractValue: number, context: ParseContext): LiquidationOrder[] {
  const orders: LiquidationOrder[] = [];
  parseWith(LiquidationSchema, raw, context).data.forEach((item, i) => {
    // Rows for another underlying (BTC-USD-SWAP is fine for BTC; ETH-USDT-SWAP is not) are not this asset's.
    if (!item.instId.toUpperCase().startsWith(`${asset.toUpperCase()}-`))
      throw schemaViolation(context, `.data[${i}].instId`, `expected a ${asset} contract, got ${JSON.stringify(item.instId).slice(0, 30)}`);
    item.details.forEach((detail, j) => {
      // Like the stream parser: a long is closed by a forced sell, a short by a forced buy, a net
      // position by the order's side; any other pairing contradicts itself and is refused.
      const side = detail.posSide === 'net' ? (detail.side === 'sell' ? 'long' : 'short') : detail.posSide;
      if (detail.posSide !== 'net' && (detail.posSide === 'long') !== (detail.side === 'sell'))
        throw schemaViolation(context, `.data[${i}].details[${j}]`, `side ${detail.side} contradicts posSide ${detail.posSide}`);
      const quantity = detail.sz * contractValue;
      orders.push({
        venue: 'okx',
        symbol: item.instId,
        asset,
        side,
        price: detail.bkPx,
        quantity,
        notionalUsd: quantity * detail.bkPx,
        time: detail.ts,
      });
    });
  });
  return orders.sort((a, b) => a.time - b.time || a.price - b.price);
}

/** How many rows an OKX answer carried before filtering (paging continues while pages are full). */
export function okxRowCount(body: unknown): number {
  const data = body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
  return Array.isArray(data) ? data.length : 0;
}

/** The most common spacing between settlements, in hours (8 when it cannot be told). */
export function inferIntervalHours(times: readonly number[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < times.length; i += 1) {
    const hours = Math.round((times[i]! - times[i - 1]!) / HOUR_MS);
    if (hours > 0) counts.set(hours, (counts.get(hours) ?? 0) + 1);
  }
  let best = 8;
  let bestCount = 0;
  for (const [hours, count] of counts) if (count > bestCount || (count === bestCount && hours < best)) [best, bestCount] = [hours, count];
  return best;
}
