/** The brief model's data bullets (`● **label:** text`), one schema per kind; see model.ts. */
import { z } from 'zod';
import { cite, flag, LiquidationFiguresSchema, md, SourceLinkSchema } from './model-parts.js';

// ---------------------------------------------------------------- bullets

const LiquidationsBulletSchema = LiquidationFiguresSchema.extend({
  /** The complete sources of the headline's one scope, each with its figure (a range's ends). */
  perSource: z.array(z.strictObject({ source: md, total: md, longShare: md })),
  multiSource: flag,
  median: z.strictObject({ value: md, multiple: md, days: md, spike: flag }).optional(),
  /** A market-wide total without a median: the lead asset's part against its own 30-day median. */
  partMedian: z.strictObject({ asset: md, total: md, only: flag, value: md, multiple: md, days: md }).optional(),
  /** The lead asset's coins held fell with the price (the deleveraging claim): only then "多头去杠杆". */
  deleveraging: flag,
  /**
   * The lead prints the total and the dominant side's share, and the bullet has nothing to add (no
   * median multiple, no second source, no sampled floor): the wire leaves the bullet out.
   */
  restatesLead: flag,
});

const ClusterBulletSchema = z.strictObject({
  asset: md,
  long: flag,
  short: flag,
  band: md,
  notional: md,
  orders: md,
  share: md,
  /** When the band's orders happened, if narrower than the whole window. */
  from: md.optional(),
  to: md.optional(),
  source: md,
  /** Fill prices (else bankruptcy prices, which lie beyond the fills). */
  fill: flag,
  /** The traded range reached the band. */
  reached: flag,
  /** Reached on a crash or rally day: only then the sentence that the band set off the cascade. */
  causal: flag,
});

const VolumeBulletSchema = z.strictObject({
  asset: md,
  spot: flag,
  venue: md,
  volume: md,
  change: md,
  /** With several venues: the day's volume summed across them, and the venues summed. */
  total: z.strictObject({ volume: md, venues: md }).optional(),
  /** Volume rose past a `volume.*` threshold (claim "放量"): only then the words of a surge. */
  surge: flag,
  up: flag,
  /**
   * Up by the day-on-day threshold but not a surge: the day before was thin and the day is near its
   * 30-day average (volume.changeNeedsAvgMultipleMin), so the reading says so, not "a modest rise".
   */
  offThinDay: flag,
  /** Down on the day before yet at or above volume.thinMultipleMax of the 30-day average: ordinary, not thinning. */
  nearAverage: flag,
  changeRange: md,
  manyVenues: flag,
  /** `par`: the multiple prints as 1.0 (par.ts), so the bullet says "in line with the average". */
  average: z.strictObject({ multiple: md, par: flag }).optional(),
  peak: z.strictObject({ time: md, volume: md }),
  monthPeakVenues: md.optional(),
  /** Every venue summed in `total` is among `monthPeakVenues`. */
  everyVenueAtPeak: flag,
  /** Days in the average and the monthly peak (a bare number, the config's volume.avgDays). */
  avgDays: md,
});

const FundingBulletSchema = z.strictObject({
  asset: md,
  /** Coins held fell (positions.ts): a rising rate is dearer leverage, not more of it. */
  positionsShrank: flag,
  flipToNeutral: flag,
  /** The weighted rate changed sign (prior and current on opposite sides of zero): only then "逆转" / "reversed". */
  signChange: flag,
  /** The current rate is about zero (analysis' level). */
  aboutZero: flag,
  flipToNegative: flag,
  elevated: flag,
  neutral: flag,
  negative: flag,
  /** The weighted rate is negative beyond `funding.shortPressureMinPer8h`: shorts hold the upper hand (claim). */
  shortPressure: flag,
  rising: flag,
  prior: md,
  current: md,
  /** Current above prior. */
  up: flag,
  /** The weighted current rate annualized (× 3 × 365), a percentage. */
  annualized: md,
  priorDays: md,
  weighted: flag,
  /** `settled`: the last settled rate, else the running period's (not yet settled) rate. */
  venues: z.array(z.strictObject({ venue: md, rate: md, interval: md, per8h: md, eightHour: flag, settled: flag, annualized: md })),
  /** Every venue listed has the same kind of rate and settlement interval: said once for the group. */
  venueKind: z.strictObject({ settled: flag, interval: md, eightHour: flag }).optional(),
  /**
   * Every venue settled below zero at the window's settlements `times` after a quiet spell
   * (funding_flip.negativeSettlements), told when the bullet's own rate is not negative: the
   * lowest settlement, the last negative one before (`atLeast`: none since the history's start),
   * and whether the weighted current rate is back above zero.
   */
  negativeSettled: z
    .strictObject({
      times: md,
      venues: md,
      lowest: z.strictObject({ venue: md, time: md, rate: md }),
      since: md,
      atLeast: flag,
      backAbove: flag,
    })
    .optional(),
});

