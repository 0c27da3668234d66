/**
 * The brief window's hourly spot candles of an asset, shared by price moves, level breaks and
 * key levels so that all three read the same series.
 */
import type { Candle, PriceSeries, Snapshot } from '../../../kernel/snapshot/index.js';
import type { Thresholds } from '../../../kernel/thresholds.js';
import { pickSpotSeries } from '../util/series.js';
import { HOUR_MS, candlesIn, hoursIn } from '../util/time.js';

export interface WindowPrices {
  readonly series: PriceSeries;
  /** Index in `snapshot.prices`. */
  readonly index: number;
  /** Hourly candles with open time in the window, ascending. */
  readonly candles: readonly [Candle, ...Candle[]];
  /**
   * The close before the window. For intraday figures this is the close of the hour before the
   * window opens (the previous brief day's last close); when that hour is missing, the last
   * earlier close; when there is none, the window's first open (on a 24/7 market the two agree).
   */
  readonly prevClose: number;
  readonly prevCloseFrom: 'prior-hour' | 'earlier-close' | 'window-open';
}

/**
 * The window's candles, or undefined when no hourly spot series covers at least
 * `window.minCoverageFraction` of the window's hours (reliability F17: no windowed metric on an
 * incomplete window).
 */
export function windowPrices(snapshot: Snapshot, asset: string, thresholds: Thresholds): WindowPrices | undefined {
  const { start, end } = snapshot.window;
  const picked = pickSpotSeries(snapshot, asset, '1h', thresholds.venues.pricePreference);
  if (!picked) return undefined;
  // A candle above the configured price ceiling cannot be real (fetch quarantines it; a stored
  // snapshot may still hold one): left out, so its hour counts as missing.
  const plausible = picked.item.candles.filter((c) => c.h <= thresholds.price.plausibleMaxUsd);
  const inWindow = candlesIn(plausible, start, end);
  const first = inWindow[0];
  if (first === undefined) return undefined;
  const expected = hoursIn(start, end);
  if (expected > 0 && inWindow.length < expected * thresholds.window.minCoverageFraction) return undefined;

  const before = plausible.filter((c) => c.t < start).sort((a, b) => a.t - b.t);
  const last = before[before.length - 1];
  let prevClose = first.o;
  let prevCloseFrom: WindowPrices['prevCloseFrom'] = 'window-open';
  if (last !== undefined) {
    prevClose = last.c;
    prevCloseFrom = last.t === start - HOUR_MS ? 'prior-hour' : 'earlier-close';
  }
  return {
    series: picked.item,
    index: picked.index,
    candles: [first, ...inWindow.slice(1)],
    prevClose,
    prevCloseFrom,
  };
}

/**
 * Open times of the window's hours that had closed by `generatedAt` (the fetch) and have no
 * candle: figures over the window are computed without them.
 */
export function windowMissingHours(candles: readonly Candle[], window: { start: number; end: number }, generatedAt: number): number[] {
  const have = new Set(candles.map((c) => c.t));
  const closedEnd = Number.isFinite(generatedAt) ? Math.min(window.end, Math.floor(generatedAt / HOUR_MS) * HOUR_MS) : window.end;
  const missing: number[] = [];
  for (let t = window.start; t < closedEnd; t += HOUR_MS) if (!have.has(t)) missing.push(t);
  return missing;
}
