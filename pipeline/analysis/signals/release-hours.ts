/**
 * Scheduled releases inside the brief's window, and how the price met them: each calendar release
 * (calendar/catalysts.ts; expiries are no release) whose instant falls in the window, with the
 * change over `pricePath.releaseReactionHours` hourly candles from the release's hour (that hour's
 * open to the last one's close; fewer when the window ends first or an hour is missing), and
 * whether the day's extreme or its steepest hour fell in those hours, and how much of the day's
 * swing was already done when the release's hour opened.
 *
 * A coincidence in time, not a cause: the brief says when and by how much, never why.
 */
import type { Candle } from '../../../kernel/snapshot/index.js';
import { CALENDAR, type Catalyst } from '../calendar/catalysts.js';
import type { PricePath } from '../findings.js';
import { roundSignificant } from '../util/stats.js';
import { HOUR_MS } from '../util/time.js';

type Release = NonNullable<PricePath['releases']>[number];

export interface ReleaseInputs {
  readonly window: { readonly start: number; readonly end: number };
  /** The window's hourly candles, ascending. */
  readonly candles: readonly Candle[];
  /** The day's high and low, and whether the day went down (the low after the high). */
  readonly high: number;
  readonly low: number;
  readonly down: boolean;
  /** The day's low (down day) or high (up day), and the steepest hour's open time (ms UTC). */
  readonly extremeTime: number;
  readonly steepestTime: number;
  readonly reactionHours: number;
}

export function releaseHours(inputs: ReleaseInputs, calendar: readonly Catalyst[] = CALENDAR): Release[] {
  const { window, candles, extremeTime, steepestTime, reactionHours, high, low, down } = inputs;
  const byTime = new Map(candles.map((c) => [c.t, c]));
  const out: Release[] = [];
  for (const c of calendar) {
    if (c.kind === 'expiry' || c.time === undefined || c.time < window.start || c.time >= window.end) continue;
    const hourStart = window.start + Math.floor((c.time - window.start) / HOUR_MS) * HOUR_MS;
    // Consecutive candles from the release's hour, at most reactionHours, none past the window.
    const run: Candle[] = [];
    for (let t = hourStart; run.length < reactionHours && t < window.end; t += HOUR_MS) {
      const candle = byTime.get(t);
      if (!candle) break;
      run.push(candle);
    }
    const first = run[0];
    const last = run[run.length - 1];
    const hoursEnd = hourStart + Math.max(run.length, 1) * HOUR_MS;
    const inHours = (t: number): boolean => t >= hourStart && t < hoursEnd;
    out.push({
      kind: c.kind,
      time: c.time,
      name: { ...c.name },
      url: c.url,
      hourStart,
      hours: run.length,
      ...(first && last && first.o > 0 ? { changeFraction: roundSignificant(last.c / first.o - 1) } : {}),
      extreme: run.length > 0 && inHours(extremeTime),
      extremeBefore: extremeTime < hourStart,
      steepest: run.length > 0 && inHours(steepestTime),
      // How far the day had already gone its way when the release's hour opened: from the day's
      // high (down day) or low (up day) to that open, and as a share of the high-to-low swing.
      ...(first && high > low
        ? {
            before: {
              changeFraction: roundSignificant(first.o / (down ? high : low) - 1),
              shareOfSwing: roundSignificant(Math.max(0, down ? high - first.o : first.o - low) / (high - low)),
            },
          }
        : {}),
    });
  }
  return out.sort((a, b) => a.time - b.time);
}
