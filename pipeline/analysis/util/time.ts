/**
 * Time helpers. All instants are milliseconds since the epoch, UTC; the brief's window is
 * `snapshot.window` = [start, end) of the brief's calendar day in its timezone (UTC+8 by default).
 */
import type { Candle } from '../../../kernel/snapshot/index.js';

import { DAY_MS, HOUR_MS } from '../../../kernel/time.js';

export { DAY_MS, HOUR_MS };

/** Whether `t` lies in [start, end). */
export function within(t: number, start: number, end: number): boolean {
  return t >= start && t < end;
}

/** Candles whose open time lies in [start, end), in ascending time order. */
export function candlesIn<T extends { t: number }>(candles: readonly T[], start: number, end: number): T[] {
  return candles.filter((c) => within(c.t, start, end)).sort((a, b) => a.t - b.t);
}

/** Items with `time` in [start, end), ascending. */
export function pointsIn<T extends { time: number }>(points: readonly T[], start: number, end: number): T[] {
  return points.filter((p) => within(p.time, start, end)).sort((a, b) => a.time - b.time);
}

/** The last item with `time` < `before`, or undefined. */
export function lastBefore<T extends { time: number }>(points: readonly T[], before: number): T | undefined {
  let best: T | undefined;
  for (const p of points) if (p.time < before && (best === undefined || p.time > best.time)) best = p;
  return best;
}

/** Daily candles (UTC days) that closed before `before`: open time + 1 day ≤ before, ascending. */
export function dailyCandlesBefore(candles: readonly Candle[], before: number): Candle[] {
  return candles.filter((c) => c.t + DAY_MS <= before).sort((a, b) => a.t - b.t);
}

/** Whole hours in [start, end). */
export function hoursIn(start: number, end: number): number {
  return Math.max(0, Math.round((end - start) / HOUR_MS));
}

/** `YYYY-MM-DD` of an instant in UTC. */
export function utcDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from calendar date `from` to `to` (both `YYYY-MM-DD`); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
