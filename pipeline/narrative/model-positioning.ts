/**
 * The brief model's bulls-and-bears part (model.ts): each point a side makes, with the per-asset
 * funding and basis clauses, and the subset the en wire wrap prints.
 */
import { z } from 'zod';
import { cite, flag, md, SourceLinkSchema } from './model-parts.js';

/** One asset's funding in a positioning point: the weighted rate, its sign and size, its kind of rate. */
const FundingClauseSchema = z.strictObject({
  asset: md,
  current: md,
  /**
   * en: the funding bullet already prints this asset's rate (the lead asset's), so the wire wrap's
   * point leaves it out; `sep`: a separator goes before this clause among those printed.
   */
  quoted: flag,
  sep: flag,
  elevated: flag,
  positive: flag,
  aboutZero: flag,
  slightlyNegative: flag,
  /** Only with the plan's short_pressure claim ("shorts pay heavily"). */
  deeplyNegative: flag,
  /** Say this asset's kind of rate (the assets' kinds differ, or its venues' do). */
  showKind: flag,
  settled: flag,
  mixed: flag,
  /**
   * The rate is weighted by the venues' open interest (else an equal-weight average of the
   * venues), as the funding bullet names it; `showWeighting`: said per asset (the assets' differ).
   */
  weighted: flag,
  showWeighting: flag,
  /** The weighting or the kind said per asset (a parenthesis after the figure). */
  aside: flag,
  /**
   * This figure may carry a word of size of its own ("deeply negative"): it is the only one the
   * language prints in the point (not `several`).
   */
  sized: flag,
  /** en: a parenthesis follows the figure (`aside`, or the words of a sized deeply negative rate). */
  paren: flag,
});

/**
 * Funding of several assets; the kind of rate said once when all are running-period or all
 * settled, the weighting once when all are weighted alike (`allWeighted` by open interest,
 * `allEqual` venue averages). `fresh`: some asset is not `quoted` (en prints a figure list only
 * then). `several`: more than one figure is printed (the language's own list): then no asset
 * gets a word of size of its own — two rates a few hundredths of a point apart are not
 * "slightly" and "clearly" negative — only what all share (`allNegative`, `allPositive`,
 * `allAboutZero`: every asset's level on the same side of the thresholds).
 */
const FundingPointSchema = z.strictObject({
  assets: z.array(FundingClauseSchema).min(1),
  /**
   * The quoted asset (its rate is in the funding bullet) when others are printed beside it: en
   * says "BTC as above, ETH 0.0569%", so the list does not read as if ETH alone were rich.
   */
  asAbove: md.optional(),
  allCurrent: flag,
  allSettled: flag,
  allWeighted: flag,
  allEqual: flag,
  fresh: flag,
  several: flag,
  allNegative: flag,
  allPositive: flag,
  allAboutZero: flag,
});

/** One asset's annualized basis in a positioning point: its headline expiry across venues, prior → current. */
const BasisClauseSchema = z.strictObject({ asset: md, tenor: md.optional(), venues: md, expiry: md, days: md, prior: md, current: md });
/** `described`: the basis bullet gives this contract's venues, expiry and days; the point names it by its tenor. */
const BasisContractSchema = z.strictObject({ tenor: md.optional(), venues: md, expiry: md, days: md, described: flag });

