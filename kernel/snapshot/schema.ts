/**
 * The snapshot: the one contract between fetching and everything downstream.
 *
 * These zod schemas are the single source of truth for the snapshot types; the TypeScript
 * types are inferred from them. Conventions:
 * - Instants in dense series (`t`, `time`) are milliseconds since the Unix epoch, UTC.
 * - Instants in metadata (`fetchedAt`, `asOf`, `generatedAt`) are ISO 8601 strings in UTC.
 * - Calendar dates (`date`) are `YYYY-MM-DD`; for the brief it is a day in `timezone`
 *   (default Asia/Shanghai, UTC+8); for ETFs it is the US trading day.
 * - Money is in USD unless a field says otherwise; `…Fraction` fields are fractions
 *   (0.05 = 5 %), never percentages. Funding rates are fractions per funding interval.
 * - Every series carries `provenance`; what is missing is listed in `gaps`, never filled with 0.
 */
import { z } from 'zod';
import { INPUT_LIMITS } from '../input-limits.js';

/** Current version; a snapshot with a newer or unknown version is refused. */
export const SCHEMA_VERSION = 1;

// zod 4 rejects NaN and ±Infinity for z.number(); these name the intent.
const finite = z.number();
const positive = z.number().positive();
/**
 * The largest number a price field of a snapshot file may hold, USD per unit: a format bound (a
 * unit error, a hand-edited file is refused with the field's path), not a market judgement. The
 * market's ceiling, above which a fetched candle is quarantined, is the configured
 * `price.plausibleMaxUsd` (kernel/thresholds.ts), which may not exceed this.
 */
export const PRICE_FORMAT_MAX_USD = 1e9;
const price = z.number().positive().max(PRICE_FORMAT_MAX_USD, 'implausible price: more than 1e9 USD per unit');
const nonNegative = z.number().nonnegative();
const epochMs = z.number().int().nonnegative();
const isoInstant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

/**
 * An IANA time zone the runtime knows (Asia/Shanghai, UTC). Every date label and chart axis is
 * computed in it, so an unknown name is refused here (exit 2) rather than failing mid-render.
 */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'expected an IANA time zone such as Asia/Shanghai');

/** Assets are upper-case tickers such as BTC, ETH, BNB. */
export const AssetSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'expected an upper-case ticker such as BTC');

/** Where a datum came from. The endpoint never contains a key or secret. */
export const ProvenanceSchema = z.strictObject({
  provider: z.string().min(1),
  endpoint: z.string().min(1),
  fetchedAt: isoInstant,
  asOf: isoInstant,
  /** 'fetched' from the live API, 'replayed' from a recording, or 'reconstructed' from published figures. */
  method: z.enum(['fetched', 'replayed', 'reconstructed']).default('fetched'),
});

export const CandleSchema = z.strictObject({
  /** Open time, ms UTC. */
  t: epochMs,
  o: price,
  h: price,
  l: price,
  c: price,
  /** Volume in base units (BTC for BTCUSDT). */
  v: nonNegative,
  /** Volume in quote units (USDT ≈ USD), when the venue gives it. */
  qv: nonNegative.optional(),
});

export const PriceSeriesSchema = z.strictObject({
  asset: AssetSchema,
  market: z.enum(['spot', 'perp']),
  venue: z.string().min(1),
  symbol: z.string().min(1),
  interval: z.enum(['1h', '1d']),
  // Bounded: millions of candles are no day's data and would exhaust the analysis (refused, exit 2).
  candles: z
    .array(CandleSchema)
    .max(INPUT_LIMITS.candlesPerSeriesMax, `more than ${INPUT_LIMITS.candlesPerSeriesMax} candles in one series`),
  provenance: ProvenanceSchema,
});

