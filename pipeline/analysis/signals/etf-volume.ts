/**
 * ETF volume: spot-ETF dollar volume (close × shares traded) on the ETF day against its 30-day
 * average, whether the total is a record, and divergence: heavy volume while the asset's price
 * fell (volume is activity, not direction; flows are a separate finding).
 *
 * - ETF day: the latest trading day closed before the brief window ends (util/us-market.ts).
 * - Per ticker, the average is over its last `etf.avgDays` trading days before the ETF day
 *   (at least `etf.minAvgDays`). The total's average and the record use only days on which every
 *   ticker reporting on the ETF day traded, so the sums compare like with like.
 * - Each fund's close against its previous session's close in the data (its own session move),
 *   and the asset over the same span (sessionMove: hourly closes at the two 16:00 New York closes).
 * - The asset's change is the close-to-close change of its daily spot candle on the ETF date
 *   (UTC day), which holds the US session; absent without both candles.
 */
import { beforeSpotEtfs, isFirstSpotEtfSession } from '../spot-etfs.js';
import type { Snapshot } from '../../../kernel/snapshot/index.js';
import type { Thresholds } from '../../../kernel/thresholds.js';
import type { Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { pickSpotSeries } from '../util/series.js';
import { changeFraction, mean, roundSignificant, safeRatio, sum } from '../util/stats.js';
import { DAY_MS, HOUR_MS, utcDate } from '../util/time.js';
import { etfDayFor, isUsEarlyClose, usCloseInstant } from '../util/us-market.js';

type TickerVolume = Extract<Finding, { kind: 'etf_volume' }>['tickers'][number];

export const etfVolumeSignal: Signal = (snapshot, thresholds) => {
  const t = thresholds.etf;
  const out: Finding[] = [];
  for (const asset of snapshot.assets) {
    const series = snapshot.etfs.map((s, index) => ({ s, index })).filter(({ s }) => s.asset === asset && s.daily.length > 0);
    if (series.length === 0) continue;
    const date = etfDayFor(
      series.flatMap(({ s }) => s.daily.map((d) => d.date)),
      snapshot.window.end,
    );
    if (date === undefined) continue;

    const reporting = series.filter(({ s }) => s.daily.some((d) => d.date === date));
    const excluded = excludedFunds(
      snapshot,
      asset,
      series.map(({ s }) => s.ticker),
      reporting.map(({ s }) => s.ticker),
    );
    const tickers: TickerVolume[] = [];
    const previousSessions = new Set<string>();
    const byDate = new Map<string, number[]>();
    for (const { s } of reporting) {
      const today = s.daily.find((d) => d.date === date)!;
      const dollar = today.close * today.volume;
      const prior = s.daily.filter((d) => d.date < date).sort((a, b) => (a.date < b.date ? -1 : 1));
      const avg = prior.length >= t.minAvgDays ? mean(prior.slice(-t.avgDays).map((d) => d.close * d.volume)) : undefined;
      const multiple = avg === undefined ? undefined : safeRatio(dollar, avg);
      const last = prior[prior.length - 1];
      previousSessions.add(last?.date ?? '');
      const closeChange = last ? changeFraction(today.close, last.close) : undefined;
      tickers.push({
        ticker: s.ticker,
        dollarVolumeUsd: roundSignificant(dollar, 12),
        ...(avg !== undefined ? { avg30dUsd: roundSignificant(avg, 12) } : {}),
        ...(multiple !== undefined ? { multiple: roundSignificant(multiple) } : {}),
        close: today.close,
        ...(closeChange !== undefined ? { closeChangeFraction: roundSignificant(closeChange) } : {}),
      });
      for (const d of prior) byDate.set(d.date, [...(byDate.get(d.date) ?? []), d.close * d.volume]);
    }
    const total = sum(tickers.map((x) => x.dollarVolumeUsd));
    const priorTotals = [...byDate.entries()]
      .filter(([, values]) => values.length === reporting.length)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, values]) => sum(values));
    const avg30dUsd = priorTotals.length >= t.minAvgDays ? mean(priorTotals.slice(-t.avgDays)) : undefined;
    const multiple = avg30dUsd === undefined ? undefined : safeRatio(total, avg30dUsd);
    // A total without some funds is no record of the market: the comparison would not be like with like.
    const isRecord = excluded.length === 0 && priorTotals.length > 0 && priorTotals.every((v) => total > v);

    const daily = pickSpotSeries(snapshot, asset, '1d', thresholds.venues.pricePreference);
    let priceChange: number | undefined;
    if (daily) {
      const day = daily.item.candles.find((c) => utcDate(c.t) === date);
      const before = day && daily.item.candles.find((c) => c.t === day.t - DAY_MS);
      if (day && before) priceChange = changeFraction(day.c, before.c);
    }
    // The funds' common previous session (none when they differ): the span their closes cover.
    const previous = previousSessions.size === 1 ? [...previousSessions][0] : undefined;
    const sessionChange = previous ? sessionMove(snapshot, asset, previous, date, thresholds) : undefined;
    const heavy = (multiple !== undefined && multiple >= t.volumeMultipleMin) || isRecord;
    // Read on the span the funds' closes cover when the hourly closes give it, else the UTC day.
    const assetMove = sessionChange?.change ?? priceChange;
    const divergence = heavy && assetMove !== undefined && assetMove <= -t.priceDropFractionMin;
    const fired = multiple !== undefined && multiple >= t.volumeMultipleMin;

    let ratio = multiple === undefined ? 0 : thresholdRatio(multiple, t.volumeMultipleMin);
    if (isRecord) ratio = Math.max(ratio, 1);
    if (divergence) ratio *= 1.2;

    out.push({
      kind: 'etf_volume',
      importance: importanceOf('etf_volume', ratio),
      sources: [
        ...new Set([
          ...reporting.map(({ s }) => s.provenance.provider),
          ...(daily && priceChange !== undefined ? [daily.item.provenance.provider] : []),
        ]),
      ].sort(),
      paths: [
        ...reporting.map(({ index }) => `etfs[${index}].daily`),
        ...(daily && priceChange !== undefined ? [`prices[${daily.index}].candles`] : []),
        ...(sessionChange ? [sessionChange.path] : []),
      ],
      ...(fired ? { threshold: { name: 'etf.volumeMultipleMin', value: t.volumeMultipleMin, unit: 'multiple' as const } } : {}),
      asset,
      date,
      tickers,
      totalDollarVolumeUsd: roundSignificant(total, 12),
      ...(avg30dUsd !== undefined ? { avg30dUsd: roundSignificant(avg30dUsd, 12) } : {}),
      ...(multiple !== undefined ? { multipleOf30dAvg: roundSignificant(multiple) } : {}),
      isRecord,
      ...(excluded.length ? { excluded } : {}),
      ...(priceChange !== undefined ? { priceChangeFraction: roundSignificant(priceChange) } : {}),
      ...(sessionChange !== undefined ? { sessionChangeFraction: roundSignificant(sessionChange.change) } : {}),
      divergence,
      beforeSpotEtfs: beforeSpotEtfs(asset, date),
      firstSpotSession: isFirstSpotEtfSession(asset, date),
      earlyClose: isUsEarlyClose(date),
    });
  }
  return out;
};

