/**
 * Findings: what analysis derives from a snapshot, as typed data and no prose.
 *
 * The contract between analysis (pipeline/analysis) and narrative (pipeline/narrative).
 * Naming rules: `…Fraction` is a fraction (0.05 = 5 %), never a percentage; `…Usd` is US
 * dollars; `…Coins` is units of the asset; instants (`time`, `…At`) are ms UTC; `rate`s of
 * funding are fractions per `intervalHours`, and `…Per8h` normalises them to 8 hours.
 *
 * Every finding carries `importance` (0–100, for ordering), `sources` (provider ids for the
 * reader), `paths` (the snapshot paths used, e.g. `prices[0].candles`) and, where a threshold
 * fired, `threshold`.
 */
import { z } from 'zod';
import { GapCheckSchema } from '../../kernel/snapshot/schema.js';

const finite = z.number();
const fraction = z.number();
const usd = z.number();
const epochMs = z.number().int();

const ThresholdSchema = z.strictObject({
  /** The configuration key, e.g. `deleveraging.longShareMin`. */
  name: z.string(),
  value: finite,
  unit: z.enum(['fraction', 'usd', 'multiple', 'coins', 'per8h', 'vol-points', 'count', 'price']),
});

const base = {
  importance: z.number().min(0).max(100),
  sources: z.array(z.string()),
  paths: z.array(z.string()),
  threshold: ThresholdSchema.optional(),
};

const Range = z.strictObject({ low: finite, high: finite });

/** The day's price action for one asset. */
export const PriceMoveSchema = z.strictObject({
  kind: z.literal('price_move'),
  ...base,
  asset: z.string(),
  venue: z.string(),
  /** Brief window in UTC ms. */
  start: epochMs,
  end: epochMs,
  open: finite,
  high: finite,
  low: finite,
  close: finite,
  highTime: epochMs,
  lowTime: epochMs,
  prevClose: finite,
  /** close / prevClose − 1. */
  changeFraction: fraction,
  /** low / high − 1 within the window (negative): the intraday high-to-low drawdown. */
  drawdownFraction: fraction,
  /** Whether the low came after the high (a drop) or before it (a rally). */
  direction: z.enum(['down', 'up', 'flat']),
  /**
   * Open times of the window's closed hours with no candle (missing from the source or left out
   * by a cross-check): the high, low, drawdown (and the close, if the last hour is among them) are
   * computed without them, so the brief says so beside them. Absent when the window is complete.
   */
  missingHours: z.array(epochMs).optional(),
});

/** A round level crossed during the window. */
export const LevelBreakSchema = z.strictObject({
  kind: z.literal('level_break'),
  ...base,
  asset: z.string(),
  level: finite,
  direction: z.enum(['below', 'above']),
  /** First hour (open time) whose low (or high) crossed the level. */
  time: epochMs,
  /** Whether the window closed beyond the level (held) or back on the other side (reclaimed). */
  closedBeyond: z.boolean(),
});

/** Several assets falling or rising together. */
export const SystemicMoveSchema = z.strictObject({
  kind: z.literal('systemic_move'),
  ...base,
  direction: z.enum(['down', 'up']),
  assets: z.array(z.strictObject({ asset: z.string(), changeFraction: fraction })),
  /** True when every configured asset moved the same way beyond the threshold. */
  systemic: z.boolean(),
});

/** The day's move ranked against the available daily history. */
export const HistoricalRankSchema = z.strictObject({
  kind: z.literal('historical_rank'),
  ...base,
  asset: z.string(),
  metric: z.enum(['close_to_close', 'high_to_low']),
  value: fraction,
  /** 1 = the largest move of its sign in the sample. */
  rank: z.number().int().positive(),
  sampleDays: z.number().int().positive(),
  /** The last day with a larger move of the same sign ("largest since …"), or absent if none. */
  since: z
    .strictObject({
      date: z.string(),
      value: fraction,
      daysAgo: z.number().int(),
      /** The curated market event that day belongs to (market-events.ts), when it does. */
      event: z.strictObject({ id: z.string(), zh: z.string(), en: z.string(), url: z.string() }).optional(),
    })
    .optional(),
  /** First day of the sample: without \`since\`, the move is the largest since at least this day, not "in N days". */
  sampleStart: z.string(),
});

