import { describe, expect, it } from 'vitest';
import { chooseBreak, whaleActivitySignal } from '../../pipeline/analysis/signals/whale-activity.js';
import { DEFAULT_THRESHOLDS, ThresholdsSchema } from '../../kernel/thresholds.js';
import type { FindingOf } from '../../pipeline/analysis/findings.js';
import { HOUR, START, contextWith, datesEnding, makeSnapshot, prov } from './helpers/make-snapshot.js';

const levelBreak = (level: number, hour: number, closedBeyond: boolean, importance: number): FindingOf<'level_break'> => ({
  kind: 'level_break',
  importance,
  sources: ['binance'],
  paths: ['prices[0].candles'],
  asset: 'BTC',
  level,
  direction: 'below',
  time: START + hour * HOUR,
  closedBeyond,
});

/** [hours from window start, coins, owner of the receiving wallet]. */
const TRANSFERS: [number, number, string?][] = [
  [-11, 2000], // before the window and before the 12 h "before" span [−10 h, +2 h) of a break at +2 h
  [-3, 1000], // before the window, inside "before"
  [1, 1000],
  [2, 1500], // at the break hour (+2 h): "after"
  [6, 2000, 'Binance'],
  [7, 1200],
  [8, 3000],
  [9, 500], // below 1,000 coins
  [13, 1100],
  [20, 1000],
];

function whales() {
  const dailyCounts = datesEnding('2024-01-03', 30).map((date, i) => ({ date, count: i % 2 ? 50 : 60 }));
  dailyCounts.push({ date: '2024-01-04', count: 999 });
  return {
    source: 'blockchair',
    chain: 'bitcoin',
    asset: 'BTC',
    thresholdCoins: 1000,
    transfers: TRANSFERS.map(([h, amountCoins, owner], i) => ({
      hash: `h${i}`,
      time: START + h * HOUR,
      amountCoins,
      amountUsd: amountCoins * 40000,
      ...(owner ? { to: { owner } } : {}),
    })),
    dailyCounts,
    provenance: prov('blockchair'),
  };
}