/**
 * Funds left out of the ETF day's totals: those with sessions but none on the ETF day, and those
 * whose fetch failed (a gap naming the ticker), but not funds with no sessions at all in the range
 * (not launched yet: nothing is missing).
 */
function excludedFunds(snapshot: Snapshot, asset: string, present: readonly string[], reporting: readonly string[]): string[] {
  const failed = snapshot.gaps
    .filter((g) => g.family === 'etfs' && g.asset === asset && g.kind !== 'empty' && g.kind !== 'not-configured' && g.endpoint)
    .map((g) => decodeURIComponent(g.endpoint!.split(/[?#]/)[0]!.split('/').pop() ?? ''))
    .filter((ticker) => /^[A-Z.^-]{1,12}$/.test(ticker));
  const silent = present.filter((ticker) => !reporting.includes(ticker));
  return [...new Set([...silent, ...failed])].filter((ticker) => !reporting.includes(ticker)).sort();
}

/**
 * The asset's hourly spot close at one US session's 16:00 New York close against the previous
 * session's (the candles that close at those instants), the span a fund's close-to-close covers.
 */
function sessionMove(
  snapshot: Snapshot,
  asset: string,
  from: string,
  to: string,
  thresholds: Thresholds,
): { change: number; path: string } | undefined {
  const hourly = pickSpotSeries(snapshot, asset, '1h', thresholds.venues.pricePreference);
  if (!hourly) return undefined;
  const closeAt = (instant: number) => hourly.item.candles.find((c) => c.t === instant - HOUR_MS)?.c;
  const a = closeAt(usCloseInstant(from));
  const b = closeAt(usCloseInstant(to));
  const change = a !== undefined && b !== undefined ? changeFraction(b, a) : undefined;
  return change === undefined ? undefined : { change, path: `prices[${hourly.index}].candles` };
}
