/**
 * Liquidation findings: totals per source with their range and median multiple, and price bands of liquidated orders.
 */
import { z } from 'zod';
import { base, epochMs, finite, fraction, Range, usd } from './common.js';

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

/**
 * When an asset's liquidations concentrated (signals/liquidation-timing.ts): the shortest run of
 * hours holding `clusters.timingShareMin` of the dominant side's notional in the order feeds.
 */
export const LiquidationTimingSchema = z.strictObject({
  kind: z.literal('liquidation_timing'),
  ...base,
  asset: z.string(),
  side: z.enum(['long', 'short']),
  /** Open time of the run's first hour; the run is `hours` long. */
  start: epochMs,
  hours: z.number().int().positive(),
  notionalUsd: usd,
  /** The run's share of the side's notional recorded in the window. */
  shareFraction: fraction,
  /** The side's notional recorded in the window (the feeds sample: a floor). */
  sideUsd: usd,
  venues: z.array(z.string()),
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
