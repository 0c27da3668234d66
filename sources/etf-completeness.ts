/**
 * ETF completeness (issue 16): every fund of an asset that reported sessions must have a bar for
 * the latest session any of them reported. A fund without one (a null bar, a zero volume, a bar
 * cut off) is named in a gap, so totals over the others are said to exclude it instead of being
 * presented as the whole market. Pure: parts in, gaps out.
 */
import type { Gap } from '../kernel/snapshot/index.js';
import type { SnapshotParts } from './types.js';

export function etfCompletenessGaps(parts: Partial<SnapshotParts>): Gap[] {
  const gaps: Gap[] = [];
  const etfs = parts.etfs ?? [];
  for (const asset of [...new Set(etfs.map((e) => e.asset))]) {
    const funds = etfs.filter((e) => e.asset === asset && e.daily.length > 0);
    const latest = funds.map((e) => e.daily[e.daily.length - 1]!.date).reduce((a, b) => (b > a ? b : a), '');
    if (!latest) continue;
    for (const fund of funds) {
      if (fund.daily.some((d) => d.date === latest)) continue;
      gaps.push({
        family: 'etfs',
        source: fund.provenance.provider,
        asset,
        kind: 'incomplete',
        reason: `${fund.ticker}: no bar with a close and a volume for the ${latest} session; ETF totals exclude ${fund.ticker}`,
        // The narrative names the fund from the endpoint's last segment, like the other per-ticker gaps.
        endpoint: `GET ${fund.provenance.endpoint.split('?')[0]}`,
        check: { name: 'missing-session', symbols: [fund.ticker], date: latest },
      });
    }
  }
  return gaps;
}
