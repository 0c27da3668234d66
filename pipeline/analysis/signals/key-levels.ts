/**
 * Key levels: supports below and resistances above the window's close, from
 *  - round levels: the nearest step level each side and the major (ten-step) and half-major
 *    (five-step) levels within `keyLevels.rangeFraction` of the close;
 *  - swings: daily lows (highs) that are the lowest (highest) within `keyLevels.swingHalfWidthDays`
 *    days either side, over the `keyLevels.lookbackDays` before the window (UTC days); a swing
 *    low above the close is resistance (broken support), a swing high below it support;
 *  - liquidation clusters of this run: the band's near edge (its high when below the close);
 *  - the window's own low and high ('range').
 * Candidates within `keyLevels.mergeFraction` of a stronger one are merged into it (strength:
 * cluster, swing, round, range); each side keeps the `keyLevels.maxPerSide` nearest.
 */
import { earlierOf, type Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf } from '../importance.js';
import { cleanMultiple, levelsBetween, roundStep } from '../util/levels.js';
import { pickSpotSeries } from '../util/series.js';
import { DAY_MS, dailyCandlesBefore, utcDate } from '../util/time.js';
import { windowPrices } from './window-prices.js';

type Level = Extract<Finding, { kind: 'key_levels' }>['supports'][number];
type Basis = Level['basis'];
const STRENGTH: Readonly<Record<Basis, number>> = { cluster: 0, swing_low: 1, swing_high: 1, round: 2, range: 3 };

/** Indexes of swing lows and highs: extremes within `k` candles either side (both sides required). */
export function findSwings(lows: readonly number[], highs: readonly number[], k: number): { lows: number[]; highs: number[] } {
  const out = { lows: [] as number[], highs: [] as number[] };
  for (let i = k; i + k < lows.length; i++) {
    const lo = lows.slice(i - k, i + k + 1);
    const hi = highs.slice(i - k, i + k + 1);
    if (lows[i] === Math.min(...lo) && lo.indexOf(lows[i]!) === k) out.lows.push(i);
    if (highs[i] === Math.max(...hi) && hi.indexOf(highs[i]!) === k) out.highs.push(i);
  }
  return out;
}

export const keyLevelsSignal: Signal = (snapshot, thresholds, context) => {
  const t = thresholds.keyLevels;
  const out: Finding[] = [];
  for (const asset of snapshot.assets) {
    const wp = windowPrices(snapshot, asset, thresholds);
    if (!wp) continue;
    const ref = wp.candles[wp.candles.length - 1]!.c;
    const lowBound = ref * (1 - t.rangeFraction);
    const highBound = ref * (1 + t.rangeFraction);
    const candidates: Level[] = [];
    const paths = [`prices[${wp.index}].candles`];
    const sources = new Set([wp.series.provenance.provider]);

    // Round levels.
    const step = roundStep(ref, thresholds.levels.stepOverrides[asset]);
    const rounds = levelsBetween(lowBound, highBound, step);
    const below = rounds.filter((l) => l < ref);
    const above = rounds.filter((l) => l > ref);
    const nearest = [below[below.length - 1], above[0]];
    for (const level of rounds) {
      const k = Math.round(level / step);
      if (k % 5 === 0 || nearest.includes(level)) candidates.push({ price: cleanMultiple(k, step), basis: 'round' });
    }

    // Swings from daily candles before the window.
    const daily = pickSpotSeries(snapshot, asset, '1d', thresholds.venues.pricePreference);
    if (daily) {
      const candles = dailyCandlesBefore(daily.item.candles, snapshot.window.start).filter(
        (c) => c.t >= snapshot.window.start - t.lookbackDays * DAY_MS,
      );
      const swings = findSwings(
        candles.map((c) => c.l),
        candles.map((c) => c.h),
        t.swingHalfWidthDays,
      );
      let used = false;
      for (const i of swings.lows) {
        const c = candles[i]!;
        if (c.l >= lowBound && c.l <= highBound) {
          candidates.push({ price: c.l, basis: 'swing_low', note: utcDate(c.t) });
          used = true;
        }
      }
      for (const i of swings.highs) {
        const c = candles[i]!;
        if (c.h >= lowBound && c.h <= highBound) {
          candidates.push({ price: c.h, basis: 'swing_high', note: utcDate(c.t) });
          used = true;
        }
      }
      if (used) {
        paths.push(`prices[${daily.index}].candles`);
        sources.add(daily.item.provenance.provider);
      }
    }

    // Liquidation clusters: the band's edge nearest the close.
    for (const cluster of earlierOf(context, 'liquidation_cluster').filter((c) => c.asset === asset)) {
      const { low, high } = cluster.band;
      const price = high < ref ? high : low > ref ? low : undefined;
      if (price === undefined) continue; // the close sits inside the band
      candidates.push({ price, basis: 'cluster', note: `${low}-${high}` });
      paths.push(...cluster.paths);
      cluster.sources.forEach((s) => sources.add(s));
    }

    // The window's range.
    candidates.push({ price: Math.min(...wp.candles.map((c) => c.l)), basis: 'range' });
    candidates.push({ price: Math.max(...wp.candles.map((c) => c.h)), basis: 'range' });

    const pick = (side: Level[]): Level[] => {
      const kept: Level[] = [];
      const ordered = [...side].sort((a, b) => STRENGTH[a.basis] - STRENGTH[b.basis] || Math.abs(a.price - ref) - Math.abs(b.price - ref));
      for (const c of ordered) if (!kept.some((k) => Math.abs(k.price - c.price) <= t.mergeFraction * ref)) kept.push(c);
      return kept.sort((a, b) => Math.abs(a.price - ref) - Math.abs(b.price - ref)).slice(0, t.maxPerSide);
    };
    const supports = pick(candidates.filter((c) => c.price < ref * (1 - t.minDistanceFraction)));
    const resistances = pick(candidates.filter((c) => c.price > ref * (1 + t.minDistanceFraction)));
    if (supports.length === 0 && resistances.length === 0) continue;

    out.push({
      kind: 'key_levels',
      importance: importanceOf('key_levels', 1),
      sources: [...sources].sort(),
      paths: [...new Set(paths)],
      asset,
      reference: ref,
      supports,
      resistances,
    });
  }
  return out;
};
