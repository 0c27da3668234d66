import { describe, expect, it } from 'vitest';
import { densestRun, liquidationClusterSignal } from '../../pipeline/analysis/signals/liquidation-clusters.js';
import { DEFAULT_THRESHOLDS, ThresholdsSchema } from '../../kernel/thresholds.js';
import type { LiquidationOrder } from '../../kernel/snapshot/schema.js';
import type { Finding, PriceMove } from '../../pipeline/analysis/findings.js';
import { HOUR, START, contextWith, makeSnapshot, priceMoveFinding, prov } from './helpers/make-snapshot.js';

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

/** A price move for ETH whose traded range is [low, high]. */
const ethMove = (low: number, high: number): Finding => ({
  ...(priceMoveFinding('ETH', -0.05) as PriceMove),
  low,
  high,
  open: high,
  close: low,
  prevClose: high,
});

describe('liquidation_cluster', () => {
  // Longs 9.5 M (shorts 0.5 M are the other side and left out). Median long price (2,230 + 2,250) / 2
  // = 2,240 → bins 5.6 wide: 2100→375, 2215→395, 2230→398, 2250→401, 2270→405, 2288→408.
  it('default: the narrowest band holding 80 % of the long notional, fill prices', () => {
    const [f, ...rest] = liquidationClusterSignal(snapshotWith([ORDERS]), DEFAULT_THRESHOLDS, contextWith([ethMove(2150, 2600)]));
    expect(rest).toEqual([]);
    // Target 7.6 M: 395..405 (1+2+3+2 = 8 M, span 11) ties 398..408 (2+3+2+1 = 8 M, span 11) → the lower.
    // Prices 2,215..2,270 → 2,210..2,270.
    expect(f).toMatchObject({
      kind: 'liquidation_cluster',
      asset: 'ETH',
      side: 'long',
      band: { low: 2210, high: 2270 },
      notionalUsd: 8e6,
      orderCount: 4,
      priceKind: 'fill',
      venues: ['binance'],
      reachedByPrice: true,
      paths: ['liquidations.orders[0].orders'],
    });
    expect(f?.kind === 'liquidation_cluster' && f.shareFraction).toBeCloseTo(8 / 9.5, 9);
  });

  it('half the notional gives a narrower band; a band below the traded low was never reached', () => {
    const t = ThresholdsSchema.parse({ clusters: { minShareFraction: 0.5 } });
    const [f] = liquidationClusterSignal(snapshotWith([ORDERS]), t, contextWith([ethMove(2300, 2600)]));
    // Target 4.75 M: 398..401 (2 + 3 = 5 M, span 4) beats 401..405 (span 5) and 395..401 (span 7).
    expect(f).toMatchObject({ band: { low: 2230, high: 2250 }, notionalUsd: 5e6, orderCount: 2, reachedByPrice: false });
  });

  it('bankruptcy prices only when too few fill prices; a fill-price venue is preferred', () => {
    const okx = ORDERS.map((o) => ({ ...o, venue: 'okx', symbol: 'ETH-USDT-SWAP' }));
    const [b] = liquidationClusterSignal(snapshotWith([okx]), DEFAULT_THRESHOLDS, contextWith());
    expect(b).toMatchObject({ priceKind: 'bankruptcy', venues: ['okx'], band: { low: 2210, high: 2270 }, reachedByPrice: false });
    // Six Binance longs plus OKX orders far below: the OKX bankruptcy prices are left out.
    const far = [order(1900, 5e6), order(1905, 5e6)].map((o) => ({ ...o, venue: 'okx' }));
    const [m] = liquidationClusterSignal(snapshotWith([[...ORDERS, ...far]]), DEFAULT_THRESHOLDS, contextWith());
    expect(m).toMatchObject({ priceKind: 'fill', venues: ['binance'], band: { low: 2210, high: 2270 } });
  });

  it('counts an order reported by two sources once; the side with more notional is banded alone', () => {
    const shorts = [2250, 2252, 2254, 2256, 2258].map((p) => order(p, 2e6, 'short'));
    const mixed = [...shorts, order(2100, 1e6), order(2400, 1e6)];
    const [f] = liquidationClusterSignal(snapshotWith([mixed, [shorts[0]!]]), DEFAULT_THRESHOLDS, contextWith());
    // Shorts 10 M (the duplicate dropped) against longs 2 M: the band is the shorts' 2,250..2,258.
    expect(f).toMatchObject({ side: 'short', notionalUsd: 10e6, orderCount: 5, band: { low: 2250, high: 2260 }, shareFraction: 1 });
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