export const LiquidationsFindingSchema = z.strictObject({
  kind: z.literal('liquidations'),
  ...base,
  /** The asset the totals cover; absent = all assets (market-wide, 全网). */
  asset: z.string().optional(),
  /** Window of the totals, ms UTC. */
  start: epochMs,
  end: epochMs,
  perSource: z.array(
    z.strictObject({
      source: z.string(),
      totalUsd: usd,
      longUsd: usd,
      shortUsd: usd,
      longFraction: fraction,
      coverage: z.enum(['complete', 'lower-bound']),
      /** The venues the source summed, when it names them (Coinglass per asset: Binance, OKX, Bybit): not the whole market. */
      exchanges: z.array(z.string()).optional(),
    }),
  ),
  /** Across sources: the narrowest range that holds every complete source. */
  totalRangeUsd: Range,
  longFractionRange: Range,
  /** Total against the 30-day median of daily totals, when history is present. */
  median30dUsd: usd.optional(),
  multipleOfMedian: finite.optional(),
  /** The source whose history gave the median (its total is the numerator of the multiple). */
  medianSource: z.string().optional(),
  /** Daily totals the median was taken over. */
  medianDays: z.number().int().positive().optional(),
  /** Longs at or above the configured share. */
  longDominant: z.boolean(),
  /** Some totals come from sampled streams and understate the real figure. */
  lowerBound: z.boolean(),
});

export const LiquidationClusterSchema = z.strictObject({
  kind: z.literal('liquidation_cluster'),
  ...base,
  asset: z.string(),
  side: z.enum(['long', 'short', 'both']),
  band: Range,
  notionalUsd: usd,
  orderCount: z.number().int().nonnegative(),
  /** Share of the side's liquidated notional (of the price kind used) that fell in the band. */
  shareFraction: fraction,
  /** Fill prices (Binance) or bankruptcy prices (OKX, Bybit), which lie beyond the fill. */
  priceKind: z.enum(['fill', 'bankruptcy']),
  /** Venues whose orders formed the band. */
  venues: z.array(z.string()),
  /** The asset's traded range overlapped the band: only then did price reach it. */
  reachedByPrice: z.boolean(),
  start: epochMs,
  end: epochMs,
});

export const VolumeSpikeSchema = z.strictObject({
  kind: z.literal('volume_spike'),
  ...base,
  asset: z.string(),
  market: z.enum(['perp', 'spot']),
  perVenue: z.array(
    z.strictObject({
      venue: z.string(),
      dayVolumeUsd: usd,
      prevDayVolumeUsd: usd,
      /** dayVolume / prevDayVolume − 1. */
      changeVsPrevFraction: fraction,
      avg30dUsd: usd.optional(),
      multipleOf30dAvg: finite.optional(),
      peakHour: z.strictObject({ time: epochMs, volumeUsd: usd }),
      /** Largest hourly volume in the 30 days before the window. */
      max30dHourlyUsd: usd.optional(),
      /** The day's peak hour is the largest of the last 30 days. */
      isMonthPeak: z.boolean(),
    }),
  ),
  changeVsPrevRange: Range,
  /** The day's volume summed across the venues (one scope: these venues, not the whole market). */
  totalDayVolumeUsd: usd,
  venuesAtMonthPeak: z.array(z.string()),
});

export const FundingFlipSchema = z.strictObject({
  kind: z.literal('funding_flip'),
  ...base,
  asset: z.string(),
  perVenue: z.array(
    z.strictObject({
      venue: z.string(),
      intervalHours: finite,
      /** Average of settled rates over the prior days, normalised to 8 h. */
      priorAvgPer8h: fraction,
      /** Latest rate, normalised to 8 h. */
      currentPer8h: fraction,
      /** Latest rate as the venue quotes it, per its own interval. */
      currentRate: fraction,
      /** The running period's rate (not yet settled) or, without one, the last settled rate. */
      currentKind: z.enum(['current-period', 'settled']),
      /** currentPer8h × 3 × 365. */
      currentAnnualizedFraction: fraction,
    }),
  ),
  /** Open-interest-weighted across venues (equal weights when OI is missing). */
  weightedPriorPer8h: fraction,
  weightedCurrentPer8h: fraction,
  weighting: z.enum(['open-interest', 'equal']),
  priorDays: z.number().int().positive(),
  /** elevated → neutral or negative is a flip; other states describe the day. */
  state: z.enum(['flip_to_neutral', 'flip_to_negative', 'elevated', 'neutral', 'negative', 'rising']),
  flipped: z.boolean(),
  /**
   * The weighted current rate's sign and size, the only reading the brief words: at or above
   * `funding.elevatedPriorMinPer8h` elevated; above `funding.neutralMaxAbsPer8h` positive; within
   * ±that about zero; at or below −`funding.shortPressureMinPer8h` deeply negative (shorts pay
   * heavily); in between slightly negative.
   */
  level: z.enum(['elevated', 'positive', 'about_zero', 'slightly_negative', 'deeply_negative']),
  /** Whether the venues' current rates are running-period rates, settled ones, or a mix. */
  currentKind: z.enum(['current-period', 'settled', 'mixed']),
});

