/**
 * Liquidations (deleveraging): the window's liquidation totals per source, the range across
 * sources, the long share, and the total against the 30-day median of daily totals.
 *
 * - One finding per asset scope: market-wide totals (no asset, 全网) and per-asset totals are
 *   never added together.
 * - A source's totals count when they overlap the window by `liquidations.minWindowOverlapFraction`
 *   of its length; of several entries from one source, the one overlapping most is used.
 * - The range holds the sources with coverage 'complete'; 'lower-bound' sources (sampled
 *   exchange streams) are listed per source and flagged, and give the range only when no
 *   complete source exists.
 * - A source reporting a zero total has no long share (0 / 0) and is left out; with no source
 *   left there is no finding (no liquidations to describe).
 * - The median comes from the first complete source (by name) with at least
 *   `liquidations.minHistoryDays` daily totals before the brief's day; its own total is divided
 *   by it. A zero median gives no multiple.
 */
import type { Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { median, range, roundSignificant, roundTo, safeRatio } from '../util/stats.js';

type PerSource = {
  source: string;
  totalUsd: number;
  longUsd: number;
  shortUsd: number;
  longFraction: number;
  coverage: 'complete' | 'lower-bound';
};

export const liquidationsSignal: Signal = (snapshot, thresholds) => {
  const t = thresholds.liquidations;
  const { start, end } = snapshot.window;
  const windowLength = end - start;
  const { totals, history } = snapshot.liquidations;

  // Scopes in a fixed order: market-wide first, then assets by name.
  const scopes = [...new Set(totals.map((x) => x.asset ?? ''))].sort();
  const out: Finding[] = [];
  for (const scope of scopes) {
    const asset = scope === '' ? undefined : scope;
    // Best-overlapping entry per source.
    const best = new Map<string, { index: number; overlap: number }>();
    totals.forEach((entry, index) => {
      if ((entry.asset ?? '') !== scope) return;
      const overlap = Math.max(0, Math.min(end, entry.end) - Math.max(start, entry.start));
      if (windowLength <= 0 || overlap / windowLength < t.minWindowOverlapFraction) return;
      const prev = best.get(entry.source);
      if (!prev || overlap > prev.overlap) best.set(entry.source, { index, overlap });
    });
    const used = [...best.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => ({ entry: totals[v.index]!, index: v.index }))
      .filter(({ entry }) => entry.totalUsd > 0);
    if (used.length === 0) continue;

    const perSource: PerSource[] = used.map(({ entry }) => ({
      source: entry.source,
      totalUsd: entry.totalUsd,
      longUsd: entry.longUsd,
      shortUsd: entry.shortUsd,
      longFraction: roundSignificant(entry.longUsd / entry.totalUsd),
      coverage: entry.coverage,
      // A total over named venues keeps them, so no reader takes it for the whole market.
      ...(entry.exchanges ? { exchanges: entry.exchanges } : {}),
    }));
    const complete = perSource.filter((p) => p.coverage === 'complete');
    const basisForRange = complete.length > 0 ? complete : perSource;
    const totalRangeUsd = range(basisForRange.map((p) => p.totalUsd))!;
    const longFractionRange = range(basisForRange.map((p) => p.longFraction))!;
    const longDominant = longFractionRange.low >= t.longShareMin;

    // Median of daily totals before the brief's day, from the first complete source with history.
    let medianInfo: { source: string; medianUsd: number; days: number; multiple: number; historyIndex: number } | undefined;
    for (const p of complete) {
      const historyIndex = history.findIndex((h) => h.source === p.source && (h.asset ?? '') === scope);
      const h = history[historyIndex];
      if (!h) continue;
      const days = h.daily.filter((d) => d.date < snapshot.date).sort((a, b) => (a.date < b.date ? -1 : 1));
      if (days.length < t.minHistoryDays) continue;
      const window = days.slice(-t.medianDays).map((d) => d.totalUsd);
      const m = median(window);
      const multiple = m === undefined ? undefined : safeRatio(p.totalUsd, m);
      if (m === undefined || multiple === undefined) continue;
      medianInfo = { source: p.source, medianUsd: m, days: window.length, multiple: roundSignificant(multiple), historyIndex };
      break;
    }

    const longRatio = thresholdRatio(longFractionRange.low, t.longShareMin);
    const multipleRatio = medianInfo ? thresholdRatio(medianInfo.multiple, t.multipleOfMedianMin) : 0;
    const multipleFired = medianInfo !== undefined && medianInfo.multiple >= t.multipleOfMedianMin;
    const threshold = multipleFired
      ? { name: 'liquidations.multipleOfMedianMin', value: t.multipleOfMedianMin, unit: 'multiple' as const }
      : longDominant
        ? { name: 'liquidations.longShareMin', value: t.longShareMin, unit: 'fraction' as const }
        : undefined;
    const ratio = threshold ? Math.max(longDominant ? longRatio : 0, multipleRatio, 1) : Math.max(longRatio, multipleRatio);
    // Per-asset totals rank just below the market-wide figure a desk leads with.
    const importance = roundTo(Math.max(0, importanceOf('liquidations', ratio) - (asset === undefined ? 0 : 5)), 1);

    out.push({
      kind: 'liquidations',
      importance,
      sources: [...new Set(used.map(({ entry }) => entry.provenance.provider))].sort(),
      paths: [
        ...used.map(({ index }) => `liquidations.totals[${index}]`),
        ...(medianInfo ? [`liquidations.history[${medianInfo.historyIndex}].daily`] : []),
      ],
      ...(threshold ? { threshold } : {}),
      ...(asset !== undefined ? { asset } : {}),
      start: Math.min(...used.map(({ entry }) => entry.start)),
      end: Math.max(...used.map(({ entry }) => entry.end)),
      perSource,
      totalRangeUsd,
      longFractionRange,
      ...(medianInfo
        ? {
            median30dUsd: medianInfo.medianUsd,
            multipleOfMedian: medianInfo.multiple,
            medianSource: medianInfo.source,
            medianDays: medianInfo.days,
          }
        : {}),
      longDominant,
      lowerBound: perSource.some((p) => p.coverage === 'lower-bound'),
    });
  }
  return out;
};