/** A day's (or window's) liquidation totals from one source. */
export const LiquidationTotalsSchema = z.strictObject({
  source: z.string().min(1),
  asset: AssetSchema.optional(),
  /** Window the totals cover, ms UTC, end exclusive. */
  start: epochMs,
  end: epochMs,
  totalUsd: nonNegative,
  longUsd: nonNegative,
  shortUsd: nonNegative,
  /** 'lower-bound' when the source samples (exchange streams push at most one order per symbol per second). */
  coverage: z.enum(['complete', 'lower-bound']),
  /**
   * What the total spans: 'market-wide' (all coins on all exchanges the source tracks; no `asset`)
   * or 'exchanges' (only the venues in `exchanges`). Absent in older snapshots: read as the
   * source's own scope, never as market-wide unless `asset` is absent.
   */
  scope: z.enum(['market-wide', 'exchanges']).optional(),
  /** For scope 'exchanges': the venues summed, as the source names them. */
  exchanges: z.array(z.string().min(1).max(24)).max(50).optional(),
  provenance: ProvenanceSchema,
});

export const LiquidationOrderSchema = z.strictObject({
  venue: z.string().min(1),
  symbol: z.string().min(1),
  asset: AssetSchema,
  /** The position that was liquidated: a long is force-sold, a short force-bought. */
  side: z.enum(['long', 'short']),
  price,
  /** Quantity in base units (BTC), already multiplied by the contract size. */
  quantity: positive,
  notionalUsd: positive,
  time: epochMs,
});

export const LiquidationHistorySchema = z.strictObject({
  source: z.string().min(1),
  asset: AssetSchema.optional(),
  /** Daily totals, one per calendar day in the snapshot's timezone, ascending. */
  daily: z.array(z.strictObject({ date: isoDate, totalUsd: nonNegative, longUsd: nonNegative, shortUsd: nonNegative })),
  provenance: ProvenanceSchema,
});

export const LiquidationsSchema = z.strictObject({
  totals: z.array(LiquidationTotalsSchema),
  history: z.array(LiquidationHistorySchema).default([]),
  orders: z.array(
    z.strictObject({
      source: z.string().min(1),
      coverage: z.enum(['complete', 'lower-bound']),
      orders: z.array(LiquidationOrderSchema),
      provenance: ProvenanceSchema,
    }),
  ),
});

export const FundingSeriesSchema = z.strictObject({
  venue: z.string().min(1),
  symbol: z.string().min(1),
  asset: AssetSchema,
  /** Hours between fundings (8 on most venues; 4, 2 or 1 on some symbols). */
  intervalHours: positive,
  /** The current period's rate, fraction per interval (0.0001 = 0.01 % per interval). */
  current: z.strictObject({ rate: finite, time: epochMs }).optional(),
  /** Settled rates, ascending by time. */
  history: z.array(z.strictObject({ time: epochMs, rate: finite })),
  provenance: ProvenanceSchema,
});

export const BasisPointSchema = z.strictObject({
  time: epochMs,
  futuresPrice: price,
  indexPrice: price,
  /** (future / index − 1) × 365 / days to expiry, as a fraction. */
  annualizedBasis: finite,
});

export const BasisTenorSchema = z.strictObject({
  venue: z.string().min(1),
  asset: AssetSchema,
  contract: z.string().min(1),
  /** e.g. CURRENT_QUARTER, NEXT_QUARTER, or the expiry label for a Deribit future. */
  tenor: z.string().min(1),
  /** Expiry, ms UTC. */
  expiry: epochMs,
  history: z.array(BasisPointSchema),
  provenance: ProvenanceSchema,
});

export const OpenInterestSeriesSchema = z.strictObject({
  venue: z.string().min(1),
  symbol: z.string().min(1),
  asset: AssetSchema,
  history: z.array(z.strictObject({ time: epochMs, oiBase: nonNegative.optional(), oiUsd: nonNegative })),
  provenance: ProvenanceSchema,
});

export const EtfSeriesSchema = z.strictObject({
  ticker: z.string().regex(/^[A-Z.^-]{1,12}$/),
  /** The asset the fund holds. */
  asset: AssetSchema,
  issuer: z.string().optional(),
  /** US trading days, ascending: close in USD, share volume. */
  daily: z.array(z.strictObject({ date: isoDate, close: price, volume: nonNegative })),
  provenance: ProvenanceSchema,
});