/** One expiry's annualized basis as the basis bullet prints it: the headline expiry's and each other contract's. */
const TENOR_FIGURES = {
  /**
   * `prior` is the mean of the `priorDays` days before the window ("此前 3 日均值", "a 3-day
   * average"), or, without `priorDays`, the last point before it: the chart's start-of-day value
   * is another quantity, and the words say which one the text gives.
   */
  prior: md,
  priorDays: md.optional(),
  current: md,
  /** The window's lowest annualized basis: below zero when the contract traded below spot ("一度贴水" beside its figure). */
  min: md,
  backwardation: flag,
  /** Still below spot at the window's end: "ending below spot" / 收盘仍处贴水, not "briefly". */
  belowAtEnd: flag,
};

const BasisBulletSchema = z.strictObject({
  asset: md,
  compressed: flag,
  expanded: flag,
  /** Neither compressed nor widened, and prior and current print the same: "held" / "维持". */
  held: flag,
  /** Neither compressed nor widened, but the printed figures differ: "eased" / "edged up" with both. */
  eased: flag,
  edgedUp: flag,
  venue: md,
  tenor: md,
  expiry: md,
  days: md,
  ...TENOR_FIGURES,
  otherTenors: md.optional(),
  /** Other expiries that went below spot while the headline expiry did not: venue, contract, days left, prior → current. */
  contracts: z
    .array(
      z.strictObject({
        venue: md,
        contract: md,
        days: md,
        ...TENOR_FIGURES,
      }),
    )
    .optional(),
});

const OpenInterestBulletSchema = z.strictObject({
  asset: md,
  /**
   * The change's direction and size (`change`) are the coins held when `coins` (positions), else
   * the dollars'. `flat`: smaller than openInterest.flatFractionMax either way (`signedChange`
   * printed); `rise`: up by openInterest.dropFractionMin or more (a reading of new positions).
   */
  down: flag,
  flat: flag,
  rise: flag,
  coins: flag,
  signedChange: md,
  /** The dollar amounts' direction (prior → current); `repriced`: it differs from the coins', so the price moved it. */
  usdDown: flag,
  repriced: flag,
  prior: md,
  current: md,
  change: md,
  venues: md,
  peak: z.strictObject({ value: md, time: md }).optional(),
  deleveraging: flag,
  /** The fall reached `openInterest.dropFractionMin` (claim "去化"). */
  drop: flag,
  /** With several venues: each venue's own change, in a clause after the summed figure. */
  perVenue: z.array(z.strictObject({ venue: md, change: md })).optional(),
  /** Most of a deleveraging day's closed coins went in the price path's burst (open_interest_change.burst.inBurst): the share in words and the hours. */
  burst: z.strictObject({ share: md, from: md, to: md }).optional(),
});

const EtfVolumeBulletSchema = z.strictObject({
  asset: md,
  /** The funds' tickers, e.g. "GBTC" or "IBIT、FBTC、GBTC": named, since a trust is not a spot ETF. */
  products: md,
  /** More than one fund: the total is a sum ("funds", 合计), broken down in `top`. */
  several: flag,
  /** Before the asset's first spot-ETF session: the funds are named as funds, not ETFs. */
  beforeSpot: flag,
  /** The asset's first spot-ETF session: no earlier session to average, and the bullet says why. */
  firstSpot: flag,
  /** Funds without a bar for the session (named in the data note): the total excludes them. */
  excluding: md.optional(),
  date: md,
  total: md,
  average: z.strictObject({ value: md, multiple: md, days: md }).optional(),
  /** A half-day session (etf_volume.earlyClose): said beside its multiple of full days. */
  halfDay: flag,
  /** At or above the configured multiple of the average. */
  heavy: flag,
  record: flag,
  /**
   * The largest funds; `multiple` of the fund's own average only when the total has none (funds
   * launched that day leave no history to sum, while an older fund has its own).
   */
  top: z.array(z.strictObject({ ticker: md, volume: md, own: z.strictObject({ multiple: md, days: md }).optional() })),
  /** The asset's move beside the funds': close to close between the two US closes (`closeToClose`), else its UTC day. */
  priceChange: md.optional(),
  priceDown: flag,
  closeToClose: flag,
  divergence: flag,
  sources: md,
  /**
   * A single fund's own session: its close and the change from its previous session's close
   * (a trust's price can part from the asset's); the asset's `priceChange` close to close beside it.
   */
  fundMove: z.strictObject({ ticker: md, close: md, change: md, down: flag }).optional(),
});

const EtfFlowsBulletSchema = z.strictObject({
  asset: md,
  date: md,
  net: md,
  inflow: flag,
  streak: md,
  longStreak: flag,
  /** The run's net flow summed, when the run is at least etf.streakSumMinDays sessions. */
  streakTotal: md.optional(),
  top: z.array(z.strictObject({ ticker: md, net: md, inflow: flag })),
  /**
   * The funds split (bullets-flows.ts splitOf): of the `tracked` funds the source lists, those that
   * moved against the net (`against`, their tickers) and the rest (`count` funds) added up (`net`,
   * the same way as the net): "tracked", as the provider's list need not hold every fund. Only
   * when the per-fund figures add up to the net and the funds against it reach a tenth of it.
   */
  split: z.strictObject({ tracked: md, against: md, count: md, net: md }).optional(),
  source: md,
  /** |net| reached `etf.netFlowNotableUsd` (claim): only then "撤离" / "still buying". */
  notable: flag,
});

