/**
 * After the OKX spot fallback (fetch step 2b): an asset whose spot prices now come from OKX in
 * every interval Binance failed to give is not a missing figure. Its Binance price gaps become one
 * disclosure that names the substitute ("BTC 现货价格取自 OKX（Binance 不可用）"), with the first
 * failure's kind and status kept for stderr; the brief never says those prices were left out.
 */
import type { Gap } from '../../kernel/snapshot/index.js';
import type { SnapshotParts } from '../../sources/index.js';

export function nameSpotFallback(
  gaps: readonly Gap[],
  parts: Partial<SnapshotParts>,
  assets: readonly string[],
  primary = 'binance',
  substitute = 'okx',
): Gap[] {
  const covered = (asset: string) =>
    ['1d', '1h'].every((interval) => parts.prices?.some((p) => p.asset === asset && p.interval === interval && p.market === 'spot'));
  // `assets` are those Binance failed for; covered now means the substitute filled every hole.
  const replaced = new Set(assets.filter(covered));
  const out: Gap[] = [];
  const done = new Set<string>();
  for (const gap of gaps) {
    const asset = gap.asset;
    if (gap.family !== 'prices' || gap.source !== primary || !asset || !replaced.has(asset)) {
      out.push(gap);
      continue;
    }
    if (done.has(asset)) continue;
    done.add(asset);
    out.push({
      family: 'prices',
      source: primary,
      asset,
      kind: 'fallback',
      reason: `${asset} spot prices taken from ${substitute} (${primary} unavailable: ${gap.reason})`.slice(0, 300),
      ...(gap.endpoint ? { endpoint: gap.endpoint } : {}),
      ...(gap.status !== undefined ? { status: gap.status } : {}),
      check: { name: 'spot-fallback', substitute },
    });
  }
  return out;
}
