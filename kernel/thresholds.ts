/**
 * Analysis thresholds: the one documented, tunable configuration every signal reads.
 *
 * Analysts tune these in the run configuration (`thresholds` in the config file); every key has
 * a default, so `{}` is a complete configuration. Units are stated on each field. Naming rules:
 * `…Fraction` is a fraction (0.03 = 3 %), never a percentage; `…Per8h` is a funding rate as a
 * fraction per 8 hours; `…Days` / `…Hours` are durations; `…Multiple` is a ratio (1.5 = 1.5×).
 *
 * A signal never reads a numeric literal of its own for a decision: it reads it from here, and
 * names the key it used (e.g. `funding.elevatedPriorMinPer8h`) in the finding's `threshold`.
 */
import { z } from 'zod';
import { DataFamilySchema, PRICE_FORMAT_MAX_USD } from './snapshot/schema.js';

const fraction = z.number().nonnegative();
const positiveFraction = z.number().positive();
const multiple = z.number().positive();
const days = z.number().int().positive();
const count = z.number().int().positive();

/** One section of thresholds; `{}` in the config expands to every default of the section. */
function section<T extends z.ZodRawShape>(shape: T) {
  // Every field of a section has a default, so `{}` is a valid input; TypeScript cannot see that
  // through the generic shape, hence the cast.
  return z.strictObject(shape).prefault({} as never);
}

