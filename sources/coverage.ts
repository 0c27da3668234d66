/**
 * Coverage of the brief's window by hourly spot candles: every closed hour of the window that has
 * no candle (missing from the response, or left out by a cross-check) is named in a gap, so a low
 * or a drawdown computed over 22 of 24 hours is never printed as if it covered the day.
 * Pure: parts in, gaps out.
 */
import type { Gap, PriceSeries } from '../kernel/snapshot/index.js';
import type { SnapshotParts } from './types.js';
import { HOUR_MS } from '../kernel/time.js';

/** Open times of the window's closed hours (before `now`) that `series` has no candle for. */
export function missingHours(series: PriceSeries, window: { start: number; end: number }, now: number): number[] {
  const have = new Set(series.candles.map((c) => c.t));
  const lastOpen = Math.min(window.end, Math.floor(now / HOUR_MS) * HOUR_MS);
  const missing: number[] = [];
  for (let t = window.start; t < lastOpen; t += HOUR_MS) if (!have.has(t)) missing.push(t);
  return missing;
}

/**
 * One gap per hourly spot series with missing hours in the window. Run on the parts as received,
 * before the cross-checks, so hours a quarantine leaves out are named once, by the quarantine.
 */
export function coverageGaps(parts: Partial<SnapshotParts>, window: { start: number; end: number }, now: number): Gap[] {
  const gaps: Gap[] = [];
  for (const series of parts.prices ?? []) {
    if (series.interval !== '1h' || series.market !== 'spot') continue;
    const times = missingHours(series, window, now);
    if (times.length === 0) continue;
    gaps.push({
      family: 'prices',
      source: series.provenance.provider,
      asset: series.asset,
      kind: 'incomplete',
      reason: `${series.venue} ${series.symbol} 1h: no candle for ${times.length} hour(s) of the window (${times
        .slice(0, 3)
        .map((t) => new Date(t).toISOString().slice(0, 16))
        .join(', ')}${times.length > 3 ? ', …' : ''})`,
      endpoint: `GET ${series.provenance.endpoint.split('?')[0]}`,
      check: { name: 'missing-hours', times, figures: ['high', 'low', 'drawdown'] },
    });
  }
  return gaps;
}
