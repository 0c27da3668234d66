/**
 * Cross-checks of hourly spot candles before analysis (issue 16): a candle that parses and is
 * internally consistent can still be wrong (a one-venue wick, a ×10 scale error). Each hourly
 * spot candle of the brief's window (and the hour before, which gives the previous close) is held
 * against
 *   1. the same venue's daily candle of its UTC day: its high and low must lie inside the day's;
 *   2. the asset's index price (the basis series' `indexPrice`, Binance hourly and Deribit's
 *      estimated delivery price): an index value stamped T must lie inside the low–high range of
 *      the hourly candle opening at floor(T to the hour), widened by the tolerance;
 *   3. the same asset's other hourly series at the same hour (perpetuals, other spot venues): its
 *      close near their median close, its high and low not far beyond theirs.
 * A failing candle is left out (quarantined) and disclosed as a gap naming the hours and the
 * figures computed without it, never silently. Tolerances come from `thresholds.crossCheck`.
 * Pure: parts in, cleaned parts and gaps out.
 */
import type { Candle, Gap, GapFigure, PriceSeries } from '../kernel/snapshot/index.js';
import type { Thresholds } from '../kernel/thresholds.js';
import type { SnapshotParts } from './types.js';
import { DAY_MS, HOUR_MS } from '../kernel/time.js';

export type CrossCheckTolerances = Thresholds['crossCheck'];

type Failure = 'hourly-vs-daily' | 'vs-index' | 'vs-reference';

/**
 * Index prices by the open time of the hourly candle they belong to: the median of the values
 * stamped inside that hour. Why floor(T) is the right candle whatever the stamp means: Binance's
 * `/futures/data/basis` (period=1h) stamps each row on the hour, and whether the value is the
 * index at that instant (then it is the open of the candle opening at T) or at the end of the
 * period starting at T (then it is that candle's close), it lies inside that candle's low–high
 * range either way; a Deribit value stamped mid-hour is an instant inside that hour's candle. The
 * close of the previous candle or of the next would each be right under one reading only.
 */
function indexByHour(parts: Partial<SnapshotParts>, asset: string): Map<number, number> {
  const byHour = new Map<number, number[]>();
  for (const tenor of parts.basis ?? []) {
    if (tenor.asset !== asset) continue;
    for (const point of tenor.history) {
      const hour = Math.floor(point.time / HOUR_MS) * HOUR_MS;
      byHour.set(hour, [...(byHour.get(hour) ?? []), point.indexPrice]);
    }
  }
  return new Map([...byHour].map(([hour, values]) => [hour, median(values)]));
}

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

function failure(
  candle: Candle,
  daily: Candle | undefined,
  index: number | undefined,
  refs: readonly Candle[],
  tol: CrossCheckTolerances,
): Failure | undefined {
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
  if (index !== undefined) {
    const slack = tol.indexVsSpotFraction;
    if (index > candle.h * (1 + slack) || index < candle.l * (1 - slack)) return 'vs-index';
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
  const index = indexByHour(parts, series.asset);
  const failed = new Map<Failure, number[]>();
  const from = window.start - HOUR_MS;
  const candles = series.candles.filter((candle) => {
    if (candle.t < from || candle.t >= window.end) return true;
    const day = dailyByDay.get(Math.floor(candle.t / DAY_MS) * DAY_MS);
    const refs = agreeingReferences(
      references.map((m) => m.get(candle.t)).filter((c): c is Candle => c !== undefined),
      tol,
    );
    const why = failure(candle, day, index.get(candle.t), refs, tol);
    if (!why) return true;
    failed.set(why, [...(failed.get(why) ?? []), candle.t]);
    return false;
  });
  return { candles, failed };
}

/**
 * Quarantines hourly spot candles that disagree with the day's daily candle, the index price or
 * the other hourly series of the asset; returns the cleaned parts and one gap per series and check.
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
      const against =
        name === 'hourly-vs-daily'
          ? `the ${series.venue} daily candle`
          : name === 'vs-index'
            ? 'the index price of that hour'
            : 'the perpetual and other venues at the same hour';
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
