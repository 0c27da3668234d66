/**
 * Cross-checks of hourly spot candles before analysis (issue 16): a candle that parses and is
 * internally consistent can still be wrong (a one-venue wick, a ×10 scale error). Each hourly
 * spot candle of the brief's window (and the hour before, which gives the previous close) is held
 * against
 *   1. the same venue's daily candle of its UTC day: its high and low must lie inside the day's;
 *   2. the same asset's other hourly series at the same hour (perpetuals, other spot venues): its
 *      close near their median close, its high and low not far beyond theirs.
 * A failing candle is left out (quarantined) and disclosed as a gap naming the hours and the
 * figures computed without it, never silently. Tolerances come from `thresholds.crossCheck`.
 * Pure: parts in, cleaned parts and gaps out.
 */
import type { Candle, Gap, GapFigure, PriceSeries } from '../kernel/snapshot/schema.js';
import type { Thresholds } from '../kernel/thresholds.js';
import type { SnapshotParts } from './types.js';
import { DAY_MS, HOUR_MS } from '../kernel/time.js';

export type CrossCheckTolerances = Thresholds['crossCheck'];

type Failure = 'hourly-vs-daily' | 'vs-reference';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The references at one hour, or none when they disagree among themselves (then no one is trusted). */
function agreeingReferences(candles: readonly Candle[], tol: CrossCheckTolerances): Candle[] {
  if (candles.length < 2) return [...candles];
  const closes = candles.map((c) => c.c);
  const spread = Math.max(...closes) / Math.min(...closes) - 1;
  return spread > tol.closeVsReferenceFraction ? [] : [...candles];
}

function failure(candle: Candle, daily: Candle | undefined, refs: readonly Candle[], tol: CrossCheckTolerances): Failure | undefined {
  if (daily) {
    const slack = tol.hourlyVsDailyFraction;
    if (
      candle.h > daily.h * (1 + slack) ||
      candle.l < daily.l * (1 - slack) ||
      candle.c > daily.h * (1 + slack) ||
      candle.c < daily.l * (1 - slack)
    )
      return 'hourly-vs-daily';
  }
  if (refs.length > 0) {
    const close = median(refs.map((r) => r.c));
    const low = Math.min(...refs.map((r) => r.l));
    const high = Math.max(...refs.map((r) => r.h));
    const wick = tol.wickVsReferenceFraction;
    if (Math.abs(candle.c / close - 1) > tol.closeVsReferenceFraction || candle.l < low * (1 - wick) || candle.h > high * (1 + wick))
      return 'vs-reference';
  }
  return undefined;
}

/** Figures of the day that a left-out window candle touches. */
function figuresFor(times: readonly number[], window: { start: number; end: number }): GapFigure[] {
  const inWindow = times.filter((t) => t >= window.start && t < window.end);
  const figures: GapFigure[] = [];
  if (inWindow.length) figures.push('high', 'low', 'drawdown');
  const lastHour = window.end - HOUR_MS;
  if (times.includes(lastHour) || times.includes(window.start - HOUR_MS)) figures.push('close', 'change');
  return figures;
}

function checkSeries(
  series: PriceSeries,
  parts: Partial<SnapshotParts>,
  window: { start: number; end: number },
  tol: CrossCheckTolerances,
) {
  const daily = (parts.prices ?? []).find(
    (s) => s.interval === '1d' && s.market === 'spot' && s.venue === series.venue && s.asset === series.asset,
  );
  const dailyByDay = new Map((daily?.candles ?? []).map((c) => [c.t, c]));
  const references = [...(parts.perpetuals ?? []), ...(parts.prices ?? [])]
    .filter((s) => s !== series && s.interval === '1h' && s.asset === series.asset)
    .map((s) => new Map(s.candles.map((c) => [c.t, c])));
  const failed = new Map<Failure, number[]>();
  const from = window.start - HOUR_MS;
  const candles = series.candles.filter((candle) => {
    if (candle.t < from || candle.t >= window.end) return true;
    const day = dailyByDay.get(Math.floor(candle.t / DAY_MS) * DAY_MS);
    const refs = agreeingReferences(
      references.map((m) => m.get(candle.t)).filter((c): c is Candle => c !== undefined),
      tol,
    );
    const why = failure(candle, day, refs, tol);
    if (!why) return true;
    failed.set(why, [...(failed.get(why) ?? []), candle.t]);
    return false;
  });
  return { candles, failed };
}

/**
 * Quarantines hourly spot candles that disagree with the day's daily candle or with the other
 * hourly series of the asset; returns the cleaned parts and one gap per series and check.
 */
export function crossCheckPrices(
  parts: Partial<SnapshotParts>,
  window: { start: number; end: number },
  tol: CrossCheckTolerances,
): { parts: Partial<SnapshotParts>; gaps: Gap[] } {
  const gaps: Gap[] = [];
  if (!parts.prices) return { parts, gaps };
  const prices = parts.prices.map((series) => {
    if (series.interval !== '1h' || series.market !== 'spot') return series;
    const { candles, failed } = checkSeries(series, parts, window, tol);
    if (failed.size === 0) return series;
    for (const [name, times] of failed) {
      const against = name === 'hourly-vs-daily' ? `the ${series.venue} daily candle` : 'the perpetual and other venues at the same hour';
      gaps.push({
        family: 'prices',
        source: series.provenance.provider,
        asset: series.asset,
        kind: 'Implausible',
        reason: `${series.venue} ${series.symbol} 1h: ${times.length} candle(s) outside ${against} left out (${times
          .slice(0, 3)
          .map((t) => new Date(t).toISOString().slice(0, 16))
          .join(', ')}${times.length > 3 ? ', …' : ''})`.slice(0, 300),
        endpoint: `GET ${series.provenance.endpoint.split('?')[0]}`,
        check: { name, times, figures: figuresFor(times, window) },
      });
    }
    return { ...series, candles };
  });
  return { parts: { ...parts, prices }, gaps };
}