/** One argument in the bulls-versus-bears paragraphs: exactly one key is present, plus `cite`. */
export const PointSchema = z.strictObject({
  ...cite,
  /** Only with the `leverage_flush` claim; `floor`: the total is a floor from sampled streams (至少, never 合计). */
  flushed: z.strictObject({ longShare: md, total: md, floor: z.boolean() }).optional(),
  squeezed: z.strictObject({ shortShare: md, total: md, floor: z.boolean() }).optional(),
  /** Assets whose funding is not elevated, in configured order. */
  fundingReset: FundingPointSchema.optional(),
  /** Assets whose funding is elevated. */
  fundingCrowded: FundingPointSchema.optional(),
  exchangeOutflow: z.strictObject({ after: md }).optional(),
  exchangeInflow: z.strictObject({ net: md }).optional(),
  /** `shared`: the contract (tenor, venues, expiry, days left) when two or more assets quote the same one. */
  basisCooled: z.strictObject({ assets: z.array(BasisClauseSchema).min(1), shared: BasisContractSchema.optional() }).optional(),
  basisRich: z.strictObject({ assets: z.array(BasisClauseSchema).min(1), shared: BasisContractSchema.optional() }).optional(),
  oiDown: z.strictObject({ change: md }).optional(),
  oiUp: z.strictObject({ change: md }).optional(),
  /** Open interest fell with the price (deleveraging) without a flush of size: less leverage left to force out. */
  oiReset: z.strictObject({ change: md }).optional(),
  /** `range`: a range day's close below a round level (no word on a broken structure). */
  levelLost: z.strictObject({ level: md, range: flag }).optional(),
  levelHeld: z.strictObject({ level: md }).optional(),
  levelGained: z.strictObject({ level: md }).optional(),
  /** Elevated against its average (impliedVol.elevatedMinFraction); `rose`: it also rose on the day. */
  volElevated: z.strictObject({ current: md, index: md, rose: flag }).optional(),
  /** On a fall, implied volatility spiked and the close gave most of it back (implied_vol.spike.faded). */
  volFaded: z.strictObject({ high: md, current: md, index: md }).optional(),
  /**
   * A drop's bears (positioning.ts `drop`): longs held the `long_flush` share of the liquidations
   * (a day without the leverage_flush claim, which would make them the bulls' flush).
   */
  longsLiquidated: z.strictObject({ longShare: md, total: md, floor: z.boolean() }).optional(),
  /** A range day's drop that closed near its low (price_path `nearExtreme`, pricePath.nearExtremeShareMax). */
  closedNearLow: z.strictObject({ close: md, low: md }).optional(),
  /** A drop with no other bear point: the close-to-close fall itself. */
  priceDrop: z.strictObject({ asset: md, change: md }).optional(),
  etfInflow: z.strictObject({ net: md, date: md, streak: z.boolean() }).optional(),
  /** Only when the outflow reached `etf.netFlowNotableUsd` (the plan's claim, etfFlowReadable), as etfInflow. */
  etfOutflow: z.strictObject({ net: md, date: md }).optional(),
  entitySold: z.strictObject({ entity: md, amount: md }).optional(),
  entityBought: z.strictObject({ entity: md, amount: md }).optional(),
  remark: z.strictObject({ speaker: md, text: md, source: SourceLinkSchema }).optional(),
});

export const PositioningSchema = z.strictObject({
  bulls: z.array(PointSchema),
  bears: z.array(PointSchema),
  /**
   * The points the en wire wrap prints (the same objects as in `bulls` / `bears`, so the check stage
   * reads their figures there once): a point that only restates
   * the reading of a bullet the brief prints (the ETF-flow, exchange-flow, open-interest,
   * volatility, wallet or liquidation bullet) is left out, unless it is its side's only point. zh
   * prints every point: the long-form 多空 paragraph gathers the figures by genre.
   */
  wire: z.strictObject({ bulls: z.array(PointSchema), bears: z.array(PointSchema) }),
  /**
   * The day's own lead is a drop: a crash, or a range day that closed lower by more than a tight
   * range does (`day.tight` false). Its bears are heard, and the bulls never "dominate".
   */
  drop: flag,
  /** One side has no argument from the data: say why the other dominates (never the bulls on a drop). */
  bullsOnly: flag,
  bearsOnly: flag,
  /**
   * What would settle the split, for the long-form brief (zh): the nearest support and resistance
   * (the outlook's first levels) and the day's state. Conditions on levels and on the gauges the
   * bullets print, no new figure; the wire wrap prints none.
   */
  crux: z
    .strictObject({
      asset: md,
      support: md,
      resistance: md,
      down: flag,
      up: flag,
      flushed: flag,
      /** Funding is below zero now: the condition is that it turns positive, else that it picks up. */
      fundingNegative: flag,
      /** The 30 days before fell (path.prior): a fall is no "healthy shake-out" of a run-up. */
      afterDecline: flag,
      /** Coins held rose on the day (positions.ts): the crux starts from positions added, not cut. */
      positionsGrew: flag,
    })
    .optional(),
});
