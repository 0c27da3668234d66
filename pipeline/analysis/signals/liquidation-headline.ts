/**
 * The liquidation figure a brief leads with, and its scope (see LiquidationHeadlineSchema).
 *
 * Scope comes first, then size: a market-wide total (all coins, all exchanges) always leads when
 * a complete source published one, however large a single asset's multiple of its own median.
 * Without it, the configured assets are added up from the one complete source that covers the
 * most of them ("BTC、ETH、BNB 合计"), never called market-wide. With no complete source at all the
 * sampled streams give a floor. Per-asset figures of the headline's own scope are its parts;
 * a part larger than the total (two sources that disagree) is left out rather than printed as
 * more than the whole. Sampled-stream figures are floors of another scope: named beside the
 * total, never in a range with it.
 */
import type { Finding, LiquidationHeadline, LiquidationsFinding } from '../findings.js';
import { roundSignificant } from '../util/stats.js';

type Part = LiquidationHeadline['parts'][number];

function partOf(f: LiquidationsFinding, source: string): Part | undefined {
  const p = f.perSource.find((s) => s.source === source);
  if (!p || f.asset === undefined) return undefined;
  return {
    asset: f.asset,
    source: p.source,
    totalUsd: p.totalUsd,
    longFraction: p.longFraction,
    coverage: p.coverage,
    ...(p.exchanges ? { exchanges: p.exchanges } : {}),
  };
}

/** Sampled-stream figures per asset (the largest floor of each asset), in configured order. */
function floorsOf(perAsset: readonly LiquidationsFinding[]): Part[] {
  return perAsset.flatMap((f) => {
    const lower = f.perSource.filter((s) => s.coverage === 'lower-bound').sort((a, b) => b.totalUsd - a.totalUsd)[0];
    return lower
      ? [{ asset: f.asset!, source: lower.source, totalUsd: lower.totalUsd, longFraction: lower.longFraction, coverage: lower.coverage }]
      : [];
  });
}

export function liquidationHeadline(liqs: readonly Finding[], assets: readonly string[]): LiquidationHeadline | undefined {
  const all = liqs.filter((f): f is LiquidationsFinding => f.kind === 'liquidations');
  const perAsset = assets.flatMap((a) => all.filter((f) => f.asset === a));
  const market = all.find((f) => f.asset === undefined && f.perSource.some((s) => s.coverage === 'complete'));

  if (market) {
    const complete = market.perSource.filter((s) => s.coverage === 'complete');
    const sources = complete.map((s) => s.source);
    // Parts from the same sources as the total where they exist, each no larger than the total's low.
    const parts = perAsset.flatMap((f) => {
      const own = sources.map((s) => partOf(f, s)).find((p) => p !== undefined);
      const anyComplete = own ?? f.perSource.filter((s) => s.coverage === 'complete').map((s) => partOf(f, s.source))[0];
      return anyComplete && anyComplete.totalUsd <= market.totalRangeUsd.low ? [anyComplete] : [];
    });
    return {
      scope: 'market',
      assets: [],
      sources,
      totalRangeUsd: market.totalRangeUsd,
      longFractionRange: market.longFractionRange,
      start: market.start,
      end: market.end,
      ...(market.multipleOfMedian !== undefined ? { multipleOfMedian: market.multipleOfMedian } : {}),
      ...(market.median30dUsd !== undefined ? { median30dUsd: market.median30dUsd } : {}),
      ...(market.medianDays !== undefined ? { medianDays: market.medianDays } : {}),
      parts,
      floors: floorsOf(perAsset).filter((p) => p.totalUsd <= market.totalRangeUsd.low),
    };
  }

  // No market-wide total: add up the assets from the complete source that covers most of them.
  const counts = new Map<string, number>();
  for (const f of perAsset)
    for (const s of f.perSource) if (s.coverage === 'complete') counts.set(s.source, (counts.get(s.source) ?? 0) + 1);
  const best = [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0];
  if (best !== undefined) {
    const parts = perAsset.flatMap((f) => {
      const p = partOf(f, best);
      return p ? [p] : [];
    });
    const total = parts.reduce((s, p) => s + p.totalUsd, 0);
    const longs = parts.reduce((s, p) => s + p.totalUsd * p.longFraction, 0);
    const longFraction = roundSignificant(total > 0 ? longs / total : 0);
    const covered = perAsset.filter((f) => parts.some((p) => p.asset === f.asset));
    return {
      scope: 'assets',
      assets: parts.map((p) => p.asset),
      sources: [best],
      totalRangeUsd: { low: total, high: total },
      longFractionRange: { low: longFraction, high: longFraction },
      start: Math.min(...covered.map((f) => f.start)),
      end: Math.max(...covered.map((f) => f.end)),
      parts,
      floors: floorsOf(perAsset).filter((p) => p.totalUsd <= total),
    };
  }

  // Only sampled streams: their sum is a floor, and says so.
  const floors = floorsOf(perAsset);
  if (floors.length === 0) return undefined;
  const total = floors.reduce((s, p) => s + p.totalUsd, 0);
  const longFraction = roundSignificant(total > 0 ? floors.reduce((s, p) => s + p.totalUsd * p.longFraction, 0) / total : 0);
  const covered = perAsset.filter((f) => floors.some((p) => p.asset === f.asset));
  return {
    scope: 'floor',
    assets: floors.map((p) => p.asset),
    sources: [...new Set(floors.map((p) => p.source))].sort(),
    totalRangeUsd: { low: total, high: total },
    longFractionRange: { low: longFraction, high: longFraction },
    start: Math.min(...covered.map((f) => f.start)),
    end: Math.max(...covered.map((f) => f.end)),
    parts: floors,
    floors: [],
  };
}
