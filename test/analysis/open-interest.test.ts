import { describe, expect, it } from 'vitest';
import { openInterestSignal } from '../../pipeline/analysis/signals/open-interest.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import { DAY, HOUR, START, contextWith, makeSnapshot, priceMoveFinding, prov } from './helpers/make-snapshot.js';

const series = (venue: string, points: [number, number][]) => ({
  venue,
  symbol: 'BTCUSDT',
  asset: 'BTC',
  history: points.map(([time, oiUsd]) => ({ time, oiUsd })),
  provenance: prov(venue),
});
const FALLING = [
  series('binance', [
    [START - 10 * DAY, 12e9],
    [START - 2 * HOUR, 10e9],
    [START + 10 * HOUR, 9.5e9],
    [START + 23 * HOUR, 9.1e9],
    [START + 30 * HOUR, 1e9],
  ]),
  series('okx', [
    [START - HOUR, 5e9],
    [START + 23 * HOUR, 4.55e9],
  ]),
];

describe('open_interest_change', () => {
  it('open interest down 9 % while price fell: deleveraging', () => {
    const [f] = openInterestSignal(
      makeSnapshot({ openInterest: FALLING }),
      DEFAULT_THRESHOLDS,
      contextWith([priceMoveFinding('BTC', -0.04)]),
    );
    if (f?.kind !== 'open_interest_change') throw new Error('expected open_interest_change');
    // 15 bn → 13.65 bn: 13.65 / 15 − 1 = −0.09; the point after the window (1 bn) is ignored.
    expect(f).toMatchObject({ totalPriorUsd: 15e9, totalCurrentUsd: 13.65e9, deleveraging: true });
    expect(f.changeFraction).toBeCloseTo(-0.09, 12);
    expect(f.perVenue[0]).toMatchObject({ venue: 'binance', priorUsd: 10e9, currentUsd: 9.1e9, peakUsd: 12e9, peakTime: START - 10 * DAY });
    expect(f.perVenue[0]?.changeFraction).toBeCloseTo(-0.09, 12);
    expect(f.threshold).toEqual({ name: 'openInterest.dropFractionMin', value: 0.05, unit: 'fraction' });
    // 0.09 / 0.05 = 1.8 × 1.2 = 2.16 → 50 × 1.29 = 64.5
    expect(f.importance).toBe(64.5);
  });

  it('without a price move there is no deleveraging call; rising open interest fires nothing', () => {
    const [f] = openInterestSignal(makeSnapshot({ openInterest: FALLING }), DEFAULT_THRESHOLDS, contextWith());
    expect(f).toMatchObject({ deleveraging: false, importance: 60 }); // ratio 1.8 → 50 × (1 + 0.25 × 0.8)
    const rising = [
      series('binance', [
        [START - HOUR, 10e9],
        [START + 20 * HOUR, 11e9],
      ]),
    ];
    const [g] = openInterestSignal(
      makeSnapshot({ openInterest: rising }),
      DEFAULT_THRESHOLDS,
      contextWith([priceMoveFinding('BTC', 0.03)]),
    );
    // +10 %: ratio held at 0.99 → 50 × (0.3 + 0.396) = 34.8
    expect(g).toMatchObject({ deleveraging: false, importance: 34.8 });
    expect(g && 'threshold' in g).toBe(false);
  });

  it('zero prior open interest or no point before the window: nothing', () => {
    const zero = [
      series('binance', [
        [START - HOUR, 0],
        [START + HOUR, 5e9],
      ]),
    ];
    expect(openInterestSignal(makeSnapshot({ openInterest: zero }), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
    const late = [series('binance', [[START + HOUR, 5e9]])];
    expect(openInterestSignal(makeSnapshot({ openInterest: late }), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
  });
});
