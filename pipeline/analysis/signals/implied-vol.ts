/**
 * Implied volatility: the asset's volatility index (Deribit DVOL, in vol points) in the window
 * against its 30-day average.
 *
 * - With hourly data: open, high, low and current (last close) come from the window's hours.
 *   Without: from the daily candle that opened last before the window ends (a UTC day).
 * - Average: mean of the last `impliedVol.avgDays` daily closes of days that ended before the
 *   window opened.
 * - Elevated: current / average − 1 at or above `impliedVol.elevatedMinFraction`.
 * - Spike (hourly data): the day's high at least `impliedVol.spikeFractionMin` above its open,
 *   with the hour it came in; faded when the close gave back `impliedVol.fadedShareMin` of that rise.
 */
import type { Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { changeFraction, mean, roundSignificant } from '../util/stats.js';
import { DAY_MS, candlesIn } from '../util/time.js';

export const impliedVolSignal: Signal = (snapshot, thresholds) => {
  const t = thresholds.impliedVol;
  const { start, end } = snapshot.window;
  const out: Finding[] = [];
  for (const asset of snapshot.assets) {
    const index = snapshot.volatility.findIndex((v) => v.asset === asset && (v.daily.length > 0 || v.hourly.length > 0));
    const series = snapshot.volatility[index];
    if (!series) continue;

    const hours = candlesIn(series.hourly, start, end);
    let day: { open?: number; high: number; highTime?: number; low: number; current: number; path: string } | undefined;
    if (hours.length > 0) {
      const top = hours.reduce((best, h) => (h.h > best.h ? h : best));
      day = {
        open: hours[0]!.o,
        high: top.h,
        highTime: top.t,
        low: Math.min(...hours.map((h) => h.l)),
        current: hours[hours.length - 1]!.c,
        path: `volatility[${index}].hourly`,
      };
    } else {
      const last = series.daily
        .filter((d) => d.t < end && d.t + DAY_MS > start)
        .sort((a, b) => a.t - b.t)
        .pop();
      if (last) day = { high: last.h, low: last.l, current: last.c, path: `volatility[${index}].daily` };
    }
    if (!day) continue;

    const closes = series.daily
      .filter((d) => d.t + DAY_MS <= start)
      .sort((a, b) => a.t - b.t)
      .slice(-t.avgDays)
      .map((d) => d.c);
    const avg = mean(closes);
    const change = avg === undefined ? undefined : changeFraction(day.current, avg);
    if (avg === undefined || change === undefined) continue; // no average to compare against
    const elevated = change >= t.elevatedMinFraction;
    const spiked = day.open !== undefined && day.highTime !== undefined && day.high >= day.open * (1 + t.spikeFractionMin);
    const spike = spiked ? { time: day.highTime!, faded: day.high - day.current >= t.fadedShareMin * (day.high - day.open!) } : undefined;
    const ratio = change > 0 ? thresholdRatio(change, t.elevatedMinFraction) : 0;

    out.push({
      kind: 'implied_vol',
      importance: importanceOf('implied_vol', ratio),
      sources: [series.provenance.provider],
      paths: [...new Set([day.path, `volatility[${index}].daily`])],
      ...(elevated
        ? { threshold: { name: 'impliedVol.elevatedMinFraction', value: t.elevatedMinFraction, unit: 'fraction' as const } }
        : {}),
      asset,
      index: series.index,
      current: day.current,
      ...(day.open !== undefined ? { open: day.open } : {}),
      dayHigh: day.high,
      dayLow: day.low,
      avg30d: roundSignificant(avg),
      changeVsAvgFraction: roundSignificant(change),
      elevated,
      ...(spike ? { spike } : {}),
    });
  }
  return out;
};
