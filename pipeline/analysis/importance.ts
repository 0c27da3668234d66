/**
 * Importance (0–100) for ordering findings, and the fixed order that breaks ties.
 *
 * Each kind has a base weight (what a desk leads with: the price move and liquidations first,
 * data gaps last). A finding whose threshold fired scores at least its base, rising with how far
 * beyond the threshold it is (capped at 1.5× base); one that did not fire scores 0.3–0.7× base
 * depending on how close it came. Base weights stay ≤ 66 so the cap never exceeds 100.
 */
import type { Finding, FindingKind } from './findings.js';
import { clamp, roundTo } from './util/stats.js';

/** Fixed kind order: ties in importance keep this order, then asset name. */
export const KIND_ORDER: readonly FindingKind[] = [
  'price_move',
  'level_break',
  'systemic_move',
  'historical_rank',
  'liquidations',
  'liquidation_cluster',
  'volume_spike',
  'funding_flip',
  'basis_compression',
  'open_interest_change',
  'etf_volume',
  'etf_flows',
  'whale_activity',
  'exchange_flows',
  'implied_vol',
  'key_levels',
  'data_gap',
  'day_plan',
];

export const BASE_WEIGHT: Readonly<Record<FindingKind, number>> = {
  price_move: 66,
  liquidations: 64,
  funding_flip: 55,
  basis_compression: 52,
  level_break: 50,
  volume_spike: 50,
  open_interest_change: 50,
  historical_rank: 48,
  systemic_move: 45,
  implied_vol: 44,
  etf_volume: 42,
  etf_flows: 42,
  liquidation_cluster: 40,
  whale_activity: 40,
  key_levels: 38,
  exchange_flows: 36,
  data_gap: 30,
  // The plan is the brief's outline, not a fact to rank: it sorts last and is read by kind.
  day_plan: 0,
};

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
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
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
