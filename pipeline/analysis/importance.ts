/**
 * Importance (0–100) for ordering findings, and the fixed order that breaks ties, both from one
 * table of finding kinds (FINDING_KINDS).
 *
 * Each kind has a base weight (what a desk leads with: the price move and liquidations first,
 * data gaps last). A finding whose threshold fired scores at least its base, rising with how far
 * beyond the threshold it is (capped at 1.5× base); one that did not fire scores 0.3–0.7× base
 * depending on how close it came. Base weights stay ≤ 66 so the cap never exceeds 100.
 */
import type { Finding, FindingKind } from './findings.js';
import { clamp, roundTo } from './util/stats.js';

/** What analysis must know of every finding kind. */
export interface KindFacts {
  /** Place in the fixed order that breaks importance ties (and the analysis phases' order). */
  readonly order: number;
  /**
   * Base weight: what a desk leads with (the price move and liquidations first, data gaps last);
   * ≤ 66 so the 1.5× cap never exceeds 100.
   */
  readonly weight: number;
}

/**
 * One row per finding kind, typed by the kind union: a new kind in FindingSchema does not compile
 * until it has its order and weight here (its bullet: pipeline/narrative/bullet-kinds.ts).
 */
export const FINDING_KINDS = {
  price_move: { order: 1, weight: 66 },
  price_path: { order: 2, weight: 46 },
  level_break: { order: 3, weight: 50 },
  systemic_move: { order: 4, weight: 45 },
  historical_rank: { order: 5, weight: 48 },
  liquidations: { order: 6, weight: 64 },
  liquidation_cluster: { order: 7, weight: 40 },
  liquidation_timing: { order: 8, weight: 38 },
  volume_spike: { order: 9, weight: 50 },
  funding_flip: { order: 10, weight: 55 },
  basis_compression: { order: 11, weight: 52 },
  open_interest_change: { order: 12, weight: 50 },
  etf_volume: { order: 13, weight: 42 },
  etf_flows: { order: 14, weight: 42 },
  whale_activity: { order: 15, weight: 40 },
  exchange_flows: { order: 16, weight: 36 },
  implied_vol: { order: 17, weight: 44 },
  key_levels: { order: 18, weight: 38 },
  data_gap: { order: 19, weight: 30 },
  // The plan is the brief's outline, not a fact to rank: it sorts last and is read by kind.
  day_plan: { order: 20, weight: 0 },
} as const satisfies Record<FindingKind, KindFacts>;

const KINDS = Object.keys(FINDING_KINDS) as FindingKind[];

/** Fixed kind order: ties in importance keep this order, then asset name. */
export const KIND_ORDER: readonly FindingKind[] = [...KINDS].sort((a, b) => FINDING_KINDS[a].order - FINDING_KINDS[b].order);

/** Each kind's base weight (FINDING_KINDS). */
export const BASE_WEIGHT: Readonly<Record<FindingKind, number>> = Object.fromEntries(
  KINDS.map((kind) => [kind, FINDING_KINDS[kind].weight]),
) as Record<FindingKind, number>;

/**
 * Importance of a finding of `kind` whose magnitude is `ratio` times its threshold
 * (|value| / threshold; undefined when there is nothing to compare).
 */
export function importanceOf(kind: FindingKind, ratio: number | undefined): number {
  const base = BASE_WEIGHT[kind];
  const r = ratio === undefined || !Number.isFinite(ratio) ? 0 : Math.max(0, ratio);
  const scale = r >= 1 ? Math.min(1.5, 1 + 0.25 * (r - 1)) : 0.3 + 0.4 * r;
  return roundTo(clamp(base * scale, 0, 100), 1);
}

function assetOf(f: Finding): string {
  return 'asset' in f && typeof f.asset === 'string' ? f.asset : '';
}

/** Findings ordered by importance (highest first), then kind order, then asset; stable otherwise. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      b.importance - a.importance ||
      FINDING_KINDS[a.kind].order - FINDING_KINDS[b.kind].order ||
      (assetOf(a) < assetOf(b) ? -1 : assetOf(a) > assetOf(b) ? 1 : 0),
  );
}

/**
 * |magnitude| / threshold, the ratio `importanceOf` scales by. A threshold of 0 means "always
 * fire", which scores exactly the base weight (ratio 1).
 */
export function thresholdRatio(magnitude: number, threshold: number): number {
  if (!(threshold > 0)) return 1;
  const r = Math.abs(magnitude) / threshold;
  return Number.isFinite(r) ? r : 1;
}