const WhaleBulletSchema = z.strictObject({
  asset: md,
  threshold: md,
  count: md,
  total: md,
  totalUsd: md.optional(),
  /** `par`: the multiple prints as 1.0 (par.ts): "in line with the average", no judgement added. */
  baseline: z.strictObject({ count: md, multiple: md, par: flag, elevated: flag, quiet: flag, days: md }).optional(),
  largest: z.strictObject({ amount: md, time: md, from: md.optional(), to: md.optional() }).optional(),
  /**
   * The transfers either side of the level the day broke (the finding's aroundLevel), only when
   * they shifted: `hours` before and after the break at `time`, broken `below` (else above), `more`
   * after (else fewer).
   */
  around: z.strictObject({ level: md, time: md, hours: md, before: md, after: md, below: flag, more: flag }).optional(),
  source: md,
});

const ExchangeFlowsBulletSchema = z.strictObject({
  asset: md,
  net: md,
  /** The net valued hour by hour at the spot close (a sum: 约 / about). */
  netUsd: md.optional(),
  inflow: flag,
  peak: md,
  peakTime: md,
  /** Peak hour / baseline hourly inflow, only when the finding says what the baseline is. */
  peakMultiple: md.optional(),
  /** The baseline is the day's median hourly inflow (else the mean over `baselineDays` days before). */
  baselineDayMedian: flag.optional(),
  /** Days of the baseline hourly inflow (bare number). */
  baselineDays: md,
  after: md,
  afterOutflow: flag,
  /** Net inflow up to and including the peak hour (the day's net less the net after the peak). */
  beforePeakInflow: flag,
  /** An inflow spike, then net outflows after it (the finding's reversal). */
  reversal: flag,
  /** The smallest transfer the source counts ("50 万美元", "$500,000"), when its request says. */
  minTransfer: md.optional(),
  source: md,
});

/**
 * Two facts kept apart: the day's direction (open → close, only with the window's open) and the
 * level against the average (the label: elevated by `impliedVol.elevatedMinFraction`, else above,
 * about or below it). `still`: the two point opposite ways (rose yet below the average).
 */
const VolatilityBulletSchema = z.strictObject({
  asset: md,
  index: md,
  source: md,
  open: md.optional(),
  current: md,
  /** The printed close above / below the printed open; neither with no open or the same figure. */
  rose: flag,
  fell: flag,
  still: flag,
  high: md,
  low: md,
  /** The day's low / high, when it is neither the open nor the close printed beside it. */
  showLow: flag,
  showHigh: flag,
  average: md,
  vsAverage: md,
  above: flag,
  /** The difference prints as 0%: about the average, neither above nor below it. */
  atAverage: flag,
  elevated: flag,
  /** Days in the average (bare number). */
  avgDays: md,
  /** The day's high was a spike the close gave back (implied_vol.spike.faded): the hour it came in. */
  fadedSpike: z.strictObject({ time: md }).optional(),
});

const EntityMoveSchema = z.strictObject({
  entity: md,
  amount: md,
  amountUsd: md.optional(),
  time: md,
  toExchange: flag,
  fromExchange: flag,
  sale: flag,
  purchase: flag,
  transfer: flag,
  counterparty: md.optional(),
  text: md.optional(),
  source: SourceLinkSchema,
});

const CrossAssetBulletSchema = z.strictObject({
  asset: md,
  name: md,
  change: md,
  down: flag,
  drawdown: md,
  /** The high-to-low swing is ≥ 5 % (sharp) / ≥ 10 % (severe): its noun scales with it. */
  sharpSwing: flag,
  severeSwing: flag,
  low: md,
  high: md,
  /** The largest move among the assets (the lead asset has no bullet of its own: the lead prints it). */
  leader: flag,
  /** Fell (rose) more than the lead asset on both measures by a notable gap: the plan's claim. */
  deeper: flag,
  /** Fell less than the lead asset on both measures by a notable gap ("抗跌"): the plan's claim. */
  resilient: flag,
  /** The round level the asset broke, on its own step. */
  level: z.strictObject({ price: md, held: flag }).optional(),
});

/** One bullet: exactly one of these keys is present, plus the bullet's `cite`. */
export const BulletSchema = z.strictObject({
  ...cite,
  crossAsset: CrossAssetBulletSchema.optional(),
  liquidations: LiquidationsBulletSchema.optional(),
  cluster: ClusterBulletSchema.optional(),
  volume: VolumeBulletSchema.optional(),
  funding: FundingBulletSchema.optional(),
  basis: BasisBulletSchema.optional(),
  openInterest: OpenInterestBulletSchema.optional(),
  etfVolume: EtfVolumeBulletSchema.optional(),
  etfFlows: EtfFlowsBulletSchema.optional(),
  whales: WhaleBulletSchema.optional(),
  exchangeFlows: ExchangeFlowsBulletSchema.optional(),
  volatility: VolatilityBulletSchema.optional(),
  entities: z.strictObject({ moves: z.array(EntityMoveSchema) }).optional(),
});