export const EtfFlowsSchema = z.strictObject({
  source: z.string().min(1),
  asset: AssetSchema,
  /** Net creations minus redemptions per trading day, USD (negative = outflow). */
  daily: z.array(
    z.strictObject({
      date: isoDate,
      netFlowUsd: finite,
      perTicker: z.array(z.strictObject({ ticker: z.string(), netFlowUsd: finite })).default([]),
    }),
  ),
  provenance: ProvenanceSchema,
});

const OwnerSchema = z.strictObject({
  address: z.string().optional(),
  owner: z.string().optional(),
  ownerType: z.string().optional(),
});

export const WhaleTransfersSchema = z.strictObject({
  source: z.string().min(1),
  chain: z.string().min(1),
  asset: AssetSchema,
  /** Transfers at or above this many coins are listed. */
  thresholdCoins: positive,
  /** Transactions on the brief's day (and the day before, for before/after a level), ascending. */
  transfers: z.array(
    z.strictObject({
      /** Transaction hashes and ids stay strings: they can exceed 2^53. */
      hash: z.string().min(1),
      time: epochMs,
      amountCoins: positive,
      amountUsd: nonNegative.optional(),
      from: OwnerSchema.optional(),
      to: OwnerSchema.optional(),
    }),
  ),
  /** Daily count of transactions at or above the threshold, for the 30-day baseline. */
  dailyCounts: z.array(z.strictObject({ date: isoDate, count: z.number().int().nonnegative() })),
  provenance: ProvenanceSchema,
});

export const ExchangeFlowsSchema = z.strictObject({
  source: z.string().min(1),
  asset: AssetSchema,
  /** Hourly flows into and out of labelled exchange wallets, in coins. */
  hourly: z.array(z.strictObject({ t: epochMs, inflow: nonNegative, outflow: nonNegative })),
  provenance: ProvenanceSchema,
});

export const VolatilityIndexSchema = z.strictObject({
  source: z.string().min(1),
  /** e.g. DVOL. */
  index: z.string().min(1),
  asset: AssetSchema,
  /** Annualized implied volatility in vol points (45 = 45 %). */
  unit: z.literal('vol-points'),
  daily: z.array(CandleSchema.omit({ v: true, qv: true })),
  hourly: z.array(CandleSchema.omit({ v: true, qv: true })).default([]),
  provenance: ProvenanceSchema,
});

export const MacroSeriesSchema = z.strictObject({
  symbol: z.string().min(1),
  name: z.string().min(1),
  daily: z.array(z.strictObject({ date: isoDate, close: finite })),
  provenance: ProvenanceSchema,
});

export const DataFamilySchema = z.enum([
  'prices',
  'perpetuals',
  'liquidations',
  'funding',
  'basis',
  'openInterest',
  'etfs',
  'etfFlows',
  'whaleTransfers',
  'exchangeFlows',
  'volatility',
  'macro',
]);

/** Figures a quarantine or a coverage gap leaves computed without some values, or in doubt. */
export const GapFigureSchema = z.enum(['low', 'high', 'close', 'change', 'drawdown', 'volume', 'total']);

/**
 * What a cross-check, a coverage check or a fallback found, in structured form: the narrative
 * words it per language (hours in the brief's timezone), so no English error text reaches a zh brief.
 */
export const GapCheckSchema = z.strictObject({
  /**
   * hourly-vs-daily: hourly candles outside the same venue's daily candle, left out;
   * vs-index: hourly candles whose low–high range misses the index price of that hour, left out;
   * vs-reference: hourly candles far from the perpetual / other venues at the same hour, left out;
   * missing-hours: hours of the window without a candle;
   * missing-session: ETF tickers without a bar for the latest session (totals exclude them);
   * event-size: collected liquidation events larger than the day's open interest allows, left out;
   * lower-bound-above-total: a sampled (lower-bound) total above a complete one, left out;
   * spot-fallback: the spot price comes from `substitute` because `source` was unavailable.
   */
  name: z.enum([
    'hourly-vs-daily',
    'vs-index',
    'vs-reference',
    'missing-hours',
    'missing-session',
    'event-size',
    'lower-bound-above-total',
    'spot-fallback',
  ]),
  /** Open times (ms UTC) of the candles or hours concerned, ascending. */
  times: z.array(epochMs).max(800).optional(),
  /** Tickers, symbols or venues concerned. */
  symbols: z.array(z.string().min(1).max(24)).max(50).optional(),
  /** The figures computed without the values (or in doubt because of them). */
  figures: z.array(GapFigureSchema).optional(),
  /** For a fallback: the provider that stood in. */
  substitute: z.string().min(1).optional(),
  /** For missing-session: the session date (US trading day). */
  date: isoDate.optional(),
});

