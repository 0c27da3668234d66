import { describe, expect, it } from 'vitest';
import { liquidationsSignal } from '../../pipeline/analysis/signals/liquidations.js';
import { liquidationHeadline } from '../../pipeline/analysis/signals/liquidation-headline.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import type { SnapshotInput } from '../../kernel/snapshot/schema.js';
import { DAY, END, START, contextWith, datesEnding, makeSnapshot, prov } from './helpers/make-snapshot.js';

type Totals = NonNullable<SnapshotInput['liquidations']>['totals'][number];
const totals = (
  source: string,
  totalUsd: number,
  longUsd: number,
  coverage: 'complete' | 'lower-bound' = 'complete',
  start = START,
): Totals => ({
  source,
  start,
  end: start + DAY,
  totalUsd,
  longUsd,
  shortUsd: totalUsd - longUsd,
  coverage,
  provenance: prov(source),
});

/** Coinglass daily totals 2023-12-05 … 2024-01-03: 15 days at 150 M and 15 at 170 M (median 160 M), plus the brief day itself. */
function coinglassHistory() {
  const daily = datesEnding('2024-01-03', 30).map((date, i) => ({
    date,
    totalUsd: i % 2 ? 1.5e8 : 1.7e8,
    longUsd: 1e8,
    shortUsd: i % 2 ? 0.5e8 : 0.7e8,
  }));
  daily.push({ date: '2024-01-04', totalUsd: 1.262e9, longUsd: 9.16212e8, shortUsd: 3.45788e8 });
  return { source: 'coinglass', daily, provenance: prov('coinglass') };
}

const run = (liquidations: SnapshotInput['liquidations']) =>
  liquidationsSignal(makeSnapshot({ liquidations }), DEFAULT_THRESHOLDS, contextWith());

describe('liquidations', () => {
  it('range over complete sources, lower bound flagged, multiple of the 30-day median', () => {
    const [f, ...rest] = run({
      totals: [
        totals('coinglass', 1.262e9, 9.16212e8), // 72.6 % long
        totals('collector', 4.1e8, 3e8, 'lower-bound'),
        totals('coinank', 1.2e9, 8.4e8), // 70 % long
      ],
      history: [coinglassHistory()],
      orders: [],
    });
    expect(rest).toEqual([]);
    if (f?.kind !== 'liquidations') throw new Error('expected liquidations');
    expect(f.perSource.map((p) => [p.source, p.coverage])).toEqual([
      ['coinank', 'complete'],
      ['coinglass', 'complete'],
      ['collector', 'lower-bound'],
    ]);
    expect(f.perSource[1]?.longFraction).toBeCloseTo(0.726, 12); // 916.212 M / 1,262 M
    expect(f.perSource[2]?.longFraction).toBeCloseTo(0.731707317, 8); // 300 / 410, listed but outside the range
    expect(f.totalRangeUsd).toEqual({ low: 1.2e9, high: 1.262e9 });
    expect(f.longFractionRange.low).toBeCloseTo(0.7, 12);
    expect(f.longFractionRange.high).toBeCloseTo(0.726, 12);
    // The brief day's own history row is excluded: median of 15 × 150 M and 15 × 170 M = 160 M.
    expect(f).toMatchObject({
      median30dUsd: 1.6e8,
      medianSource: 'coinglass',
      medianDays: 30,
      longDominant: true,
      lowerBound: true,
      start: START,
      end: END,
    });
    expect(f.multipleOfMedian).toBeCloseTo(7.8875, 10); // 1,262 / 160
    expect(f.threshold).toEqual({ name: 'liquidations.multipleOfMedianMin', value: 3, unit: 'multiple' });
    // ratio 7.8875 / 3 = 2.6292 → 64 × (1 + 0.25 × 1.6292) = 90.07 → 90.1
    expect(f.importance).toBe(90.1);
    expect(f.paths).toEqual([
      'liquidations.totals[2]',
      'liquidations.totals[0]',
      'liquidations.totals[1]',
      'liquidations.history[0].daily',
    ]);
  });

  it('only a lower-bound source: the range comes from it and is flagged; short history gives no median', () => {
    const [f] = run({
      totals: [totals('collector', 4.1e8, 1.23e8, 'lower-bound')],
      history: [{ ...coinglassHistory(), source: 'collector', daily: coinglassHistory().daily.slice(0, 5) }],
      orders: [],
    });
    expect(f).toMatchObject({ totalRangeUsd: { low: 4.1e8, high: 4.1e8 }, lowerBound: true, longDominant: false });
    expect(f && 'median30dUsd' in f).toBe(false);
    expect(f && 'threshold' in f).toBe(false);
    // 123 / 410 = 0.3 long; ratio 0.3 / 0.6 = 0.5 → 64 × (0.3 + 0.2) = 32
    expect(f?.importance).toBe(32);
  });

  it('no liquidations (zero totals), no sources, or totals for another day: no finding', () => {
    expect(run({ totals: [totals('coinglass', 0, 0)], history: [], orders: [] })).toEqual([]);
    expect(run({ totals: [], history: [], orders: [] })).toEqual([]);
    expect(run({ totals: [totals('coinglass', 1e9, 7e8, 'complete', START - DAY)], history: [], orders: [] })).toEqual([]);
  });

  it('market-wide and per-asset totals are separate findings; a zero median gives no multiple', () => {
    const out = run({
      totals: [totals('coinglass', 1e9, 7e8), { ...totals('coinglass', 4e8, 3e8), asset: 'BTC' }],
      history: [
        { ...coinglassHistory(), daily: datesEnding('2024-01-03', 10).map((date) => ({ date, totalUsd: 0, longUsd: 0, shortUsd: 0 })) },
      ],
      orders: [],
    });
    expect(out.map((f) => (f.kind === 'liquidations' ? (f.asset ?? 'ALL') : ''))).toEqual(['ALL', 'BTC']);
    expect(out[0] && 'multipleOfMedian' in out[0]).toBe(false);
  });
});

describe('liquidation scope: market-wide and named venues', () => {
  it('a market-wide total leads; a per-asset total over three exchanges is its part and keeps the venues', () => {
    const market = { ...totals('coinglass', 2.4e9, 1.8e9), scope: 'market-wide' as const };
    const btc = {
      ...totals('coinglass', 1.26e9, 9.5e8),
      asset: 'BTC',
      scope: 'exchanges' as const,
      exchanges: ['Binance', 'OKX', 'Bybit'],
    };
    const findings = run({ totals: [market, btc], history: [], orders: [] });
    const perAsset = findings.find((f) => f.kind === 'liquidations' && f.asset === 'BTC');
    if (perAsset?.kind !== 'liquidations') throw new Error('expected the BTC finding');
    expect(perAsset.perSource[0]!.exchanges).toEqual(['Binance', 'OKX', 'Bybit']);
    const headline = liquidationHeadline(findings, ['BTC'])!;
    expect(headline.scope).toBe('market');
    // 2.4e9 total; the BTC part 1.26e9 ≤ 2.4e9 (9.5e8 / 1.26e9 = 0.753968254 long), over its three exchanges.
    expect(headline.totalRangeUsd).toEqual({ low: 2.4e9, high: 2.4e9 });
    expect(headline.parts).toEqual([
      {
        asset: 'BTC',
        source: 'coinglass',
        totalUsd: 1.26e9,
        longFraction: 0.753968254,
        coverage: 'complete',
        exchanges: ['Binance', 'OKX', 'Bybit'],
      },
    ]);
  });
});
