/**
 * Price path: how the day's move unfolded and what came before it, for each asset with a price
 * move that went one way (a flat day has no path to tell).
 *
 * - The steepest hour: the window's hourly spot candle (the price move's series) whose
 *   open-to-close change went furthest in the day's direction.
 * - The retrace: the close against the day's extreme after it, and the share of the high-to-low
 *   swing it took back.
 * - The prior trend: the last daily close before the window against the close
 *   `pricePath.priorDays` days before it (daily candles are UTC days; only those that closed
 *   before the window opens, as historical_rank reads them). It fires its threshold when
 *   |change| reaches `pricePath.trendFractionMin`: a run-up or a sell-off, not a range.
 * - The shape: the run of up to `pricePath.burstHoursMax` hours that moved furthest the day's way
 *   (a burst when it carries `burstShareMin` of the swing), and how many hours moved that way
 *   (steady, with no burst, when `steadyHourShareMin` of them did, no run came near a burst and
 *   the close did not take back most of the swing).
 * - Releases: scheduled releases inside the window and the price over their hours (release-hours.ts).
 * - The eve's extreme: a fresh multi-week high (low) set in the hours before the window, from
 *   which a down (up) day's move began (eve-extreme.ts).
 * - Close since: the last earlier daily close at or beyond the day's close ("the lowest close
 *   since 18 December"), when it is at least `pricePath.closeSinceMinDays` before the brief's day.
 */
import type { Candle } from '../../../kernel/snapshot/index.js';
import type { Signal } from '../context.js';
import { earlierOf } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { pickSpotSeries } from '../util/series.js';
import { roundSignificant } from '../util/stats.js';
import { DAY_MS, HOUR_MS, dailyCandlesBefore, daysBetween, utcDate } from '../util/time.js';
import { eveExtreme } from './eve-extreme.js';
import { releaseHours } from './release-hours.js';
import { windowPrices } from './window-prices.js';

export const pricePathSignal: Signal = (snapshot, thresholds, context) => {
  const out: Finding[] = [];
  const { priorDays, trendFractionMin, closeSinceMinDays, nearExtremeShareMax, recoveredShareMin } = thresholds.pricePath;
  const { burstHoursMax, burstShareMin, steadyHourShareMin, steadyBurstShareMax } = thresholds.pricePath;
  for (const move of earlierOf(context, 'price_move')) {
    if (move.direction === 'flat' || move.high <= move.low) continue;
    const down = move.direction === 'down';
    const wp = windowPrices(snapshot, move.asset, thresholds);
    if (!wp) continue;
    const steepest = steepestHour(wp.candles, down);
    if (!steepest) continue;

    const extreme = down ? move.low : move.high;
    const shareOfSwing = roundSignificant(Math.abs(move.close - extreme) / (move.high - move.low));
    const retrace = {
      fromExtremeFraction: roundSignificant(move.close / extreme - 1),
      shareOfSwing,
      nearExtreme: shareOfSwing < nearExtremeShareMax,
      recovered: shareOfSwing >= recoveredShareMin,
    };

    const burst = burstOf(wp.candles, down, move.high - move.low, burstHoursMax);
    if (!burst) continue;
    const hoursWithMove = wp.candles.filter((c) => (down ? c.c < c.o : c.c > c.o)).length;
    const concentrated = burst.shareOfSwing >= burstShareMin;
    const shape = {
      burst,
      concentrated,
      hoursWithMove,
      hours: wp.candles.length,
      steady:
        !concentrated &&
        hoursWithMove / wp.candles.length >= steadyHourShareMin &&
        burst.shareOfSwing <= steadyBurstShareMax &&
        !retrace.recovered,
    };

    const releases = releaseHours({
      window: snapshot.window,
      candles: wp.candles,
      high: move.high,
      low: move.low,
      down,
      extremeTime: down ? move.lowTime : move.highTime,
      steepestTime: steepest.time,
      reactionHours: thresholds.pricePath.releaseReactionHours,
    });

    const daily = pickSpotSeries(snapshot, move.asset, '1d', thresholds.venues.pricePreference);
    const closes = daily ? dailyCandlesBefore(daily.item.candles, snapshot.window.start) : [];
    const prior = priorTrend(closes, priorDays, trendFractionMin);
    const since = closeSince(closes, move.close, down);
    const sinceFarEnough = since && daysBetween(since.date, snapshot.date) >= closeSinceMinDays;
    const eve = eveExtreme({
      windowStart: snapshot.window.start,
      hourly: wp.series.candles.filter((c) => c.h <= thresholds.price.plausibleMaxUsd),
      closedDays: closes,
      down,
      dayHigh: move.high,
      dayLow: move.low,
      close: move.close,
      thresholds: thresholds.pricePath,
    });

    out.push({
      kind: 'price_path',
      importance: importanceOf('price_path', prior ? thresholdRatio(prior.changeFraction, trendFractionMin) : 0),
      sources: [...new Set([...move.sources, ...(daily && closes.length ? [daily.item.provenance.provider] : [])])].sort(),
      paths: [...move.paths, ...(daily && closes.length ? [`prices[${daily.index}].candles`] : [])],
      ...(prior?.trend ? { threshold: { name: 'pricePath.trendFractionMin', value: trendFractionMin, unit: 'fraction' as const } } : {}),
      asset: move.asset,
      venue: move.venue,
      direction: move.direction,
      steepestHour: steepest,
      retrace,
      shape,
      ...(prior ? { prior } : {}),
      ...(since && sinceFarEnough ? { closeSince: since } : {}),
      ...(eve ? { eveExtreme: eve } : {}),
      ...(releases.length > 0 ? { releases } : {}),
    });
  }
  return out;
};

