/**
 * Negative funding settlements on every venue: the day's settlements (settled history points with
 * a time in the window) at which each of the finding's venues settled below zero, when none of
 * them had settled below zero in the `funding.negativeQuietDaysMin` days before the window — a
 * turn the current rate alone can hide (it may be back above zero by the window's end).
 *
 * - A settlement time counts when every venue has a settlement at that instant and all are
 *   negative (a venue's 4-hour settlement between two 8-hour ones does not).
 * - `since`: the last negative settlement of any of the venues before the window; absent when the
 *   history holds none, and then `historyStart` (the venues' earliest settlement) bounds the
 *   claim ("the first since at least 5 December").
 * - `lowest`: the most negative of those settlements, per 8 hours, with its venue and time.
 */
import type { FundingSeries } from '../../../kernel/snapshot/index.js';
import type { Thresholds } from '../../../kernel/thresholds.js';
import { roundSignificant } from '../util/stats.js';
import { DAY_MS, pointsIn } from '../util/time.js';

/** A rate per `intervalHours` as a rate per 8 hours. */
export function toPer8h(rate: number, intervalHours: number): number {
  return (rate * 8) / intervalHours;
}

export interface NegativeSettlements {
  /** The settlement instants, ascending. */
  times: number[];
  lowest: { venue: string; time: number; per8h: number };
  since?: number;
  historyStart: number;
}

export function negativeSettlements(
  series: readonly FundingSeries[],
  window: { start: number; end: number },
  t: Thresholds['funding'],
): NegativeSettlements | undefined {
  if (series.length === 0) return undefined;
  const plausible = (rate: number) => Math.abs(rate) <= t.plausibleMaxAbsPerInterval;
  const histories = series.map((s) => ({ s, history: s.history.filter((p) => plausible(p.rate)) }));
  const [first, ...rest] = histories;
  const times = pointsIn(first!.history, window.start, window.end)
    .filter((p) => p.rate < 0)
    .map((p) => p.time)
    .filter((time) => rest.every(({ history }) => history.some((p) => p.time === time && p.rate < 0)));
  if (times.length === 0) return undefined;

  const before = histories.flatMap(({ history }) => history.filter((p) => p.time < window.start));
  const lastNegative = before
    .filter((p) => p.rate < 0)
    .reduce<number | undefined>((last, p) => Math.max(last ?? p.time, p.time), undefined);
  if (lastNegative !== undefined && lastNegative >= window.start - t.negativeQuietDaysMin * DAY_MS) return undefined;

  let lowest: NegativeSettlements['lowest'] | undefined;
  for (const { s, history } of histories)
    for (const p of history)
      if (times.includes(p.time)) {
        const per8h = roundSignificant(toPer8h(p.rate, s.intervalHours));
        if (lowest === undefined || per8h < lowest.per8h) lowest = { venue: s.venue, time: p.time, per8h };
      }
  return {
    times,
    lowest: lowest!,
    ...(lastNegative !== undefined ? { since: lastNegative } : {}),
    historyStart: Math.min(...before.map((p) => p.time), ...times),
  };
}
