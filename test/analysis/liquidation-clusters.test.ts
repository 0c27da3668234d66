import { describe, expect, it } from 'vitest';
import { densestRun, liquidationClusterSignal } from '../../pipeline/analysis/signals/liquidation-clusters.js';
import { DEFAULT_THRESHOLDS, ThresholdsSchema } from '../../pipeline/analysis/thresholds.js';
import type { LiquidationOrder } from '../../pipeline/snapshot/schema.js';
import { HOUR, START, contextWith, makeSnapshot, prov } from './helpers/make-snapshot.js';

const order = (price: number, notionalUsd: number, side: 'long' | 'short' = 'long', time = START + HOUR): LiquidationOrder => ({
  venue: 'binance',
  symbol: 'ETHUSDT',
  asset: 'ETH',
  side,
  price,
  quantity: notionalUsd / price,
  notionalUsd,
  time,
});

/** Total 10 M; median price 2,250 → bins 5.625 wide: 2100→373, 2215→393, 2230→396, 2250→400, 2270→403, 2288→406, 2400→426. */
const ORDERS = [
  order(2215, 1e6),
  order(2230, 2e6),
  order(2250, 3e6),
  order(2270, 2e6),
  order(2288, 1e6),
  order(2400, 0.5e6, 'short'),
  order(2100, 0.5e6),
];
const snapshotWith = (sets: LiquidationOrder[][]) =>
  makeSnapshot({
    assets: ['ETH'],
    liquidations: {
      totals: [],
      history: [],
      orders: sets.map((orders, i) => ({ source: `s${i}`, coverage: 'lower-bound', orders, provenance: prov(`s${i}`) })),
    },
  });

describe('liquidation_cluster', () => {
  it('narrowest band holding half the notional', () => {
    const [f, ...rest] = liquidationClusterSignal(snapshotWith([ORDERS]), DEFAULT_THRESHOLDS, contextWith());
    expect(rest).toEqual([]);
    // Target 5 M: bins 400..403 (2,250 + 2,270 = 5 M) span 4 bins, narrower than 396..400 (span 5).
    expect(f).toMatchObject({
      kind: 'liquidation_cluster',
      asset: 'ETH',
      side: 'long',
      band: { low: 2250, high: 2270 },
      notionalUsd: 5e6,
      orderCount: 2,
      shareFraction: 0.5,
      importance: 40, // share 0.5 / 0.5 = ratio 1 → base
      paths: ['liquidations.orders[0].orders'],
    });
  });

  it('a larger share widens the band, rounded outward to tens', () => {
    const t = ThresholdsSchema.parse({ clusters: { minShareFraction: 0.8 } });
    const [f] = liquidationClusterSignal(snapshotWith([ORDERS]), t, contextWith());
    // Target 8 M: 393..403 (1+2+3+2 = 8 M, span 11) ties 396..406 on span and notional → the lower band.
    // Prices 2,215..2,270 → 2,210..2,270.
    expect(f).toMatchObject({ band: { low: 2210, high: 2270 }, notionalUsd: 8e6, orderCount: 4, shareFraction: 0.8 });
  });

  it('counts an order reported by two sources once; mixed sides give "both"', () => {
    const mixed = [order(2250, 3e6), order(2252, 3e6, 'short'), order(2500, 1e6), order(2000, 1e6), order(2600, 1e6)];
    const [f] = liquidationClusterSignal(snapshotWith([mixed, [mixed[0]!]]), DEFAULT_THRESHOLDS, contextWith());
    // Total 9 M (the duplicate dropped); the 2,250/2,252 bin holds 6 M = 2/3, longs 50 % → both.
    expect(f).toMatchObject({ side: 'both', notionalUsd: 6e6, orderCount: 2, band: { low: 2250, high: 2260 } });
    expect(f?.kind === 'liquidation_cluster' && f.shareFraction).toBeCloseTo(2 / 3, 9);
  });

  it('too few orders, orders outside the window, a band too wide: no cluster', () => {
    expect(liquidationClusterSignal(snapshotWith([ORDERS.slice(0, 4)]), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
    expect(
      liquidationClusterSignal(snapshotWith([ORDERS.map((o) => ({ ...o, time: START - HOUR }))]), DEFAULT_THRESHOLDS, contextWith()),
    ).toEqual([]);
    const narrow = ThresholdsSchema.parse({ clusters: { maxBandWidthFraction: 0.001 } });
    expect(liquidationClusterSignal(snapshotWith([ORDERS]), narrow, contextWith())).toEqual([]);
    expect(liquidationClusterSignal(makeSnapshot(), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
  });

  it('densestRun on bins', () => {
    const bins = [
      { key: 1, orders: [], notional: 5 },
      { key: 2, orders: [], notional: 1 },
      { key: 9, orders: [], notional: 4 },
      { key: 10, orders: [], notional: 4 },
    ];
    expect(densestRun(bins, 8)).toEqual({ first: 2, last: 3, notional: 8 });
    expect(densestRun(bins, 20)).toBeUndefined();
  });
});
