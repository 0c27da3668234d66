/**
 * Data gaps as findings, so the narrative can say what could not be measured (and never fill
 * it with a zero):
 *  - every entry of `snapshot.gaps`, with the finding kinds it affects;
 *  - every family listed in `gaps.expectedFamilies` that holds no data and has no gap entry
 *    (gapKind 'absent');
 *  - ETF net flows for an asset that has ETF volume data but no flow series and no gap entry
 *    (flows are the one family the brief expects per asset whenever ETFs trade).
 */
import type { Snapshot } from '../../../kernel/snapshot/schema.js';
import type { Signal } from '../context.js';
import type { Finding, FindingKind } from '../findings.js';
import { importanceOf } from '../importance.js';

/** Finding kinds that need each data family. */
export const AFFECTS: Readonly<Record<string, readonly FindingKind[]>> = {
  prices: ['price_move', 'level_break', 'systemic_move', 'historical_rank', 'key_levels'],
  perpetuals: ['volume_spike'],
  liquidations: ['liquidations', 'liquidation_cluster'],
  funding: ['funding_flip'],
  basis: ['basis_compression'],
  openInterest: ['open_interest_change'],
  etfs: ['etf_volume'],
  etfFlows: ['etf_flows'],
  whaleTransfers: ['whale_activity'],
  exchangeFlows: ['exchange_flows'],
  volatility: ['implied_vol'],
  macro: [],
};

/** Whether the snapshot holds any data for a family. */
export function familyHasData(snapshot: Snapshot, family: string): boolean {
  switch (family) {
    case 'liquidations':
      return snapshot.liquidations.totals.length > 0 || snapshot.liquidations.orders.some((o) => o.orders.length > 0);
    case 'prices':
    case 'perpetuals':
    case 'funding':
    case 'basis':
    case 'openInterest':
    case 'etfs':
    case 'etfFlows':
    case 'whaleTransfers':
    case 'exchangeFlows':
    case 'volatility':
    case 'macro':
      return (snapshot[family] as readonly unknown[]).length > 0;
    default:
      return true; // an unknown family name in the configuration is not a gap in the data
  }
}

export const dataGapsSignal: Signal = (snapshot, thresholds) => {
  const out: Finding[] = [];
  const importance = importanceOf('data_gap', 1);
  snapshot.gaps.forEach((gap, index) => {
    out.push({
      kind: 'data_gap',
      importance,
      sources: [gap.source],
      paths: [`gaps[${index}]`],
      family: gap.family,
      ...(gap.asset !== undefined ? { asset: gap.asset } : {}),
      source: gap.source,
      gapKind: gap.kind,
      reason: gap.reason,
      ...(gap.status !== undefined ? { status: gap.status } : {}),
      ...(gap.check !== undefined ? { check: gap.check } : {}),
      affects: [...(AFFECTS[gap.family] ?? [])],
    });
  });

  const gapFamilies = new Set(snapshot.gaps.map((g) => g.family as string));
  const absent = new Set<string>();
  for (const family of thresholds.gaps.expectedFamilies) {
    if (gapFamilies.has(family) || familyHasData(snapshot, family)) continue;
    absent.add(family);
    out.push({
      kind: 'data_gap',
      importance,
      sources: [],
      paths: [family],
      family,
      source: 'snapshot',
      gapKind: 'absent',
      reason: 'no data in the snapshot and no recorded gap',
      affects: [...(AFFECTS[family] ?? [])],
    });
  }

  // Already reported family-wide when the whole family is absent.
  if (!absent.has('etfFlows')) {
    for (const asset of snapshot.assets) {
      const hasEtfs = snapshot.etfs.some((e) => e.asset === asset && e.daily.length > 0);
      const hasFlows = snapshot.etfFlows.some((f) => f.asset === asset && f.daily.length > 0);
      const gapRecorded = snapshot.gaps.some((g) => g.family === 'etfFlows' && (g.asset === undefined || g.asset === asset));
      if (!hasEtfs || hasFlows || gapRecorded) continue;
      out.push({
        kind: 'data_gap',
        importance,
        sources: [],
        paths: ['etfFlows'],
        family: 'etfFlows',
        asset,
        source: 'snapshot',
        gapKind: 'absent',
        reason: `no ETF net flows for ${asset} in the snapshot and no recorded gap`,
        affects: ['etf_flows'],
      });
    }
  }
  return out;
};