export const BasisCompressionSchema = z.strictObject({
  kind: z.literal('basis_compression'),
  ...base,
  asset: z.string(),
  tenors: z.array(
    z.strictObject({
      venue: z.string(),
      contract: z.string(),
      tenor: z.string(),
      expiry: epochMs,
      daysToExpiry: finite,
      priorAnnualized: fraction,
      currentAnnualized: fraction,
      /** Lowest annualized basis seen in the window. */
      minAnnualized: fraction,
      /** Traded below index at some point in the window. */
      backwardation: z.boolean(),
    }),
  ),
  /** The expiry the ranges and the compression are measured on (nearest with enough days left). */
  headlineExpiry: epochMs,
  /** Across the venues of `headlineExpiry` only. */
  priorRange: Range,
  currentRange: Range,
  compressed: z.boolean(),
  anyBackwardation: z.boolean(),
});

export const OpenInterestChangeSchema = z.strictObject({
  kind: z.literal('open_interest_change'),
  ...base,
  asset: z.string(),
  perVenue: z.array(
    z.strictObject({ venue: z.string(), priorUsd: usd, currentUsd: usd, changeFraction: fraction, peakUsd: usd, peakTime: epochMs }),
  ),
  totalPriorUsd: usd,
  totalCurrentUsd: usd,
  changeFraction: fraction,
  /** Open interest falling while price falls: positions closed, not added. */
  deleveraging: z.boolean(),
});

export const EtfVolumeSchema = z.strictObject({
  kind: z.literal('etf_volume'),
  ...base,
  asset: z.string(),
  /** US trading day the figures are for. */
  date: z.string(),
  tickers: z.array(z.strictObject({ ticker: z.string(), dollarVolumeUsd: usd, avg30dUsd: usd.optional(), multiple: finite.optional() })),
  totalDollarVolumeUsd: usd,
  avg30dUsd: usd.optional(),
  multipleOf30dAvg: finite.optional(),
  /** Largest total in the available history (never when a fund is excluded). */
  isRecord: z.boolean(),
  /** Funds without a bar for `date` (or whose fetch failed): the totals exclude them, and the brief says so. */
  excluded: z.array(z.string()).optional(),
  /** The asset's close-to-close change on the ETF day. */
  priceChangeFraction: fraction.optional(),
  /** Heavy volume while price fell: volume is not direction. */
  divergence: z.boolean(),
});

export const EtfFlowsFindingSchema = z.strictObject({
  kind: z.literal('etf_flows'),
  ...base,
  asset: z.string(),
  date: z.string(),
  netFlowUsd: usd,
  perTicker: z.array(z.strictObject({ ticker: z.string(), netFlowUsd: usd })),
  /** Consecutive days of flows with the same sign, including this one. */
  streakDays: z.number().int().nonnegative(),
});

export const WhaleActivitySchema = z.strictObject({
  kind: z.literal('whale_activity'),
  ...base,
  asset: z.string(),
  thresholdCoins: finite,
  /** Transfers ≥ threshold in the window. */
  count: z.number().int().nonnegative(),
  totalCoins: finite,
  totalUsd: usd.optional(),
  baseline30dAvgCount: finite.optional(),
  multipleOfBaseline: finite.optional(),
  /** Count before and after the first break of a level, when one broke in the window. */
  aroundLevel: z
    .strictObject({ level: finite, breakTime: epochMs, before: z.number().int(), after: z.number().int(), windowHours: finite })
    .optional(),
  /** Labelled entities (owner names), when the source labels wallets. */
  largest: z
    .array(z.strictObject({ hash: z.string(), time: epochMs, amountCoins: finite, from: z.string().optional(), to: z.string().optional() }))
    .default([]),
});

export const ExchangeFlowsFindingSchema = z.strictObject({
  kind: z.literal('exchange_flows'),
  ...base,
  asset: z.string(),
  /** Net inflow (inflow − outflow) in the window, coins. */
  netCoins: finite,
  peakInflow: z.strictObject({ time: epochMs, coins: finite }),
  /** Net flow after the peak (negative = coins leaving exchanges). */
  netAfterPeakCoins: finite,
  /** Typical hourly inflow, coins: mean over the baseline days before the window, else the window's median hour. */
  baselineHourlyInflowCoins: finite.optional(),
  /** Where the baseline came from: the days before the window, or the window's median hour. */
  baselineFrom: z.enum(['prior-days', 'window-median']).optional(),
  /** Peak inflow / baseline hourly inflow. */
  peakMultipleOfBaseline: finite.optional(),
  /** Inflow spiked, then reversed into net outflow. */
  reversal: z.boolean(),
});