/** The hour whose open-to-close change went furthest down (or up); ties keep the earlier hour. */
function steepestHour(candles: readonly Candle[], down: boolean): { time: number; changeFraction: number } | undefined {
  let best: { time: number; changeFraction: number } | undefined;
  for (const c of candles) {
    if (!(c.o > 0)) continue;
    const change = c.c / c.o - 1;
    if ((down ? change >= 0 : change <= 0) || (best && (down ? change >= best.changeFraction : change <= best.changeFraction))) continue;
    best = { time: c.t, changeFraction: roundSignificant(change) };
  }
  return best;
}

/**
 * The run of 1 to `maxHours` consecutive hourly candles (no hour missing between) that moved
 * furthest the day's way, from its first open to its last close, as a share of the day's swing
 * (USD). A longer run wins only with a larger share; ties keep the earlier run.
 */
function burstOf(candles: readonly Candle[], down: boolean, swing: number, maxHours: number) {
  let best: { start: number; hours: number; move: number; changeFraction: number } | undefined;
  for (let hours = 1; hours <= maxHours; hours++) {
    for (let i = 0; i + hours <= candles.length; i++) {
      const first = candles[i]!;
      const last = candles[i + hours - 1]!;
      if (last.t - first.t !== (hours - 1) * HOUR_MS || !(first.o > 0)) continue;
      const move = down ? first.o - last.c : last.c - first.o;
      if (move <= 0 || (best && move <= best.move)) continue;
      best = { start: first.t, hours, move, changeFraction: roundSignificant(last.c / first.o - 1) };
    }
  }
  if (!best || !(swing > 0)) return undefined;
  return { start: best.start, hours: best.hours, changeFraction: best.changeFraction, shareOfSwing: roundSignificant(best.move / swing) };
}

/** The last daily close against the one `days` days before it; undefined when that day is missing. */
function priorTrend(closes: readonly Candle[], days: number, trendFractionMin: number) {
  const last = closes[closes.length - 1];
  if (!last) return undefined;
  const from = closes.find((c) => c.t === last.t - days * DAY_MS);
  if (!from || !(from.c > 0)) return undefined;
  const changeFraction = roundSignificant(last.c / from.c - 1);
  return {
    days,
    fromDate: utcDate(from.t),
    fromClose: from.c,
    toDate: utcDate(last.t),
    changeFraction,
    trend: Math.abs(changeFraction) >= trendFractionMin,
  };
}

/** The last earlier daily close at or below (down) / at or above (up) the day's close. */
function closeSince(closes: readonly Candle[], close: number, down: boolean): { date: string; close: number } | undefined {
  for (let i = closes.length - 1; i >= 0; i--) {
    const c = closes[i]!;
    if (down ? c.c <= close : c.c >= close) return { date: utcDate(c.t), close: c.c };
  }
  return undefined;
}
