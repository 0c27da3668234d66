/**
 * Historical rank: the day's move ranked against the available daily history ("the largest
 * one-day drop since <date>").
 *
 * Choice of days: the day's values are the brief window's (UTC+8 by default) close-to-close
 * change and high-to-low drawdown from the price move; the history is the asset's daily spot
 * candles, which are UTC days. Only daily candles that closed before the window opens are used,
 * so the day is never ranked against a candle that contains part of itself. Close-to-close
 * changes need two consecutive UTC days (a missing day breaks the pair, nothing is filled).
 *
 * Rank 1 = no day in the sample moved further the same way. `since` is the most recent day that
 * did, with its curated event (market-events.ts) when it falls in one; without `since` the move is
 * the largest since at least `sampleStart`, the first fetched day (never "in N days": N is only
 * how much history was fetched). Reported when the sample holds at least `historicalRank.minSampleDays` days and the rank
 * is within `historicalRank.maxRank`.
 */
import { earlierOf, type Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf } from '../importance.js';
import { eventOn } from '../market-events.js';
import { pickSpotSeries } from '../util/series.js';
import { roundSignificant } from '../util/stats.js';
import { DAY_MS, dailyCandlesBefore, daysBetween, utcDate } from '../util/time.js';

interface DayValue {
  readonly date: string;
  readonly value: number;
}

/** Rank of `value` among same-sign sample values (1 = most extreme) and the last more extreme day. */
export function rankMove(value: number, sample: readonly DayValue[]): { rank: number; since?: DayValue } {
  const moreExtreme = sample.filter((d) => (value < 0 ? d.value < value : d.value > value));
  const since = moreExtreme.reduce<DayValue | undefined>((last, d) => (last === undefined || d.date > last.date ? d : last), undefined);
  return since ? { rank: moreExtreme.length + 1, since } : { rank: 1 };
}

/** The "since" day with its curated event, when it has one. */
function sinceOf(day: DayValue, briefDate: string) {
  const event = eventOn(day.date);
  return {
    date: day.date,
    value: roundSignificant(day.value),
    daysAgo: daysBetween(day.date, briefDate),
    ...(event ? { event: { id: event.id, zh: event.name.zh, en: event.name.en, url: event.url } } : {}),
  };
}

export const historicalRankSignal: Signal = (snapshot, thresholds, context) => {
  const out: Finding[] = [];
  const { maxRank, minSampleDays } = thresholds.historicalRank;
  for (const move of earlierOf(context, 'price_move')) {
    const daily = pickSpotSeries(snapshot, move.asset, '1d', thresholds.venues.pricePreference);
    if (!daily) continue;
    const candles = dailyCandlesBefore(daily.item.candles, snapshot.window.start);

    const closeToClose: DayValue[] = [];
    for (let i = 1; i < candles.length; i++) {
      const prev = candles[i - 1]!;
      const cur = candles[i]!;
      if (cur.t - prev.t !== DAY_MS) continue;
      closeToClose.push({ date: utcDate(cur.t), value: cur.c / prev.c - 1 });
    }
    const highToLow: DayValue[] = candles.map((c) => ({ date: utcDate(c.t), value: c.l / c.h - 1 }));

    const metrics = [
      { metric: 'close_to_close' as const, value: move.changeFraction, sample: closeToClose },
      { metric: 'high_to_low' as const, value: move.drawdownFraction, sample: highToLow },
    ];
    for (const { metric, value, sample } of metrics) {
      if (value === 0 || sample.length < minSampleDays) continue;
      const { rank, since } = rankMove(value, sample);
      if (rank > maxRank) continue;
      // Rank 1 of 10 scores ratio 2.8 (capped importance), rank 10 of 10 exactly the base.
      const ratio = 1 + (2 * (maxRank - rank)) / maxRank;
      out.push({
        kind: 'historical_rank',
        importance: importanceOf('historical_rank', ratio),
        sources: [...new Set([...move.sources, daily.item.provenance.provider])].sort(),
        paths: [...move.paths, `prices[${daily.index}].candles`],
        threshold: { name: 'historicalRank.maxRank', value: maxRank, unit: 'count' },
        asset: move.asset,
        metric,
        value,
        rank,
        sampleDays: sample.length,
        sampleStart: sample.reduce((first, d) => (d.date < first ? d.date : first), sample[0]!.date),
        ...(since ? { since: sinceOf(since, snapshot.date) } : {}),
      });
    }
  }
  return out;
};