export const ImpliedVolSchema = z.strictObject({
  kind: z.literal('implied_vol'),
  ...base,
  asset: z.string(),
  index: z.string(),
  /** vol points (45 = 45 % annualized). */
  current: finite,
  /** First value of the window (vol points), when hourly data is present. */
  open: finite.optional(),
  dayHigh: finite,
  dayLow: finite,
  avg30d: finite,
  changeVsAvgFraction: fraction,
  elevated: z.boolean(),
});

export const KeyLevelsSchema = z.strictObject({
  kind: z.literal('key_levels'),
  ...base,
  asset: z.string(),
  reference: finite,
  supports: z.array(
    z.strictObject({ price: finite, basis: z.enum(['round', 'swing_low', 'swing_high', 'cluster', 'range']), note: z.string().optional() }),
  ),
  resistances: z.array(
    z.strictObject({ price: finite, basis: z.enum(['round', 'swing_low', 'swing_high', 'cluster', 'range']), note: z.string().optional() }),
  ),
});

export const DataGapFindingSchema = z.strictObject({
  kind: z.literal('data_gap'),
  ...base,
  family: z.string(),
  /** The asset the gap concerns; absent = the whole family. */
  asset: z.string().optional(),
  source: z.string(),
  gapKind: z.string(),
  reason: z.string(),
  /** The HTTP status of the failed response (from the snapshot gap, never parsed from text). */
  status: z.number().int().optional(),
  /** A cross-check's, coverage check's or fallback's structured finding (snapshot GapCheckSchema). */
  check: GapCheckSchema.optional(),
  /** Which findings could not be computed because of this gap. */
  affects: z.array(z.string()),
});

/** A part of a liquidation total: one asset's figure from one source. */
const LiquidationPartSchema = z.strictObject({
  asset: z.string(),
  source: z.string(),
  totalUsd: usd,
  longFraction: fraction,
  /** 'lower-bound': a sampled exchange stream, a floor and never a complete figure. */
  coverage: z.enum(['complete', 'lower-bound']),
  /** The venues the figure sums, when the source names them: complete for those venues only. */
  exchanges: z.array(z.string()).optional(),
});

/**
 * The liquidation figure a brief leads with, and its scope:
 * - `market`: all coins on all exchanges (the aggregator's market-wide total, 全网);
 * - `assets`: the configured assets added up from one complete source (合计, never 全网);
 * - `floor`: only sampled streams answered: a lower bound of the assets' liquidations.
 * `parts` are the per-asset figures of that scope, in configured order, each no larger than the
 * total; `floors` are sampled-stream figures of another scope, named as floors beside it and
 * never forming a range with the total.
 */
export const LiquidationHeadlineSchema = z.strictObject({
  scope: z.enum(['market', 'assets', 'floor']),
  /** Assets the `assets`/`floor` scope adds up (configured order); empty for `market`. */
  assets: z.array(z.string()),
  sources: z.array(z.string()),
  /** Range across complete sources of this one scope only (low = high with one source). */
  totalRangeUsd: Range,
  longFractionRange: Range,
  start: epochMs,
  end: epochMs,
  multipleOfMedian: finite.optional(),
  median30dUsd: usd.optional(),
  medianDays: z.number().int().positive().optional(),
  parts: z.array(LiquidationPartSchema),
  floors: z.array(LiquidationPartSchema),
});

/** One asset's day as the brief states it, in configured order. */
export const PlanAssetSchema = z.strictObject({
  asset: z.string(),
  changeFraction: fraction,
  drawdownFraction: fraction,
  low: finite,
  high: finite,
  close: finite,
  prevClose: finite,
  /** Round-level step for this asset's price (`levels.step`, or its override). */
  levelStep: finite,
  /** The level to name: the furthest in the day's direction that held at the close, else the furthest crossed. */
  brokenLevel: z
    .strictObject({ level: finite, direction: z.enum(['below', 'above']), closedBeyond: z.boolean(), time: epochMs })
    .optional(),
  /** Against the lead asset, each on its own measure (absent for the lead asset itself). */
  vsLead: z
    .strictObject({
      /** |change| larger than the lead's |change| (close to close). */
      deeperCloseToClose: z.boolean(),
      /** |drawdown| larger than the lead's (high to low). */
      deeperHighToLow: z.boolean(),
    })
    .optional(),
});

