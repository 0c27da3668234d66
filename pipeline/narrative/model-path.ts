/**
 * The model of the paragraph under the price chart (path.ts builds it): the day's steepest hour,
 * what the close took back, and the trend of the previous daily closes — each only when it says
 * something the lead and the chart do not.
 */
import { z } from 'zod';
import { cite, flag, md } from './model-parts.js';

export const PathSchema = z.strictObject({
  name: md,
  down: flag,
  /** The hourly price series (the steepest-hour sentence; the retrace is the lead's series and cites it). */
  ...cite,
  /**
   * The hour that moved most in the day's direction, only when it lines up with something: it
   * opened in the hour of the lead's trigger or the next (`trigger`), or it is the volume
   * bullet's peak hour (`volumePeak`). Alone, the chart shows it.
   */
  steepest: z.strictObject({ time: md, change: md, volumePeak: flag }).optional(),
  /**
   * How the move was spread over the day (the finding's shape), when it says something the chart
   * only suggests: a burst of at most three hours that carried most of the swing (`burst`: the
   * hours from and to, their change, their share of the high-to-low swing in words), or a steady move
   * with no burst (`steady`: how many of the window's hours moved the day's way; counts only, so
   * zh, which prints it, and en, which leaves it to the chart, carry the same money and percentages).
   */
  shape: z
    .strictObject({
      burst: z.strictObject({ from: md, to: md, hours: md, change: md, share: md }).optional(),
      steady: z.strictObject({ hours: md, of: md }).optional(),
    })
    .optional(),
  /**
   * When the day's side of the liquidations concentrated (the liquidation_timing finding: the
   * hours `from`–`to` held `share` of what the order feeds recorded for the lead asset's
   * side; not on a multi-asset day, whose liquidation total and chart are of every asset), only when those
   * hours line up with the path: a level the day broke in them (`level`, the deepest), the day's
   * extreme (`atExtreme`), or they lie inside the burst (`inBurst`); the templates say the first
   * that holds. Cited by the order feeds.
   */
  liquidations: z
    .strictObject({
      ...cite,
      asset: md,
      from: md,
      to: md,
      hours: md,
      share: md,
      inBurst: flag,
      level: md.optional(),
      atExtreme: flag,
    })
    .optional(),
  /** The lead's trigger, by name, when the steepest hour opened in its hour or the next. */
  trigger: z.strictObject({ name: md }).optional(),
  /** When the day's extreme (the low of a fall, the high of a rise) came. */
  extremeTime: md,
  /**
   * What the close did after the extreme, in words (the lead prints the low and the close, so no
   * figure repeats them): stayed near it, or took back most of the swing, or part of it. Absent on
   * an intraday-only day, whose lead already gives the rebound in figures.
   */
  /** What the close took back of the day's swing, in words: near the extreme, about half (40–60 %), most, or less. */
  retrace: z.strictObject({ nearExtreme: flag, recovered: flag, aboutHalf: flag }).optional(),
  /**
   * The previous daily closes (UTC days): the change over `days`, and what the close stands
   * against. Only when it is a trend, or the close or the day's move stands against history.
   */
  prior: z
    .strictObject({
      ...cite,
      /** The asset's name and the day's direction again, for the paragraph's own template. */
      name: md,
      dayDown: flag,
      days: md,
      change: md,
      up: flag,
      down: flag,
      /** |change| reached pricePath.trendFractionMin: a run-up or a sell-off, not a range. */
      trend: flag,
      /** The day runs against the prior trend (a fall after a run-up, a rise after a sell-off). */
      against: flag,
      /**
       * A run-up the day fell from, with funding's prior average (over `fundingDays`) elevated:
       * longs were crowded going in. The sentence then cites the funding series too.
       */
      leverageBuilt: flag,
      fundingDays: md,
      /**
       * After a move against the trend, the close still stands on the trend's side of where it
       * began `days` days back (a fall that left the close above that close, a rise that left it
       * below): the trend is not undone. The long-form synthesis says so.
       */
      trendIntact: flag,
      /**
       * The lead's "largest daily drop since <month>", told in full: the day and its change. Only
       * when the lead named a month (a larger day over a month back, not an event or a floor).
       */
      lastLarger: z.strictObject({ date: md, change: md }).optional(),
      /** The last earlier daily close at or beyond the day's close ("the lowest close since …"). */
      closeSince: md.optional(),
      /**
       * The fresh high (down day) or low (up day) set in the hours before the window, which the
       * day's move began from (price_path.eveExtreme): its day and hour, price, how long since
       * anything went beyond it (a date, or at least a month), and the close's distance from it.
       * Its own sentence, citing the hourly series it was read from and the daily sample.
       */
      eve: z
        .strictObject({
          ...cite,
          time: md,
          price: md,
          since: md,
          atLeast: flag,
          change: md,
          /** The brief's own day, whose close the change is measured to (zh "1 月 12 日", en "Friday"). */
          closeDay: md,
          /** A scheduled release in the extreme's hour: its name and time (timing, not cause). */
          release: z.strictObject({ name: md, time: md }).optional(),
        })
        .optional(),
    })
    .optional(),
});

export type BriefPath = z.infer<typeof PathSchema>;