export const GapSchema = z.strictObject({
  family: DataFamilySchema,
  /** Provider id, e.g. coinglass. */
  source: z.string().min(1),
  asset: AssetSchema.optional(),
  /** Error kind (see sources/errors) or 'not-configured', 'no-free-source', 'empty'. */
  kind: z.string().min(1),
  /** One line a reader can understand, e.g. "429 rate limited", "no API key configured". */
  reason: z.string().min(1).max(300),
  endpoint: z.string().optional(),
  /** The HTTP status of the failed response, when there was one: from the response, never read from text. */
  status: z.number().int().min(100).max(599).optional(),
  /** Structured finding of a cross-check, coverage check or fallback (see GapCheckSchema). */
  check: GapCheckSchema.optional(),
});

export const OriginSchema = z.strictObject({
  kind: z.enum(['fetched', 'replayed', 'reconstructed', 'synthetic']),
  /** Plain words for a reader: where this snapshot's data came from. */
  description: z.string().min(1),
  reference: z.string().optional(),
});

export const SnapshotSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** The brief's day, a calendar day in `timezone`. */
  date: isoDate,
  timezone: TimeZoneSchema,
  /** The brief's window, ms UTC: [start, end) of `date` in `timezone`. */
  window: z.strictObject({ start: epochMs, end: epochMs }),
  generatedAt: isoInstant,
  origin: OriginSchema,
  assets: z.array(AssetSchema).min(1),
  /** Spot candles: daily (≥ 30 days, often years) and hourly (the brief's day and the 30 days before). */
  prices: z.array(PriceSeriesSchema),
  /** Perpetual-swap candles per venue; their volume is the perpetual volume. */
  perpetuals: z.array(PriceSeriesSchema),
  liquidations: LiquidationsSchema,
  funding: z.array(FundingSeriesSchema),
  basis: z.array(BasisTenorSchema),
  openInterest: z.array(OpenInterestSeriesSchema),
  etfs: z.array(EtfSeriesSchema),
  etfFlows: z.array(EtfFlowsSchema),
  whaleTransfers: z.array(WhaleTransfersSchema),
  exchangeFlows: z.array(ExchangeFlowsSchema),
  volatility: z.array(VolatilityIndexSchema),
  macro: z.array(MacroSeriesSchema),
  gaps: z.array(GapSchema),
});

export type Snapshot = z.infer<typeof SnapshotSchema>;
export type SnapshotInput = z.input<typeof SnapshotSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type Candle = z.infer<typeof CandleSchema>;
export type PriceSeries = z.infer<typeof PriceSeriesSchema>;
export type LiquidationTotals = z.infer<typeof LiquidationTotalsSchema>;
export type LiquidationOrder = z.infer<typeof LiquidationOrderSchema>;
export type LiquidationHistory = z.infer<typeof LiquidationHistorySchema>;
export type FundingSeries = z.infer<typeof FundingSeriesSchema>;
export type BasisTenor = z.infer<typeof BasisTenorSchema>;
export type OpenInterestSeries = z.infer<typeof OpenInterestSeriesSchema>;
export type EtfSeries = z.infer<typeof EtfSeriesSchema>;
export type EtfFlows = z.infer<typeof EtfFlowsSchema>;
export type WhaleTransfers = z.infer<typeof WhaleTransfersSchema>;
export type ExchangeFlows = z.infer<typeof ExchangeFlowsSchema>;
export type VolatilityIndex = z.infer<typeof VolatilityIndexSchema>;
export type MacroSeries = z.infer<typeof MacroSeriesSchema>;
export type DataFamily = z.infer<typeof DataFamilySchema>;
export type Gap = z.infer<typeof GapSchema>;
export type GapCheck = z.infer<typeof GapCheckSchema>;
export type GapFigure = z.infer<typeof GapFigureSchema>;