describe('whale_activity', () => {
  it('count, total and baseline; before and after the deepest held break', () => {
    const breaks = [levelBreak(44000, 0, true, 23), levelBreak(43000, 6, true, 52), levelBreak(42000, 8, false, 55)];
    const [f] = whaleActivitySignal(makeSnapshot({ whaleTransfers: [whales()] }), DEFAULT_THRESHOLDS, contextWith(breaks));
    if (f?.kind !== 'whale_activity') throw new Error('expected whale_activity');
    // In the window, ≥ 1,000: +1, +2, +6, +7, +8, +13, +20 → 7 transfers, 10,800 coins, 432 M USD.
    expect(f).toMatchObject({ count: 7, totalCoins: 10800, totalUsd: 4.32e8, thresholdCoins: 1000 });
    // Baseline: 15 × 50 + 15 × 60 over 30 days = 55 (the brief day's 999 excluded); 7 / 55 = 0.12727
    expect(f.baseline30dAvgCount).toBe(55);
    expect(f.multipleOfBaseline).toBeCloseTo(7 / 55, 9);
    // 43,000 (held, more important than 44,000) at +6 h: six hours each side, as the window (the list)
    // starts 6 h before it. Before [0, +6 h) → +1, +2 = 2 (−3 and −11 are outside the window); after
    // [+6 h, +12 h) → +6, +7, +8 = 3 (+9 is under 1,000 coins). 3 is under aroundLevelMinCount (5): no shift.
    expect(f.aroundLevel).toEqual({
      level: 43000,
      direction: 'below',
      breakTime: START + 6 * HOUR,
      before: 2,
      after: 3,
      windowHours: 6,
      shift: 'none',
    });
    expect(f.largest.map((x) => [x.amountCoins, x.to])).toEqual([
      [3000, undefined],
      [2000, 'Binance'],
      [1500, undefined],
      [1200, undefined],
      [1100, undefined],
    ]);
    // 0.12727 / 1.5 = 0.08485 → 40 × (0.3 + 0.4 × 0.08485) = 13.36
    expect(f.importance).toBe(13.4);
    expect(f.threshold).toBeUndefined();
  });

  it('chooseBreak: first vs deepest held (or deepest when none held)', () => {
    const a = levelBreak(44000, 0, true, 23);
    const b = levelBreak(43000, 2, true, 52);
    const c = levelBreak(42000, 5, false, 55);
    expect(chooseBreak([c, b, a], 'first')).toBe(a);
    expect(chooseBreak([a, b, c], 'deepest-held')).toBe(b);
    expect(chooseBreak([c], 'deepest-held')).toBe(c);
    expect(chooseBreak([], 'first')).toBeUndefined();
  });

  it('a higher floor than the source lists drops the baseline; no data: nothing', () => {
    const t = ThresholdsSchema.parse({ whale: { minCoins: 2000 } });
    const [f] = whaleActivitySignal(makeSnapshot({ whaleTransfers: [whales()] }), t, contextWith());
    // ≥ 2,000 in the window: +6 and +8 → 2 transfers, 5,000 coins; baseline counts ≥ 1,000, so omitted.
    expect(f).toMatchObject({ count: 2, totalCoins: 5000, thresholdCoins: 2000 });
    expect(f && 'baseline30dAvgCount' in f).toBe(false);
    expect(f && 'aroundLevel' in f).toBe(false);
    expect(whaleActivitySignal(makeSnapshot(), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
  });

  it('many transfers against a quiet baseline fire the threshold', () => {
    const w = whales();
    w.dailyCounts = w.dailyCounts.map((d) => ({ ...d, count: 2 }));
    const [f] = whaleActivitySignal(makeSnapshot({ whaleTransfers: [w] }), DEFAULT_THRESHOLDS, contextWith());
    // 7 / 2 = 3.5 → ratio 3.5 / 1.5 = 2.333 → 40 × (1 + 0.25 × 1.333) = 53.33
    expect(f).toMatchObject({
      multipleOfBaseline: 3.5,
      importance: 53.3,
      threshold: { name: 'whale.multipleMin', value: 1.5, unit: 'multiple' },
    });
  });
  it('transfers either side of the break: equal spans inside the window, and the shift', () => {
    const at = (hours: number[]) => {
      const w = whales();
      w.transfers = hours.map((h, i) => ({ hash: `x${i}`, time: START + h * HOUR, amountCoins: 1000, amountUsd: 4e7 }));
      return w;
    };
    const around = (hours: number[], breakHour: number) => {
      const [f] = whaleActivitySignal(
        makeSnapshot({ whaleTransfers: [at(hours)] }),
        DEFAULT_THRESHOLDS,
        contextWith([levelBreak(43000, breakHour, true, 52)]),
      );
      return f?.kind === 'whale_activity' ? f.aroundLevel : undefined;
    };
    // Break at +4 h: four hours each side. Before [0, 4 h): 2; after [4 h, 8 h): 6 = 3 × 2 ≥ whale.multipleMin
    // (1.5) and ≥ aroundLevelMinCount (5): more. +20 h is past the 4 h after.
    expect(around([1, 3, 4, 4.5, 5, 6, 7, 7.5, 20], 4)).toMatchObject({ before: 2, after: 6, windowHours: 4, shift: 'more' });
    // The reverse: 6 before, 2 after: fewer.
    expect(around([0, 0.5, 1, 2, 3, 3.5, 4, 6], 4)).toMatchObject({ before: 6, after: 2, shift: 'fewer' });
    // 5 and 4: within 1.5x of each other: none.
    expect(around([0, 1, 2, 3, 3.5, 4, 5, 6, 7], 4)).toMatchObject({ before: 5, after: 4, shift: 'none' });
    // A break 2 h into the window leaves 2 h before it, under aroundLevelMinHours (3): no comparison.
    expect(around([0, 1, 2, 3], 2)).toBeUndefined();
    // A break at +22 h leaves 2 h after it: none either.
    expect(around([20, 21, 22, 23], 22)).toBeUndefined();
  });
});