/** A magnitude word the brief may use, with the measure and threshold that license it. */
export const ClaimSchema = z.strictObject({
  id: z.enum([
    'long_flush',
    'short_squeeze',
    'volume_surge',
    'oi_drop',
    'deleveraging',
    'short_pressure',
    'etf_outflow',
    'etf_inflow',
    'outperformed',
    'underperformed',
    'macro_shock',
  ]),
  /** The asset the claim is about; absent = the headline (market or assets) scope. */
  asset: z.string().optional(),
  measure: z.string(),
  value: finite,
  threshold: ThresholdSchema,
});

/**
 * The day's decisions, made once: narrative, charts and templates read them and decide nothing.
 * Type of day, lead asset, the side that dominated, the headline figures with their scope, each
 * asset's move and level, and the claims whose thresholds fired (only those may be worded).
 */
export const DayPlanSchema = z.strictObject({
  kind: z.literal('day_plan'),
  ...base,
  dayType: z.enum(['crash', 'rally', 'range']),
  /** Every asset moved the same way beyond `systemic.moveFractionMin`. */
  multiAsset: z.boolean(),
  leadAsset: z.string(),
  dominantSide: z.enum(['long', 'short', 'none']),
  assets: z.array(PlanAssetSchema),
  liquidations: LiquidationHeadlineSchema.optional(),
  claims: z.array(ClaimSchema),
  /** The last completed US session's macro moves (signals/macro-moves.ts). */
  macro: z
    .array(
      z.strictObject({
        symbol: z.string(),
        name: z.string(),
        kind: z.enum(['yield', 'dollar', 'index']),
        /** US session date. */
        date: z.string(),
        close: finite,
        prevClose: finite,
        /** Yields: percentage points (−0.185 = −18.5 bp); others: a fraction. */
        change: finite,
        /** At or beyond its `macro.*` threshold. */
        fired: z.boolean(),
      }),
    )
    .optional(),
  /** Curated and computed catalysts within `catalysts.horizonDays` (calendar/catalysts.ts). */
  catalysts: z.array(
    z.strictObject({
      date: z.string(),
      time: epochMs.optional(),
      kind: z.enum(['fomc', 'cpi', 'payrolls', 'pce', 'expiry']),
      name: z.strictObject({ zh: z.string(), en: z.string() }),
      url: z.string(),
    }),
  ),
  /** True only when the calendar covers the whole horizon and lists nothing in it. */
  noCatalyst: z.boolean(),
  /** Kinds of release whose official schedule the calendar does not hold through the horizon's last day. */
  unsourced: z.array(z.enum(['fomc', 'cpi', 'payrolls', 'pce'])),
});

export const FindingSchema = z.discriminatedUnion('kind', [
  DayPlanSchema,
  PriceMoveSchema,
  LevelBreakSchema,
  SystemicMoveSchema,
  HistoricalRankSchema,
  LiquidationsFindingSchema,
  LiquidationClusterSchema,
  VolumeSpikeSchema,
  FundingFlipSchema,
  BasisCompressionSchema,
  OpenInterestChangeSchema,
  EtfVolumeSchema,
  EtfFlowsFindingSchema,
  WhaleActivitySchema,
  ExchangeFlowsFindingSchema,
  ImpliedVolSchema,
  KeyLevelsSchema,
  DataGapFindingSchema,
]);

export const FindingsSchema = z.strictObject({
  date: z.string(),
  timezone: z.string(),
  /** Brief window, ms UTC. */
  start: epochMs,
  end: epochMs,
  assets: z.array(z.string()),
  /**
   * The configured bounds analysis applied to raw snapshot values; a chart drawing the same raw
   * values (the funding chart) applies these, so a configured value reaches finding and chart alike.
   */
  bounds: z.strictObject({
    /** `funding.plausibleMaxAbsPerInterval`: rates beyond it, either sign, are left out (fraction per interval). */
    fundingMaxAbsPerInterval: fraction,
  }),
  /** Ordered by importance, highest first; ties keep a fixed kind order. */
  findings: z.array(FindingSchema),
});

export type Finding = z.infer<typeof FindingSchema>;
export type Findings = z.infer<typeof FindingsSchema>;
export type FindingKind = Finding['kind'];
export type FindingOf<K extends FindingKind> = Extract<Finding, { kind: K }>;
export type PriceMove = FindingOf<'price_move'>;
export type LiquidationsFinding = FindingOf<'liquidations'>;
export type FundingFlip = FindingOf<'funding_flip'>;
export type BasisCompression = FindingOf<'basis_compression'>;
export type KeyLevels = FindingOf<'key_levels'>;
export type DayPlan = FindingOf<'day_plan'>;
export type LiquidationHeadline = z.infer<typeof LiquidationHeadlineSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
