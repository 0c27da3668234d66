/**
 * Whale activity: on-chain transfers of at least `whale.minCoins` coins (1,000 BTC) in the
 * window, their count and total, against the 30-day baseline of daily counts, and before and
 * after the first level break of the asset.
 *
 * - The source's own listing floor (`thresholdCoins`) applies too; the higher of the two counts.
 *   The baseline (the source's daily counts at its floor) is used only when that floor is at
 *   least `whale.minCoins`, so the day's count and the baseline count the same thing.
 * - Baseline: mean of the last `whale.baselineDays` daily counts dated before the brief's day
 *   (at least `whale.minBaselineDays` of them).
 * - Around a level: the level break chosen by `whale.aroundLevelChoice` (default: the deepest
 *   break the window closed beyond, the level the market decisively lost; 'first' = the
 *   earliest break); transfers in the hours before it and the same hours from it on, at most
 *   `whale.aroundLevelHours` and no further than the window reaches on either side (the list
 *   covers the window only), at least `whale.aroundLevelMinHours`. More after than before by
 *   `whale.multipleMin` (the larger side at least `aroundLevelMinCount`) is a shift up; the
 *   reverse a shift down.
 * - Of several series for one asset, the first in the snapshot is used.
 */
import { earlierOf, type Signal } from '../context.js';
import type { Finding, FindingOf } from '../findings.js';
import type { Thresholds } from '../../../kernel/thresholds.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { mean, roundSignificant, safeRatio, sum } from '../util/stats.js';
import { HOUR_MS, within } from '../util/time.js';

type LevelBreak = Extract<Finding, { kind: 'level_break' }>;

/** The level break to count whale transfers around (see the module comment). */
export function chooseBreak(breaks: readonly LevelBreak[], choice: 'deepest-held' | 'first'): LevelBreak | undefined {
  const byTime = [...breaks].sort((a, b) => a.time - b.time || (a.direction === 'below' ? b.level - a.level : a.level - b.level));
  if (choice === 'first') return byTime[0];
  const held = byTime.filter((b) => b.closedBeyond);
  // Level breaks' importance rises with distance from the prior close; reduce keeps the earliest on ties.
  const pool = held.length > 0 ? held : byTime;
  return pool.reduce<LevelBreak | undefined>((best, b) => (best === undefined || b.importance > best.importance ? b : best), undefined);
}

export const whaleActivitySignal: Signal = (snapshot, thresholds, context) => {
  const t = thresholds.whale;
  const { start, end } = snapshot.window;
  const out: Finding[] = [];
  const breaks = earlierOf(context, 'level_break');

  for (const asset of snapshot.assets) {
    const index = snapshot.whaleTransfers.findIndex((w) => w.asset === asset && (w.transfers.length > 0 || w.dailyCounts.length > 0));
    const series = snapshot.whaleTransfers[index];
    if (!series) continue;
    const min = Math.max(t.minCoins, series.thresholdCoins);
    const large = series.transfers.filter((x) => x.amountCoins >= min).sort((a, b) => a.time - b.time);
    const inWindow = large.filter((x) => within(x.time, start, end));
    const count = inWindow.length;
    const totalCoins = roundSignificant(sum(inWindow.map((x) => x.amountCoins)), 12);
    const allPriced = count > 0 && inWindow.every((x) => x.amountUsd !== undefined);
    const totalUsd = allPriced ? roundSignificant(sum(inWindow.map((x) => x.amountUsd ?? 0)), 12) : undefined;

    const priorCounts = series.dailyCounts.filter((d) => d.date < snapshot.date).sort((a, b) => (a.date < b.date ? -1 : 1));
    const baseline =
      series.thresholdCoins >= t.minCoins && priorCounts.length >= t.minBaselineDays
        ? mean(priorCounts.slice(-t.baselineDays).map((d) => d.count))
        : undefined;
    const multiple = baseline === undefined ? undefined : safeRatio(count, baseline);

    const firstBreak = chooseBreak(
      breaks.filter((b) => b.asset === asset),
      t.aroundLevelChoice,
    );
    const aroundLevel = firstBreak && countsAround(inWindow, firstBreak, start, end, t);

    const largest = [...inWindow]
      .sort((a, b) => b.amountCoins - a.amountCoins || a.time - b.time || (a.hash < b.hash ? -1 : 1))
      .slice(0, t.largestCount)
      .map((x) => ({
        hash: x.hash,
        time: x.time,
        amountCoins: x.amountCoins,
        ...(x.from?.owner ? { from: x.from.owner } : {}),
        ...(x.to?.owner ? { to: x.to.owner } : {}),
      }));

    const ratio = multiple === undefined ? 0 : thresholdRatio(multiple, t.multipleMin);
    out.push({
      kind: 'whale_activity',
      importance: importanceOf('whale_activity', ratio),
      sources: [series.provenance.provider],
      paths: [`whaleTransfers[${index}].transfers`, ...(baseline !== undefined ? [`whaleTransfers[${index}].dailyCounts`] : [])],
      ...(ratio >= 1 ? { threshold: { name: 'whale.multipleMin', value: t.multipleMin, unit: 'multiple' as const } } : {}),
      asset,
      thresholdCoins: min,
      count,
      totalCoins,
      ...(totalUsd !== undefined ? { totalUsd } : {}),
      ...(baseline !== undefined ? { baseline30dAvgCount: roundSignificant(baseline) } : {}),
      ...(multiple !== undefined ? { multipleOfBaseline: roundSignificant(multiple) } : {}),
      ...(aroundLevel ? { aroundLevel } : {}),
      largest,
    });
  }
  return out;
};

/** Transfers either side of the break, over equal spans inside the window (see the module comment). */
function countsAround(
  transfers: readonly { time: number }[],
  level: LevelBreak,
  start: number,
  end: number,
  t: Thresholds['whale'],
): NonNullable<FindingOf<'whale_activity'>['aroundLevel']> | undefined {
  const hours = Math.min(t.aroundLevelHours, Math.floor((level.time - start) / HOUR_MS), Math.floor((end - level.time) / HOUR_MS));
  if (hours < t.aroundLevelMinHours) return undefined;
  const before = transfers.filter((x) => within(x.time, level.time - hours * HOUR_MS, level.time)).length;
  const after = transfers.filter((x) => within(x.time, level.time, level.time + hours * HOUR_MS)).length;
  const shift =
    after >= t.aroundLevelMinCount && after >= t.multipleMin * before
      ? 'more'
      : before >= t.aroundLevelMinCount && before >= t.multipleMin * after
        ? 'fewer'
        : 'none';
  return { level: level.level, direction: level.direction, breakTime: level.time, before, after, windowHours: hours, shift };
}