export const ThresholdsSchema = z.strictObject({
  /** Which series to read when several venues publish the same asset. */
  venues: section({
    /** Venues in order of preference for an asset's spot price (first present wins; others by name). */
    pricePreference: z.array(z.string()).default(['binance', 'coinbase', 'okx', 'bybit']),
  }),

  /** Completeness of windowed metrics (reliability F17: computed only on complete windows). */
  window: section({
    /** Minimum share of the window's hours that must have a candle (fraction, 0.9 = 22 of 24 h). */
    minCoverageFraction: fraction.max(1).default(0.9),
  }),

  /**
   * Cross-checks before analysis (`brief fetch`): a value outside these is left out of the snapshot
   * and disclosed as a gap naming what it touches. One place for every tolerance of the checks.
   */
  crossCheck: section({
    /** An hourly candle's high, low or close may lie this far outside its venue's daily candle (fraction). */
    hourlyVsDailyFraction: fraction.default(0.002),
    /**
     * The index price stamped in an hour may lie this far outside that hour's spot low–high
     * (fraction): the index is a composite of spot venues (USD or USDT), so it differs from one
     * venue by a few basis points; a scale error (×10) is far outside.
     */
    indexVsSpotFraction: fraction.default(0.01),
    /** An hourly spot close further than this from the median close of the asset's other hourly series at that hour (fraction). */
    closeVsReferenceFraction: fraction.default(0.02),
    /** An hourly spot high or low this far beyond the other series' high or low at that hour: a one-venue wick or a bad tick (fraction). */
    wickVsReferenceFraction: fraction.default(0.05),
    /** A collected liquidation order's price this far outside the day's spot low–high (fraction). */
    eventPriceVsDayFraction: fraction.default(0.05),
    /** A collected liquidation order larger than this share of the asset's open interest (USD, all venues) cannot be real (fraction). */
    eventMaxOpenInterestFraction: fraction.default(0.02),
    /** A sampled (lower-bound) liquidation total may exceed a complete total of the same window by this much (fraction; timing). */
    lowerBoundOverCompleteFraction: fraction.default(0.05),
  }),

  price: section({
    /** |close / prevClose − 1| at or above this is a notable move (fraction). */
    moveFractionMin: fraction.default(0.03),
    /** |low / high − 1| within the window at or above this is a notable drawdown (fraction). */
    drawdownFractionMin: fraction.default(0.04),
    /**
     * No asset a brief covers trades above this (USD per unit): `brief fetch` quarantines a candle
     * whose high is above it and discloses an 'Implausible' gap; analysis and the price chart leave
     * such a candle out of a stored snapshot too. At most the snapshot's format bound (1e9).
     */
    plausibleMaxUsd: z.number().positive().max(PRICE_FORMAT_MAX_USD).default(10_000_000),
  }),

  pricePath: section({
    /** The trend before the day is measured over this many daily closes (days). */
    priorDays: days.default(30),
    /** |change over priorDays| at or above this is a run-up or a sell-off, not a range (fraction). */
    trendFractionMin: fraction.default(0.1),
    /**
     * "The lowest close since …" is said only of a day at least this long ago (days): a close
     * lower than last week's tells the reader nothing the day's change does not.
     */
    closeSinceMinDays: days.default(7),
    /**
     * A close that took back less than this share of the high-to-low swing closed "near the low"
     * (or high): the selling did not ease, whatever the hours after the extreme did (fraction).
     */
    nearExtremeShareMax: fraction.max(1).default(0.2),
    /** A close that took back at least this share of the swing "clearly recovered" (fraction). */
    recoveredShareMin: fraction.max(1).default(0.5),
    /** The longest run of consecutive hours read as one burst of the day's move (hours). */
    burstHoursMax: count.default(3),
    /**
     * A burst (at most burstHoursMax hours) that moved at least this share of the high-to-low
     * swing: the day's move "came in a burst" (fraction of the swing).
     */
    burstShareMin: fraction.max(1).default(0.5),
    /**
     * With no burst, at least this share of the window's hours moving the day's way: the move
     * was steady through the day, not a flush (fraction of the hours; 0.65 = 16 of 24) — when
     * also no run of burstHoursMax hours moved more than steadyBurstShareMax of the swing and the
     * close did not take back recoveredShareMin of it (a day that fell to 14:00 and recovered half
     * was no steady decline).
     */
    steadyHourShareMin: fraction.max(1).default(0.65),
    /** See steadyHourShareMin (fraction of the swing). */
    steadyBurstShareMax: fraction.max(1).default(0.45),
    /**
     * A scheduled release inside the window is set against the price over this many hourly
     * candles from the release's hour (its open to the last one's close): 2 = the hour it came
     * out in and the next (hours).
     */
    releaseReactionHours: count.default(2),
    /**
     * Over those hours a change of at least this size is a move the brief names with its
     * direction (下跌 / fell); a smaller one is "little changed" (fraction; 0.005 = 0.5 %).
     */
    releaseMoveFractionMin: fraction.default(0.005),
    /**
     * A release whose hour opened with at least this share of the day's high-to-low swing already
     * done came after most of the move: the brief says so, and does not call the two simultaneous
     * (fraction of the swing).
     */
    releaseAfterShareMin: fraction.max(1).default(0.5),
    /** A down (up) day "began the evening before" from the highest high (lowest low) of these hours before the window (hours). */
    eveHours: count.default(24),
    /** ... and no earlier daily candle went beyond it for at least this many days: a fresh extreme (days). */
    eveExtremeDaysMin: days.default(30),
    /** ... and the day closed at least this far from it (fraction; 0.05 = 5 %). */
    eveGiveBackFractionMin: fraction.default(0.05),
  }),

  levels: section({
    /** At most this many broken round levels per asset; the furthest from the prior close are kept. */
    maxBreaksPerAsset: count.default(6),
    /**
     * Round-level step per asset, in quote currency (USD/USDT). When absent the step follows the
     * price's magnitude: 1,000 for 10,000–99,999 (BTC), 100 for 1,000–9,999 (ETH), 50 for 100–999 (BNB),
     * 5 for 10–99, and so on: a hundreds step for a four-digit price, fifties for a three-digit one.
     */
    stepOverrides: z.record(z.string(), z.number().positive()).default({}),
  }),

  systemic: section({
    /** An asset "moved" when |close-to-close change| is at or above this (fraction). */
    moveFractionMin: fraction.default(0.02),
  }),

  historicalRank: section({
    /** Report the day's move when it ranks at or above this place among same-sign daily moves (count). */
    maxRank: count.default(10),
    /** Fewer daily changes than this is too short a history to rank against (days). */
    minSampleDays: days.default(30),
  }),

  liquidations: section({
    /** Longs at or above this share of the total flag long-side deleveraging (fraction). */
    longShareMin: fraction.max(1).default(0.6),
    /** The total at or above this multiple of the 30-day median is a spike (multiple). */
    multipleOfMedianMin: multiple.default(3),
    /** Daily totals before the brief's day that form the median (days). */
    medianDays: days.default(30),
    /** Fewer daily totals than this gives no median (days). */
    minHistoryDays: days.default(7),
    /** A source's totals count for the window when they overlap it by at least this share (fraction). */
    minWindowOverlapFraction: fraction.max(1).default(0.5),
  }),

  clusters: section({
    /** Price bin width relative to the asset's median order price (fraction, 0.0025 = 0.25 %). */
    binWidthFraction: positiveFraction.default(0.0025),
    /**
     * The band is the narrowest holding at least this share of the dominant side's liquidated
     * notional (fraction): 0.8 names where most of the cascade happened, where 0.5 would quote a
     * band holding half of it when a slightly wider one held nearly all.
     */
    minShareFraction: fraction.max(1).default(0.8),
    /** A band wider than this share of price is not a cluster (fraction). */
    maxBandWidthFraction: positiveFraction.default(0.05),
    /** Fewer orders than this in the window gives no cluster, in price or in time (count). */
    minOrders: count.default(5),
    /** The longest run of consecutive hours read as one burst of liquidations (hours). */
    timingHoursMax: count.default(2),
    /**
     * A run of at most timingHoursMax hours holding at least this share of the dominant side's
     * liquidated notional is when the liquidations came (fraction): half the day's forced selling
     * in one or two hours is a cascade; the shortest such run is quoted.
     */
    timingShareMin: fraction.max(1).default(0.5),
    /** Kept for configuration files that set it; the band is now of one side's orders only (fraction). */
    sideDominanceFraction: fraction.max(1).default(0.7),
  }),

  volume: section({
    /** Day volume / prior day − 1 at or above this is a volume spike (fraction). */
    changeVsPrevMin: fraction.default(0.25),
    /** Day volume at or above this multiple of the 30-day average is a spike (multiple). */
    multipleOf30dAvgMin: multiple.default(1.5),
    /**
     * A rise on the day before counts as a spike only when the day is also at least this multiple
     * of its 30-day average (where one exists): after a thin day (a US holiday, a weekend) an
     * ordinary day rises 40 % on the day before and is no surge (multiple).
     */
    changeNeedsAvgMultipleMin: multiple.default(1.25),
    /**
     * A fall on the day before reads as thinning participation only below this multiple of the
     * 30-day average: a day 6 % under a busy one at 1.0x its average is ordinary (multiple).
     */
    thinMultipleMax: multiple.default(0.9),
    /** Days before the window that form the average and the hourly maximum (days). */
    avgDays: days.default(30),
    /** Fewer complete prior days than this gives no average (days). */
    minAvgDays: days.default(7),
  }),

  funding: section({
    /** Settled rates in these days before the window form the "prior" average (days). */
    priorDays: days.default(7),
    /** Prior average at or above this is elevated (fraction per 8 h; 0.0002 = 0.02 %). */
    elevatedPriorMinPer8h: fraction.default(0.0002),
    /** |current| at or below this is about zero (fraction per 8 h; 0.00005 = 0.005 %). */
    neutralMaxAbsPer8h: fraction.default(0.00005),
    /**
     * The weighted current rate at or below minus this says shorts pay heavily, i.e. "shorts hold
     * the upper hand" (fraction per 8 h; 0.0003 = −0.03 %, three times the usual base rate). A
     * slightly negative rate is only "turned negative".
     */
    shortPressureMinPer8h: fraction.default(0.0003),
    /**
     * Rates beyond this, either sign, cannot be real (exchanges cap funding well below it) and are
     * left out rather than averaged — by `brief fetch`, analysis and the funding chart alike
     * (fraction per funding interval; 0.03 = 3 %).
     */
    plausibleMaxAbsPerInterval: fraction.default(0.03),
    /** Every venue settling below zero is news only after this many days without one (days): weekly dips are routine. */
    negativeQuietDaysMin: days.default(14),
  }),

  basis: section({
    /** "Prior" basis = mean of points in these days before the window; 0 = the last point before it (days). */
    priorDays: z.number().int().nonnegative().default(3),
    /** Mean fall of annualized basis across tenors at or above this is compression (fraction of annualized basis, 0.03 = 3 points). */
    compressionMinFraction: fraction.default(0.03),
    /** Tenors this close to expiry are left out of the prior/current ranges: their annualized basis is noisy (days). */
    rangeMinDaysToExpiry: z.number().nonnegative().default(30),
  }),

  macro: section({
    /** An equity index moving at least this much in a session is a macro shock (fraction). */
    indexMoveFractionMin: fraction.default(0.015),
    /** The dollar index moving at least this much in a session is a macro shock (fraction). */
    dollarMoveFractionMin: fraction.default(0.005),
    /** A Treasury yield moving at least this many percentage points in a session is a shock (0.1 = 10 bp). */
    yieldMovePointsMin: fraction.default(0.1),
    /**
     * A close beyond this size is not a level any of these series has (indices are in the tens of
     * thousands, yields in percent): the series is left out of the macro paragraph (absolute value).
     */
    plausibleLevelMax: z.number().positive().default(1e7),
  }),

  catalysts: section({
    /** Dated catalysts within this many days after the brief's day are listed (days). */
    horizonDays: days.default(14),
  }),

  openInterest: section({
    /**
     * Total open interest falling by at least this share is a notable drop (fraction). Measured in
     * coins held (positions), not dollars: dollar open interest falls with the price alone.
     */
    dropFractionMin: fraction.default(0.05),
    /** A change in coins held smaller than this either way is open interest little changed (fraction). */
    flatFractionMax: fraction.default(0.01),
    /**
     * Positions closed (the coins open interest lost, valued at the end of the window) worth at
     * least this multiple of the whole liquidation total the brief prints were mostly closed by
     * choice: forced liquidations cannot account for them, so the brief does not call the drop
     * forced selling (multiple).
     */
    voluntaryMultipleMin: multiple.default(2),
    /** A deleveraging day whose price burst (pricePath.burstHoursMax) held this share of the coins closed lost them in the slide (fraction). */
    burstShareMin: fraction.max(1).default(0.5),
  }),

  etf: section({
    /** Dollar volume at or above this multiple of the 30-day average is heavy (multiple). */
    volumeMultipleMin: multiple.default(1.5),
    /** Trading days before the ETF day that form the average (days). */
    avgDays: days.default(30),
    /** Fewer prior trading days than this gives no average (days). */
    minAvgDays: days.default(5),
    /** The asset falling by at least this much on the ETF day counts as "price falls" (fraction). */
    priceDropFractionMin: fraction.default(0.01),
    /** |Net flow| at or above this is a notable flow day (USD). */
    netFlowNotableUsd: z.number().positive().default(100_000_000),
    /** A run of at least this many same-sign sessions is summed in the ETF-flow bullet (sessions). */
    streakSumMinDays: days.default(3),
    /**
     * Funds that moved against the day's net flow are a story of their own from this share of
     * |net| (fraction): GBTC's $95.1 million out of a $547 million inflow is; a $6.8 million
     * inflow beside a $237 million outflow is not. The flow bullet names such a fund and the
     * finding splits the funds by it.
     */
    againstShareMin: fraction.default(0.1),
  }),

  whale: section({
    /** A whale transfer moves at least this many coins (coins; the source's own floor applies too). */
    minCoins: z.number().positive().default(1000),
    /** Daily counts before the brief's day that form the baseline (days). */
    baselineDays: days.default(30),
    /** Fewer daily counts than this gives no baseline (days). */
    minBaselineDays: days.default(7),
    /** Count at or above this multiple of the baseline is elevated (multiple). */
    multipleMin: multiple.default(1.5),
    /** Count at or below this multiple of the baseline is below normal, never "about normal" (multiple). */
    quietMultipleMax: multiple.default(0.7),
    /**
     * Hours before and after a level break in which transfers are counted, at most (hours): both
     * sides are cut to the same length inside the brief's window, which is all the list covers.
     */
    aroundLevelHours: z.number().positive().default(12),
    /** Fewer hours than this on either side of the break (inside the window): no comparison (hours). */
    aroundLevelMinHours: z.number().positive().default(3),
    /**
     * Transfers after the break at or above `multipleMin` times those before (or before at or
     * above it times after), with the larger side at least this many, is a shift (count).
     */
    aroundLevelMinCount: count.default(5),
    /**
     * Which level break to count around: 'deepest-held' = the break furthest from the prior
     * close among those the window closed beyond (the level the market decisively lost; the
     * furthest break of all when none held); 'first' = the earliest break.
     */
    aroundLevelChoice: z.enum(['deepest-held', 'first']).default('deepest-held'),
    /** How many of the largest transfers to list (count). */
    largestCount: count.default(5),
  }),

  exchangeFlows: section({
    /** Peak hourly inflow at or above this multiple of the baseline hourly inflow is a spike (multiple). */
    spikeMultipleMin: multiple.default(3),
    /** Days before the window that form the baseline hourly inflow (days). */
    baselineDays: days.default(7),
  }),

  impliedVol: section({
    /** Current / 30-day average − 1 at or above this is elevated (fraction). */
    elevatedMinFraction: fraction.default(0.1),
    /** Daily closes before the window that form the average (days). */
    avgDays: days.default(30),
    /** An hourly high at least this far above the day's open is a spike (fraction; 0.1 = 10 %). */
    spikeFractionMin: fraction.default(0.1),
    /** A spike whose close gave back at least this share of its rise from the open faded (fraction of the rise). */
    fadedShareMin: fraction.max(1).default(0.75),
  }),

  keyLevels: section({
    /** Daily candles before the window searched for swing highs and lows (days). */
    lookbackDays: days.default(60),
    /** A swing low (high) is the lowest low (highest high) within this many days either side (days). */
    swingHalfWidthDays: days.default(3),
    /** Round levels and swings within this distance of the reference price are candidates (fraction). */
    rangeFraction: positiveFraction.default(0.1),
    /** Candidates closer than this to one already kept are merged into it (fraction of price). */
    mergeFraction: fraction.default(0.005),
    /**
     * A level closer than this to the reference price is where price is, not a support or a
     * resistance: 54,000 under a 54,012 close makes "holding 54,000" an empty test. A quarter of
     * a percent keeps 43,000 over a 42,874 close (0.29 %), the level the day broke (fraction).
     */
    minDistanceFraction: fraction.default(0.0025),
    /** Supports (and resistances) listed per asset (count). */
    maxPerSide: count.default(4),
  }),

  gaps: section({
    /**
     * Families a brief expects. One that is empty in the snapshot without a `gaps` entry still
     * becomes a data_gap finding, so the narrative never implies it was measured.
     */
    expectedFamilies: z.array(DataFamilySchema).default(DataFamilySchema.options.filter((family) => family !== 'macro')),
  }),
});

export type Thresholds = z.infer<typeof ThresholdsSchema>;
export type ThresholdsInput = z.input<typeof ThresholdsSchema>;
export const DEFAULT_THRESHOLDS: Thresholds = ThresholdsSchema.parse({});
