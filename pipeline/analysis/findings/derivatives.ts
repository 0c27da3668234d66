/**
 * Derivatives findings: perpetual volume, funding, futures basis, open interest and implied volatility.
 */
import { z } from 'zod';
import { base, epochMs, finite, fraction, Range, usd } from './common.js';

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
  /**
   * The window's settlement instants at which every venue settled below zero, after
   * `funding.negativeQuietDaysMin` days without a negative settlement on any of them
   * (signals/funding-settlements.ts): the lowest of them (per 8 h), the last negative settlement
   * before the window (absent: none since `historyStart`, the earliest settlement held).
   */
  negativeSettlements: z
    .strictObject({
      times: z.array(epochMs).min(1),
      lowest: z.strictObject({ venue: z.string(), time: epochMs, per8h: fraction }),
      since: epochMs.optional(),
      historyStart: epochMs,
    })
    .optional(),
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
    z.strictObject({
      venue: z.string(),
      priorUsd: usd,
      currentUsd: usd,
      /** Coins held at the two points, when the venue gives them. */
      priorBase: finite.optional(),
      currentBase: finite.optional(),
      /** The coins' change when given, else the dollars' (the finding's `measure`). */
      changeFraction: fraction,
      usdChangeFraction: fraction,
      peakUsd: usd,
      peakTime: epochMs,
    }),
  ),
  totalPriorUsd: usd,
  totalCurrentUsd: usd,
  totalPriorBase: finite.optional(),
  totalCurrentBase: finite.optional(),
  /** What `changeFraction` measures: coins held (positions) when every venue gives them, else dollars. */
  measure: z.enum(['coins', 'usd']),
  /** The total's change in `measure`; the dollar change is `usdChangeFraction`. */
  changeFraction: fraction,
  usdChangeFraction: fraction,
  /** |changeFraction| under openInterest.flatFractionMax: positions little changed (no reading either way). */
  flat: z.boolean(),
  /** The coins the venues lost, each valued at its own dollars per coin at the end (USD; negative when coins were added). */
  closedUsd: finite.optional(),
  /** Coins held falling by openInterest.dropFractionMin while price fell: positions closed, not added (coins only). */
  deleveraging: z.boolean(),
  /**
   * Coins held over the price path's burst (from its first hour's open to its last hour's close,
   * each venue's last point at or before): the change, its share of the day's change, and whether
   * a deleveraging day lost `openInterest.burstShareMin` of its coins there (`inBurst`). Coins only.
   */
  burst: z
    .strictObject({
      start: epochMs,
      hours: z.number().int().positive(),
      changeFraction: fraction,
      shareOfChange: fraction,
      inBurst: z.boolean(),
    })
    .optional(),
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
  /**
   * The day's high at least `impliedVol.spikeFractionMin` above the open (hourly data): the hour
   * it came in, and whether the close gave back `impliedVol.fadedShareMin` of the rise (faded).
   */
  spike: z.strictObject({ time: epochMs, faded: z.boolean() }).optional(),
});
