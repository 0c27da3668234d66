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
 *
 * The schemas live in findings/, one module per idea (market, liquidations, derivatives, flows,
 * data gaps, the day plan); this module joins them into the union and re-exports them.
 */
import { z } from 'zod';
import { epochMs, fraction } from './findings/common.js';
import { DataGapFindingSchema } from './findings/data-gap.js';
import { DayPlanSchema, type ClaimSchema, type LiquidationHeadlineSchema } from './findings/day-plan.js';
import {
  BasisCompressionSchema,
  FundingFlipSchema,
  ImpliedVolSchema,
  OpenInterestChangeSchema,
  VolumeSpikeSchema,
} from './findings/derivatives.js';
import { EtfFlowsFindingSchema, EtfVolumeSchema, ExchangeFlowsFindingSchema, WhaleActivitySchema } from './findings/flows.js';
import { LiquidationClusterSchema, LiquidationTimingSchema, LiquidationsFindingSchema } from './findings/liquidations.js';
import {
  HistoricalRankSchema,
  KeyLevelsSchema,
  LevelBreakSchema,
  PriceMoveSchema,
  PricePathSchema,
  SystemicMoveSchema,
} from './findings/market.js';

export * from './findings/data-gap.js';
export * from './findings/day-plan.js';
export * from './findings/derivatives.js';
export * from './findings/flows.js';
export * from './findings/liquidations.js';
export * from './findings/market.js';

export const FindingSchema = z.discriminatedUnion('kind', [
  DayPlanSchema,
  PriceMoveSchema,
  PricePathSchema,
  LevelBreakSchema,
  SystemicMoveSchema,
  HistoricalRankSchema,
  LiquidationsFindingSchema,
  LiquidationClusterSchema,
  LiquidationTimingSchema,
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
   * values (the funding and price charts) applies these, so a configured value reaches finding and chart alike.
   */
  bounds: z.strictObject({
    /** `funding.plausibleMaxAbsPerInterval`: rates beyond it, either sign, are left out (fraction per interval). */
    fundingMaxAbsPerInterval: fraction,
    /** `price.plausibleMaxUsd`: candles whose high is above it are left out (USD per unit). */
    priceMaxUsd: z.number(),
  }),
  /** Ordered by importance, highest first; ties keep a fixed kind order. */
  findings: z.array(FindingSchema),
});

export type Finding = z.infer<typeof FindingSchema>;
export type Findings = z.infer<typeof FindingsSchema>;
export type FindingKind = Finding['kind'];
export type FindingOf<K extends FindingKind> = Extract<Finding, { kind: K }>;
export type PriceMove = FindingOf<'price_move'>;
export type PricePath = FindingOf<'price_path'>;
export type LiquidationsFinding = FindingOf<'liquidations'>;
export type FundingFlip = FindingOf<'funding_flip'>;
export type BasisCompression = FindingOf<'basis_compression'>;
export type KeyLevels = FindingOf<'key_levels'>;
export type DayPlan = FindingOf<'day_plan'>;
export type LiquidationHeadline = z.infer<typeof LiquidationHeadlineSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
