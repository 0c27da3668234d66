/**
 * The day plan: the day's decisions made once (type, lead asset, headline liquidation figure and its scope, each asset's level, the claims that license magnitude words).
 */
import { z } from 'zod';
import { CATALYST_KINDS, SCHEDULED_KINDS } from '../calendar/catalysts.js';
import { base, epochMs, finite, fraction, Range, ThresholdSchema, usd } from './common.js';

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
    'leverage_flush',
    'short_squeeze',
    'volume_surge',
    'oi_drop',
    'deleveraging',
    'voluntary_deleveraging',
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
  /**
   * The scheduled releases the macro moves' US session carried (calendar/catalysts.ts
   * releasesInSession), so the macro paragraph can name its dated event. Absent without macro moves.
   */
  macroReleases: z
    .array(
      z.strictObject({
        time: epochMs,
        kind: z.enum(CATALYST_KINDS),
        name: z.strictObject({ zh: z.string(), en: z.string() }),
        url: z.string(),
      }),
    )
    .optional(),
  /**
   * The macro moves' (latest) US session on the exchanges' calendar (util/us-market.ts): its date,
   * its close (16:00 New York, or 13:00 on an early-close day, `earlyClose`), and the holidays
   * between it and the brief's window end (why an older session is quoted). With macro moves only.
   */
  macroSession: z.strictObject({ date: z.string(), close: epochMs, earlyClose: z.boolean(), holidays: z.array(z.string()) }).optional(),
  /** Curated and computed catalysts within `catalysts.horizonDays` (calendar/catalysts.ts). */
  catalysts: z.array(
    z.strictObject({
      date: z.string(),
      time: epochMs.optional(),
      kind: z.enum(CATALYST_KINDS),
      name: z.strictObject({ zh: z.string(), en: z.string() }),
      url: z.string(),
    }),
  ),
  /** True only when the calendar covers the whole horizon and lists nothing in it. */
  noCatalyst: z.boolean(),
  /** Kinds of release whose official schedule the calendar does not hold through the horizon's last day. */
  unsourced: z.array(z.enum(SCHEDULED_KINDS)),
});
