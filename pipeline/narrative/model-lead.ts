/**
 * The brief model's lead: the opening paragraph's facts (the move, its rank, the liquidations,
 * the trigger or the day's scheduled release, the thesis) as the templates print them.
 */
import { z } from 'zod';
import { cite, flag, LiquidationFiguresSchema, md, SourceLinkSchema } from './model-parts.js';

// ---------------------------------------------------------------- lead

/**
 * "The largest daily drop since …": the month of the last larger day, with its curated event when
 * it has one; without a larger day, `atLeast` (the first fetched month: a floor, never a record).
 */
const RankSchema = z.strictObject({
  since: md,
  atLeast: flag,
  event: SourceLinkSchema.optional(),
  down: flag,
  /** The close-to-close rank also stands for the high-to-low swing (same "since"): one clause names both. */
  intraday: flag,
});

const LeadAssetMoveSchema = z.strictObject({
  /** Ticker (BTC) and name (比特币 / Bitcoin). */
  asset: md,
  name: md,
  change: md,
  down: flag,
  low: md,
  high: md,
  /** The round level the asset broke (its own step), and whether it closed beyond it. */
  level: z.strictObject({ price: md, held: flag }).optional(),
});

export const LeadSchema = z.strictObject({
  /** "东八区时间" when the zone is UTC+8 (zh); else the offset is printed. */
  utc8: flag,
  offset: md,
  /** The price sentence's sources. */
  ...cite,
  date: md,
  weekday: md,
  /** The close-to-close move is ≥ 5 % (sharp) / ≥ 10 % (severe): the verbs scale with it. */
  sharp: flag,
  severe: flag,
  /** The high-to-low swing is ≥ 5 % (sharp) / ≥ 10 % (severe): the intraday path and its noun scale with it. */
  sharpSwing: flag,
  severeSwing: flag,
  /** en dateline in the readers' convention (config.enDateline): "4 January (ET)". */
  dateline: md,
  /** The weekday of the move's key moment in the readers' zone. */
  readerWeekday: md,
  /** A part-day brief (`--as-of now`): the time its data runs to; the move is then never worded as a close. */
  asOf: md.optional(),
  asset: md,
  assetName: md,
  down: flag,
  up: flag,
  /** Round level below the high (上方 reference) and above the low. */
  fromLevel: md,
  high: md,
  highTime: md,
  low: md,
  lowTime: md,
  close: md,
  /** Low–high band, unit once. */
  band: md,
  change: md,
  /** Intraday high-to-low range as a percentage of the high. */
  drawdown: md,
  /** When the lead asset's window has hours missing or left out: a sentence saying the figures may be incomplete. */
  caveat: md.optional(),
  /** The headline level, when one was broken. */
  level: z.strictObject({ price: md, held: flag, time: md }).optional(),
  /** A further level crossed intraday but not held at the close (一度跌破 4.2 万美元). */
  deepest: z.strictObject({ price: md, time: md }).optional(),
  /** "largest daily drop since March 2023". */
  /** Since: the month of the last larger move of the same sign; without it, the largest in the sample. */
  rank: RankSchema.optional(),
  /** The high-to-low drawdown ranked on its own (a different measure from the close-to-close change). */
  drawdownRank: RankSchema.optional(),
  others: z.array(LeadAssetMoveSchema),
  liquidations: LiquidationFiguresSchema.extend({ ...cite }).optional(),
  trigger: z.strictObject({ name: md, time: md }).optional(),
  /** A scheduled release inside the window and the price over its hours (release.ts), when no note names the trigger. */
  release: z
    .strictObject({
      name: md,
      /** The publisher's schedule the release time comes from. */
      source: SourceLinkSchema,
      time: md,
      from: md,
      to: md,
      change: md,
      /** The change's sign; `muted`: smaller than pricePath.releaseMoveFractionMin, a muted reaction. */
      down: flag,
      up: flag,
      muted: flag,
      /** A move of size in the release's hours that had not mostly happened before: the lead adds that timing is not cause. */
      coincident: flag,
      /** The day's low (down day) or high (up day) fell in those hours. */
      atLow: flag,
      atHigh: flag,
      /** The day's steepest hour fell in those hours; `dayDown`: the day's direction (the path's). */
      steepest: flag,
      /**
       * The release's hour opened with pricePath.releaseAfterShareMin of the swing done: most of the
       * move came before it (`change`: from the day's high, or low, to that open; `share`: of the
       * high-to-low swing, in words).
       */
      after: z.strictObject({ change: md, share: md }).optional(),
      /** Without `after`: the day's low (down day) or high came before the release's hour, at `time`. */
      extremeBefore: z.strictObject({ time: md }).optional(),
      dayDown: flag,
      /** The lead asset's name and the brief's UTC offset, as the lead prints them. */
      assetName: md,
      offset: md,
      /** No note names a driver: the lead adds that nothing else explains the move. */
      alone: flag,
      ...cite,
    })
    .optional(),
  /** The notes name a driver (an entity move, a macro or news item): the lead never says there was no trigger. */
  notedDriver: flag,
  /** The thesis sentence: longs flushed while open interest fell (positions closed, not shorts added). */
  /** `venues`: the venues whose open interest was measured, named (never "major venues" for one). */
  /**
   * Open interest fell with price (the deleveraging claim). `voluntary`: it fell by
   * openInterest.voluntaryMultipleMin times the liquidation total or more (its `multiple`, the
   * voluntary_deleveraging claim's value), so the lead says positions were mostly closed by
   * choice, not the forced-selling thesis.
   */
  deleveraging: z.strictObject({ oiChange: md, venues: md, voluntary: z.strictObject({ multiple: md }).optional(), ...cite }).optional(),
  /**
   * On an intraday-only crash: the close's rise off the day's low, and the share of the high-to-low
   * slide it recovered ((close − low) / (high − low)) — the other half of the day's story.
   */
  rebound: z.strictObject({ fromLow: md, share: md }).optional(),
  /** `several`: more than one fund, so the total is a sum ("funds", 合计). */
  etfRecord: z.strictObject({ total: md, date: md, products: md, several: flag, beforeSpot: flag, days: md, ...cite }).optional(),
  etfInflow: z.strictObject({ net: md, date: md, ...cite }).optional(),
  /**
   * The brief's ETF session is the asset's first spot-ETF session: the lead says the move came as
   * the funds began trading (context, not a cause), beside "no single trigger".
   */
  spotLaunch: z.strictObject({ date: md, ...cite }).optional(),
});
