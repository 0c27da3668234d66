/**
 * The eve's extreme: a down day that began below a fresh multi-week high set in the hours before
 * the window (or an up day above a fresh low), so the brief can say the move started the evening
 * before — the day's own high (or low) is not where the selling (or buying) began.
 *
 * - The extreme: the highest hourly high (down day) or lowest hourly low (up day) of the spot
 *   series in the `pricePath.eveHours` hours before the window opens, beyond the day's own high
 *   (low); hours whose candle is implausible are left out, as windowPrices leaves them.
 * - Fresh: no daily candle closed before the window (UTC days, as historical_rank reads them) went
 *   beyond it within `pricePath.eveExtremeDaysMin` days of it. `since` is the last that did; with
 *   none the extreme is the furthest since at least the sample's first day, which must itself lie
 *   that many days back (a short sample proves nothing).
 * - Given back: the day's close is at least `pricePath.eveGiveBackFractionMin` from it.
 * - A scheduled release inside the extreme's hour is kept with it, so the brief can place the
 *   turn in time (the ETF launch's peak came in the hour of the 11 January CPI).
 */
import type { Candle } from '../../../kernel/snapshot/index.js';
import type { Thresholds } from '../../../kernel/thresholds.js';
import { CALENDAR, type Catalyst } from '../calendar/catalysts.js';
import { roundSignificant } from '../util/stats.js';
import { HOUR_MS, daysBetween, utcDate } from '../util/time.js';

export interface EveExtreme {
  /** Open time of the hour that set it. */
  time: number;
  /** The hour's high (down day) or low (up day), USD. */
  price: number;
  /** The day's close / the extreme − 1. */
  closeChangeFraction: number;
  /** The last earlier daily candle beyond it (UTC date); absent when none in the sample. */
  since?: string;
  /** First day of the daily sample (UTC date). */
  sampleStart: string;
  /** A scheduled release inside the extreme's hour (calendar/catalysts.ts): timing, not cause. */
  release?: { time: number; name: { zh: string; en: string }; url: string };
}

export function eveExtreme(input: {
  windowStart: number;
  hourly: readonly Candle[];
  /** Daily candles that closed before the window, ascending. */
  closedDays: readonly Candle[];
  down: boolean;
  dayHigh: number;
  dayLow: number;
  close: number;
  thresholds: Thresholds['pricePath'];
  calendar?: readonly Catalyst[];
}): EveExtreme | undefined {
  const { windowStart, down, thresholds: t } = input;
  const eve = input.hourly.filter((c) => c.t >= windowStart - t.eveHours * HOUR_MS && c.t < windowStart);
  const value = (c: Candle) => (down ? c.h : c.l);
  const beyond = (a: number, b: number) => (down ? a > b : a < b);
  let best: Candle | undefined;
  for (const c of eve) if (best === undefined || beyond(value(c), value(best))) best = c;
  if (!best || !beyond(value(best), down ? input.dayHigh : input.dayLow)) return undefined;
  const price = value(best);

  const first = input.closedDays[0];
  if (!first) return undefined;
  const date = utcDate(best.t);
  const earlier = input.closedDays.filter((d) => beyond(value(d), price));
  const since = earlier[earlier.length - 1];
  const freshDays = daysBetween(since ? utcDate(since.t) : utcDate(first.t), date);
  if (freshDays < t.eveExtremeDaysMin) return undefined;

  const closeChangeFraction = roundSignificant(input.close / price - 1);
  if (Math.abs(closeChangeFraction) < t.eveGiveBackFractionMin) return undefined;
  const hour = best.t;
  const release = (input.calendar ?? CALENDAR).find(
    (c) => c.kind !== 'expiry' && c.time !== undefined && c.time >= hour && c.time < hour + HOUR_MS,
  );
  return {
    time: best.t,
    price,
    closeChangeFraction,
    ...(since ? { since: utcDate(since.t) } : {}),
    sampleStart: utcDate(first.t),
    ...(release ? { release: { time: release.time!, name: { ...release.name }, url: release.url } } : {}),
  };
}
