/**
 * Liquidation timing: when an asset's liquidations concentrated, from order-level data in the
 * window ("64 % of the recorded long liquidations came in the two hours from 21:00").
 *
 * Method, per asset: the dominant side's orders (liquidation-clusters.ts windowOrders, every
 * venue: timing needs no price kind) summed by the window's hours; the shortest run of 1 to
 * `clusters.timingHoursMax` consecutive hours holding at least `clusters.timingShareMin` of the
 * side's notional (of runs that long, the one holding most; ties: the earlier). None reaching it:
 * no finding — liquidations spread over the day are no timing story. Fewer orders than
 * `clusters.minOrders`: no finding. The feeds sample (one order per symbol per second), so the
 * share is of what they recorded, and the finding says so by its `sideUsd`.
 */
import type { Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { roundSignificant, sum } from '../util/stats.js';
import { HOUR_MS } from '../util/time.js';
import { windowOrders } from './liquidation-clusters.js';

export const liquidationTimingSignal: Signal = (snapshot, thresholds) => {
  const t = thresholds.clusters;
  const { start, end } = snapshot.window;
  const hoursInWindow = Math.round((end - start) / HOUR_MS);
  const out: Finding[] = [];
  for (const asset of snapshot.assets) {
    const { side, ofSide } = windowOrders(snapshot, asset);
    if (ofSide.length < t.minOrders) continue;
    const byHour = Array.from({ length: hoursInWindow }, () => 0);
    for (const { order } of ofSide) byHour[Math.floor((order.time - start) / HOUR_MS)]! += order.notionalUsd;
    const sideUsd = sum(byHour);
    if (!(sideUsd > 0)) continue;
    let run: { first: number; hours: number; notional: number } | undefined;
    for (let hours = 1; hours <= t.timingHoursMax && !run; hours++) {
      for (let first = 0; first + hours <= hoursInWindow; first++) {
        const notional = sum(byHour.slice(first, first + hours));
        if (notional >= t.timingShareMin * sideUsd && (!run || notional > run.notional)) run = { first, hours, notional };
      }
    }
    if (!run) continue;
    const shareFraction = roundSignificant(run.notional / sideUsd);
    const used = ofSide.filter(({ order }) => {
      const hour = Math.floor((order.time - start) / HOUR_MS);
      return hour >= run.first && hour < run.first + run.hours;
    });
    const setIndexes = [...new Set(ofSide.map((x) => x.setIndex))].sort((a, b) => a - b);
    out.push({
      kind: 'liquidation_timing',
      importance: importanceOf('liquidation_timing', thresholdRatio(shareFraction, t.timingShareMin)),
      sources: [...new Set(ofSide.map((x) => x.provider))].sort(),
      paths: setIndexes.map((i) => `liquidations.orders[${i}].orders`),
      threshold: { name: 'clusters.timingShareMin', value: t.timingShareMin, unit: 'fraction' },
      asset,
      side,
      start: start + run.first * HOUR_MS,
      hours: run.hours,
      notionalUsd: roundSignificant(run.notional, 12),
      shareFraction,
      sideUsd: roundSignificant(sideUsd, 12),
      venues: [...new Set(used.map((x) => x.order.venue))].sort(),
    });
  }
  return out;
};
