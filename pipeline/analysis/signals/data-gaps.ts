/**
 * Data gaps as findings, so the narrative can say what could not be measured (and never fill
 * it with a zero):
 *  - every entry of `snapshot.gaps`, with the finding kinds it affects;
 *  - every family listed in `gaps.expectedFamilies` that holds no data and has no gap entry
 *    (gapKind 'absent');
 *  - ETF net flows for an asset that has ETF volume data but no flow series and no gap entry
 *    (flows are the one family the brief expects per asset whenever ETFs trade).
 */
import { FAMILIES } from '../../../kernel/snapshot/index.js';
import type { DataFamily, Snapshot } from '../../../kernel/snapshot/index.js';
import type { Signal } from '../context.js';
import { FAMILY_FINDINGS } from '../families.js';
import type { Finding } from '../findings.js';
import { importanceOf } from '../importance.js';

/** Whether the snapshot holds any data for a family: its descriptor's `hasData` (kernel/snapshot/families.ts). */
export function familyHasData(snapshot: Snapshot, family: DataFamily): boolean {
  return FAMILIES[family].hasData(snapshot);
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
      affects: [...FAMILY_FINDINGS[gap.family].affects],
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
      affects: [...FAMILY_FINDINGS[family].affects],
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
