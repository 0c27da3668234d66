/**
 * Volume spike: each venue's perpetual volume in the window against the prior 24 hours and the
 * average of the 30 days before, and the window's peak hour against the largest hourly volume of
 * those 30 days.
 *
 * - Volume in USD is the candle's quote volume (USDT ≈ USD) when the venue gives it, otherwise
 *   base volume × close (an approximation, as the hour's VWAP is unknown).
 * - Days are 24-hour blocks aligned to the window (brief days in UTC+8), not UTC days, so the
 *   day and its comparisons cover the same hours. A block counts only when it holds at least
 *   `window.minCoverageFraction` of its hours; the window and the prior day must both count.
 * - The 30-day average and the month's largest hour need `volume.minAvgDays` complete days.
 * - One hourly series per venue and asset (the first in the snapshot).
 */
import type { Candle } from '../../../kernel/snapshot/index.js';
import type { Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { changeFraction, mean, range, roundSignificant, safeRatio, sum } from '../util/stats.js';
import { DAY_MS, HOUR_MS, candlesIn } from '../util/time.js';

/** Hourly volume in USD: quote volume, else base volume × close. */
export function candleUsd(c: Candle): number {
  return c.qv ?? c.v * c.c;
}

type VenueVolume = Extract<Finding, { kind: 'volume_spike' }>['perVenue'][number];

export const volumeSpikeSignal: Signal = (snapshot, thresholds) => {
  const t = thresholds.volume;
  const minCandles = Math.ceil((DAY_MS / HOUR_MS) * thresholds.window.minCoverageFraction);
  const { start, end } = snapshot.window;
  const out: Finding[] = [];

  for (const asset of snapshot.assets) {
    const seenVenues = new Set<string>();
    const perVenue: VenueVolume[] = [];
    const paths: string[] = [];
    const providers = new Set<string>();
    let bestRatio = 0;
    let firedKey: 'change' | 'multiple' | undefined;

    snapshot.perpetuals.forEach((series, index) => {
      if (series.asset !== asset || series.interval !== '1h' || seenVenues.has(series.venue)) return;
      const day = candlesIn(series.candles, start, end);
      const prev = candlesIn(series.candles, start - DAY_MS, start);
      if (day.length < minCandles || prev.length < minCandles) return;
      seenVenues.add(series.venue);

      const dayVolumeUsd = sum(day.map(candleUsd));
      const prevDayVolumeUsd = sum(prev.map(candleUsd));
      const changeVsPrev = changeFraction(dayVolumeUsd, prevDayVolumeUsd);
      if (changeVsPrev === undefined) return; // zero prior volume: no comparison to make

      const blocks: number[] = [];
      for (let k = 1; k <= t.avgDays; k++) {
        const block = candlesIn(series.candles, start - k * DAY_MS, start - (k - 1) * DAY_MS);
        if (block.length >= minCandles) blocks.push(sum(block.map(candleUsd)));
      }
      const avg30dUsd = blocks.length >= t.minAvgDays ? mean(blocks) : undefined;
      const multiple = avg30dUsd === undefined ? undefined : safeRatio(dayVolumeUsd, avg30dUsd);

      // "Largest hour of the month" needs as much history as the average does.
      const history = candlesIn(series.candles, start - t.avgDays * DAY_MS, start);
      const max30dHourlyUsd = blocks.length >= t.minAvgDays ? Math.max(...history.map(candleUsd)) : undefined;
      let peak = day[0]!;
      for (const c of day) if (candleUsd(c) > candleUsd(peak)) peak = c;
      const peakUsd = candleUsd(peak);

      perVenue.push({
        venue: series.venue,
        dayVolumeUsd: roundSignificant(dayVolumeUsd, 12),
        prevDayVolumeUsd: roundSignificant(prevDayVolumeUsd, 12),
        changeVsPrevFraction: roundSignificant(changeVsPrev),
        ...(avg30dUsd !== undefined ? { avg30dUsd: roundSignificant(avg30dUsd, 12) } : {}),
        ...(multiple !== undefined ? { multipleOf30dAvg: roundSignificant(multiple) } : {}),
        peakHour: { time: peak.t, volumeUsd: peakUsd },
        ...(max30dHourlyUsd !== undefined ? { max30dHourlyUsd } : {}),
        isMonthPeak: max30dHourlyUsd !== undefined && peakUsd > max30dHourlyUsd,
      });
      paths.push(`perpetuals[${index}].candles`);
      providers.add(series.provenance.provider);

      const offThinDay = multiple !== undefined && multiple < t.changeNeedsAvgMultipleMin;
      const changeRatio = changeVsPrev > 0 && !offThinDay ? thresholdRatio(changeVsPrev, t.changeVsPrevMin) : 0;
      const multipleRatio = multiple !== undefined ? thresholdRatio(multiple, t.multipleOf30dAvgMin) : 0;
      if (changeRatio >= 1 && firedKey !== 'change') firedKey = 'change';
      else if (multipleRatio >= 1 && firedKey === undefined) firedKey = 'multiple';
      bestRatio = Math.max(bestRatio, changeRatio, multipleRatio);
    });

    if (perVenue.length === 0) continue;
    const venuesAtMonthPeak = perVenue.filter((v) => v.isMonthPeak).map((v) => v.venue);
    // A month-high hour is notable on its own, even when the day's total is not.
    if (venuesAtMonthPeak.length > 0) bestRatio = Math.max(bestRatio, 1);
    const threshold =
      firedKey === 'change'
        ? { name: 'volume.changeVsPrevMin', value: t.changeVsPrevMin, unit: 'fraction' as const }
        : firedKey === 'multiple'
          ? { name: 'volume.multipleOf30dAvgMin', value: t.multipleOf30dAvgMin, unit: 'multiple' as const }
          : undefined;

    out.push({
      kind: 'volume_spike',
      importance: importanceOf('volume_spike', bestRatio),
      sources: [...providers].sort(),
      paths,
      ...(threshold ? { threshold } : {}),
      asset,
      market: 'perp',
      perVenue,
      changeVsPrevRange: range(perVenue.map((v) => v.changeVsPrevFraction))!,
      totalDayVolumeUsd: sum(perVenue.map((v) => v.dayVolumeUsd)),
      venuesAtMonthPeak,
    });
  }
  return out;
};
