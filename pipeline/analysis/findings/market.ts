/**
 * Price-action findings: the day's move, round levels crossed, moves across assets, the move's rank in history, key levels.
 */
import { z } from 'zod';
import { SCHEDULED_KINDS } from '../calendar/catalysts.js';
import { base, epochMs, finite, fraction } from './common.js';

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

/**
 * How the day's move unfolded, and what came before it: the hour that moved most in the day's
 * direction, how much of the swing the close gave back, and the trend of the daily closes before
 * the window (UTC days, the same series historical_rank reads).
 */
export const PricePathSchema = z.strictObject({
  kind: z.literal('price_path'),
  ...base,
  asset: z.string(),
  venue: z.string(),
  direction: z.enum(['down', 'up']),
  /** The hour (open time) whose open-to-close change went furthest in the day's direction. */
  steepestHour: z.strictObject({ time: epochMs, changeFraction: fraction }),
  /**
   * After the extreme (the low of a down day, the high of an up day): the close against it
   * (close / extreme − 1) and the share of the high-to-low swing the close took back
   * (|close − extreme| / (high − low)).
   */
  retrace: z.strictObject({
    fromExtremeFraction: fraction,
    shareOfSwing: fraction,
    /** shareOfSwing below `pricePath.nearExtremeShareMax`: the close stayed near the extreme. */
    nearExtreme: z.boolean(),
    /** shareOfSwing at or above `pricePath.recoveredShareMin`: the close took back most of the swing. */
    recovered: z.boolean(),
  }),
  /**
   * How the move was spread over the day: the run of at most `pricePath.burstHoursMax`
   * consecutive hours that moved furthest the day's way (from its first hour's open to its last
   * hour's close; its share of the high-to-low swing), and how many of the window's hours moved
   * the day's way.
   */
  shape: z.strictObject({
    burst: z.strictObject({
      /** Open time of the run's first hour. */
      start: epochMs,
      hours: z.number().int().positive(),
      changeFraction: fraction,
      shareOfSwing: fraction,
    }),
    /** shareOfSwing at or above `pricePath.burstShareMin`: the move came in a burst. */
    concentrated: z.boolean(),
    /** Hours whose close moved the day's way from their open, of `hours` in the window. */
    hoursWithMove: z.number().int().nonnegative(),
    hours: z.number().int().positive(),
    /**
     * Not concentrated, hoursWithMove / hours at or above `pricePath.steadyHourShareMin`, the
     * burst's share at most `steadyBurstShareMax`, and the retrace short of `recoveredShareMin`.
     */
    steady: z.boolean(),
  }),
  /** The last `days` daily closes before the window: the close `days` days before the last one, and the change since. */
  prior: z
    .strictObject({
      days: z.number().int().positive(),
      fromDate: z.string(),
      /** The close `days` days before the last one (USD). */
      fromClose: finite,
      toDate: z.string(),
      changeFraction: fraction,
      /** |changeFraction| reached `pricePath.trendFractionMin`: a run-up (or sell-off), not a range. */
      trend: z.boolean(),
    })
    .optional(),
  /**
   * The day's close set against the daily closes before it: on a down day the last earlier close
   * at or below it ("the lowest close since 18 December"), on an up day the last at or above it.
   * Absent when no earlier close in the sample reaches it (then "since" would be a record).
   */
  closeSince: z.strictObject({ date: z.string(), close: finite }).optional(),
  /**
   * A fresh high (down day) or low (up day) set in the `pricePath.eveHours` hours before the
   * window, beyond the day's own extreme (signals/eve-extreme.ts): the hour it was set, its price,
   * the close against it, and the last earlier daily candle beyond it (absent: none in the sample
   * since `sampleStart`).
   */
  eveExtreme: z
    .strictObject({
      time: epochMs,
      price: finite,
      closeChangeFraction: fraction,
      since: z.string().optional(),
      sampleStart: z.string(),
      /** A scheduled release inside the extreme's hour. */
      release: z.strictObject({ time: epochMs, name: z.strictObject({ zh: z.string(), en: z.string() }), url: z.string() }).optional(),
    })
    .optional(),
  /**
   * Scheduled releases inside the window (signals/release-hours.ts): the calendar's instant, the
   * hours from the release's hour the price is read over (`hours` candles from `hourStart`), the
   * change over them, and whether the day's extreme or its steepest hour fell in them. Absent
   * when none fell in the window.
   */
  releases: z
    .array(
      z.strictObject({
        kind: z.enum(SCHEDULED_KINDS),
        time: epochMs,
        name: z.strictObject({ zh: z.string(), en: z.string() }),
        url: z.string(),
        hourStart: epochMs,
        /** Candles read, at most `pricePath.releaseReactionHours` (0: the release's hour is missing). */
        hours: z.number().int().nonnegative(),
        /** Last candle's close / first candle's open − 1; absent with no candle. */
        changeFraction: fraction.optional(),
        extreme: z.boolean(),
        /** The day's low (down day) or high (up day) came before the release's hour. */
        extremeBefore: z.boolean(),
        steepest: z.boolean(),
        /**
         * When the release's hour opened: its open against the day's high (down day) or low (up
         * day), and the share of the high-to-low swing already covered.
         */
        before: z.strictObject({ changeFraction: fraction, shareOfSwing: fraction }).optional(),
      }),
    )
    .optional(),
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
