import { describe, expect, it } from 'vitest';
import { liquidationTimingSignal } from '../../pipeline/analysis/signals/liquidation-timing.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import type { LiquidationOrder } from '../../kernel/snapshot/schema.js';
import type { FindingOf } from '../../pipeline/analysis/findings.js';
import { HOUR, START, contextWith, makeSnapshot, prov } from './helpers/make-snapshot.js';

/** A BTC liquidation at `hour` (from the window's start) worth `millions` of USD. */
const order = (hour: number, millions: number, side: 'long' | 'short' = 'long', venue = 'binance'): LiquidationOrder => ({
  venue,
  symbol: 'BTCUSDT',
  asset: 'BTC',
  side,
  price: 42000,
  quantity: (millions * 1e6) / 42000,
  notionalUsd: millions * 1e6,
  time: START + hour * HOUR + 60_000,
});

const run = (sets: LiquidationOrder[][]): FindingOf<'liquidation_timing'>[] =>
  liquidationTimingSignal(
    makeSnapshot({
      liquidations: {
        totals: [],
        history: [],
        orders: sets.map((orders, i) => ({ source: `s${i}`, coverage: 'lower-bound', orders, provenance: prov(`s${i}`) })),
      },
    }),
    DEFAULT_THRESHOLDS,
    contextWith(),
  ) as FindingOf<'liquidation_timing'>[];

describe('liquidation_timing', () => {
  it('one hour holding half the side is quoted alone; else the best two hours', () => {
    // Longs 10 M: 5 M at 05:00 = 50 % ≥ clusters.timingShareMin (50 %): one hour. Shorts 1 M lose.
    const [one] = run([[order(5, 5), order(1, 1), order(2, 1), order(8, 2), order(9, 1), order(3, 1, 'short')]]);
    expect(one).toMatchObject({ side: 'long', start: START + 5 * HOUR, hours: 1, notionalUsd: 5e6, shareFraction: 0.5, sideUsd: 10e6 });

    // 4 M at 05:00 and 3 M at 06:00 of 10 M: no single hour reaches half, 05:00–07:00 holds 70 %.
    // 08:00–10:00 holds 2 M: the best two-hour run wins. Identical orders from two feeds count once.
    const twice = order(6, 3, 'long', 'okx');
    const [two] = run([[order(5, 4), twice, order(8, 1), order(9, 1), order(1, 1)], [twice]]);
    expect(two).toMatchObject({ start: START + 5 * HOUR, hours: 2, notionalUsd: 7e6, shareFraction: 0.7, venues: ['binance', 'okx'] });
    // The second feed's copy added nothing: only the first is cited.
    expect(two!.paths).toEqual(['liquidations.orders[0].orders']);
  });

  it('spread over the day, or too few orders: no finding', () => {
    // Ten 1 M hours: the best two hold 20 %.
    expect(run([Array.from({ length: 10 }, (_, i) => order(i * 2, 1))])).toEqual([]);
    // Four orders, under clusters.minOrders (5).
    expect(run([[order(5, 9), order(5, 9), order(6, 1), order(7, 1)]])).toEqual([]);
  });
});
