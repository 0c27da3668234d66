/**
 * Pure parsers for the Binance USDⓈ-M futures responses (shapes: CONTRACTS.md §4a–§5d and the
 * samples in shared/reference/api). Prices in USDT, rates as fractions, times ms UTC.
 */
import { z } from 'zod';
import { normalizeSeries } from './series.js';
import { DAY_MS } from '../kernel/time.js';
import {
  assertRowsFor,
  decimal,
  decimalOrEmpty,
  epochMillis,
  nonNegativeDecimal,
  parseWith,
  positiveDecimal,
  type ParseContext,
} from './validate.js';

const PremiumIndexSchema = z.looseObject({
  symbol: z.string(),
  markPrice: positiveDecimal,
  indexPrice: positiveDecimal,
  lastFundingRate: decimal,
  nextFundingTime: epochMillis,
  time: epochMillis,
});
export type PremiumIndex = z.output<typeof PremiumIndexSchema>;

export function parsePremiumIndex(raw: unknown, context: ParseContext, symbol?: string): PremiumIndex {
  const parsed = parseWith(PremiumIndexSchema, raw, context);
  assertRowsFor(
    [parsed],
    (row) => row.symbol,
    symbol,
    context,
    () => '.symbol',
  );
  return parsed;
}

const FundingRateSchema = z.array(z.looseObject({ symbol: z.string(), fundingRate: decimal, fundingTime: epochMillis }));

/** Settled funding, ascending: `{time, rate}` with rate a fraction per interval. */
export function parseFundingRates(raw: unknown, context: ParseContext, symbol?: string): Array<{ time: number; rate: number }> {
  const parsed = parseWith(FundingRateSchema, raw, context);
  assertRowsFor(
    parsed,
    (row) => row.symbol,
    symbol,
    context,
    (i) => `[${i}].symbol`,
  );
  const rows = parsed.map((row) => ({ time: row.fundingTime, rate: row.fundingRate }));
  return normalizeSeries(rows, (row) => row.time, context);
}

const FundingInfoSchema = z.array(
  z.looseObject({ symbol: z.string(), fundingIntervalHours: decimal.refine((n) => n > 0, 'expected hours > 0') }),
);

/** Symbol → funding interval in hours (only symbols with adjusted settings are listed). */
export function parseFundingInfo(raw: unknown, context: ParseContext): Map<string, number> {
  return new Map(parseWith(FundingInfoSchema, raw, context).map((row) => [row.symbol, row.fundingIntervalHours]));
}

const OpenInterestSchema = z.looseObject({ symbol: z.string(), openInterest: nonNegativeDecimal, time: epochMillis });

/** Current open interest in base units (BTC). */
export function parseOpenInterest(raw: unknown, context: ParseContext, symbol?: string): { time: number; oiBase: number } {
  const parsed = parseWith(OpenInterestSchema, raw, context);
  assertRowsFor(
    [parsed],
    (row) => row.symbol,
    symbol,
    context,
    () => '.symbol',
  );
  return { time: parsed.time, oiBase: parsed.openInterest };
}

const OpenInterestHistSchema = z.array(
  z.looseObject({
    symbol: z.string(),
    sumOpenInterest: nonNegativeDecimal,
    sumOpenInterestValue: nonNegativeDecimal,
    timestamp: epochMillis,
  }),
);

/** Hourly open interest: base units and USD, ascending. */
export function parseOpenInterestHist(
  raw: unknown,
  context: ParseContext,
  symbol?: string,
): Array<{ time: number; oiBase: number; oiUsd: number }> {
  const parsed = parseWith(OpenInterestHistSchema, raw, context);
  assertRowsFor(
    parsed,
    (row) => row.symbol,
    symbol,
    context,
    (i) => `[${i}].symbol`,
  );
  const rows = parsed.map((row) => ({
    time: row.timestamp,
    oiBase: row.sumOpenInterest,
    oiUsd: row.sumOpenInterestValue,
  }));
  return normalizeSeries(rows, (row) => row.time, context);
}

const BasisSchema = z.array(
  z.looseObject({
    pair: z.string(),
    contractType: z.string(),
    futuresPrice: positiveDecimal,
    indexPrice: positiveDecimal,
    annualizedBasisRate: decimalOrEmpty,
    timestamp: epochMillis,
  }),
);

/**
 * Basis points, ascending. Binance's own `annualizedBasisRate` is kept when given; when it is
 * `""` it is computed as (future / index − 1) × 365 / days to expiry.
 */
export function parseBasis(
  raw: unknown,
  expiry: number,
  context: ParseContext,
): Array<{ time: number; futuresPrice: number; indexPrice: number; annualizedBasis: number }> {
  const rows = parseWith(BasisSchema, raw, context).map((row) => {
    const days = (expiry - row.timestamp) / DAY_MS;
    const computed = days > 0 ? (row.futuresPrice / row.indexPrice - 1) * (365 / days) : 0;
    return {
      time: row.timestamp,
      futuresPrice: row.futuresPrice,
      indexPrice: row.indexPrice,
      annualizedBasis: row.annualizedBasisRate ?? computed,
    };
  });
  return normalizeSeries(rows, (row) => row.time, context);
}

const DeliveryPriceSchema = z.array(z.looseObject({ deliveryTime: epochMillis, deliveryPrice: decimal }));

/** Binance's quarterlies settle at 08:00 UTC on the delivery day. */
const SETTLEMENT_HOUR_MS = 8 * 3_600_000;

/**
 * Past quarterly delivery times, ascending, ms UTC. The endpoint reports each delivery at 00:00 UTC
 * of its day (the captured responses: 1695945600000 = 2023-09-29T00:00Z) while the contract settles
 * at 08:00 UTC, so the day is kept and the settlement hour put back: 8 h early would shorten every
 * days-to-expiry and skew the annualised basis computed from it.
 */
export function parseDeliveryPrices(raw: unknown, context: ParseContext): number[] {
  return parseWith(DeliveryPriceSchema, raw, context)
    .map((row) => Math.floor(row.deliveryTime / DAY_MS) * DAY_MS + SETTLEMENT_HOUR_MS)
    .sort((a, b) => a - b);
}

/**
 * Expiry of the quarterly contract `offset` quarters ahead (0 = CURRENT_QUARTER) at instant `at`.
 * Binance quarterlies settle on the last Friday of March, June, September and December at 08:00
 * UTC; a recorded delivery in the same month (delivery-price) overrides the rule.
 */
export function quarterlyExpiry(at: number, offset: number, deliveries: readonly number[] = []): number {
  const candidates: number[] = [];
  const date = new Date(at);
  for (let year = date.getUTCFullYear(); candidates.length < offset + 1; year += 1) {
    for (const month of [2, 5, 8, 11]) {
      const ruled = lastFridayAt8(year, month);
      const recorded = deliveries.find((d) => new Date(d).getUTCFullYear() === year && new Date(d).getUTCMonth() === month);
      const expiry = recorded ?? ruled;
      if (expiry > at) candidates.push(expiry);
      if (candidates.length === offset + 1) break;
    }
  }
  return candidates[offset]!;
}

function lastFridayAt8(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const back = (lastDay.getUTCDay() - 5 + 7) % 7;
  return Date.UTC(year, month, lastDay.getUTCDate() - back, 8);
}
