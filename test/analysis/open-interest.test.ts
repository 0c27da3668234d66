import { describe, expect, it } from 'vitest';
import { openInterestSignal } from '../../pipeline/analysis/signals/open-interest.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import { DAY, HOUR, START, contextWith, makeSnapshot, priceMoveFinding, prov } from './helpers/make-snapshot.js';

/** Points [time, USD, coins?]: coins only where given. */
const series = (venue: string, points: ([number, number] | [number, number, number])[]) => ({
  venue,
  symbol: 'BTCUSDT',
  asset: 'BTC',
  history: points.map(([time, oiUsd, oiBase]) => ({ time, oiUsd, ...(oiBase === undefined ? {} : { oiBase }) })),
  provenance: prov(venue),
});
// At 40,000 USD per coin throughout: coins and dollars both fall 9 %.
const FALLING = [
  series('binance', [
    [START - 10 * DAY, 12e9, 300_000],
    [START - 2 * HOUR, 10e9, 250_000],
    [START + 10 * HOUR, 9.5e9, 237_500],
    [START + 23 * HOUR, 9.1e9, 227_500],
    [START + 30 * HOUR, 1e9, 25_000],
  ]),
  series('okx', [
    [START - HOUR, 5e9, 125_000],
    [START + 23 * HOUR, 4.55e9, 113_750],
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
    // Coins 375,000 → 341,250, also −9 %; 33,750 coins closed at 40,000 = 1.35 bn.
    expect(f).toMatchObject({
      totalPriorUsd: 15e9,
      totalCurrentUsd: 13.65e9,
      totalPriorBase: 375_000,
      totalCurrentBase: 341_250,
      measure: 'coins',
      closedUsd: 1.35e9,
      deleveraging: true,
    });
    expect(f.usdChangeFraction).toBeCloseTo(-0.09, 12);
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

  it('dollars down 9 % on a 12 % price fall while the coins held rose 3 %: no deleveraging (the ETF launch’s case)', () => {
    // 250,000 coins at 40,000 = 10 bn → 257,500 coins at 35,340 = 9.10005 bn (−0.089995).
    const repriced = [
      series('binance', [
        [START - HOUR, 10e9, 250_000],
        [START + 23 * HOUR, 257_500 * 35_340, 257_500],
      ]),
    ];
    const [f] = openInterestSignal(
      makeSnapshot({ openInterest: repriced }),
      DEFAULT_THRESHOLDS,
      contextWith([priceMoveFinding('BTC', -0.12)]),
    );
    if (f?.kind !== 'open_interest_change') throw new Error('expected open_interest_change');
    // +3 % is beyond openInterest.flatFractionMax (1 %): not flat, and not a drop either.
    expect(f).toMatchObject({ measure: 'coins', deleveraging: false, flat: false });
    expect(f.changeFraction).toBeCloseTo(0.03, 12);
    expect(f.usdChangeFraction).toBeCloseTo(-0.089995, 9);
    expect(f.closedUsd).toBeCloseTo(-7_500 * 35_340, 3);
    expect(f.threshold).toBeUndefined();
  });

  it('without coins held the change is the dollars’ and no deleveraging is read from it', () => {
    const dollarsOnly = FALLING.map((s) => ({ ...s, history: s.history.map(({ time, oiUsd }) => ({ time, oiUsd })) }));
    const [f] = openInterestSignal(
      makeSnapshot({ openInterest: dollarsOnly }),
      DEFAULT_THRESHOLDS,
      contextWith([priceMoveFinding('BTC', -0.04)]),
    );
    if (f?.kind !== 'open_interest_change') throw new Error('expected open_interest_change');
    expect(f).toMatchObject({ measure: 'usd', deleveraging: false });
    expect(f.changeFraction).toBeCloseTo(-0.09, 12);
    expect(f).not.toHaveProperty('closedUsd');
  });

  it('the start of the day is the point at the window’s start when there is one, not the hour before', () => {
    const atStart = [
      series('binance', [
        [START - HOUR, 11e9, 275_000],
        [START, 10e9, 250_000],
        [START + 23 * HOUR, 9e9, 225_000],
      ]),
    ];
    const [f] = openInterestSignal(
      makeSnapshot({ openInterest: atStart }),
      DEFAULT_THRESHOLDS,
      contextWith([priceMoveFinding('BTC', -0.04)]),
    );
    expect(f).toMatchObject({ totalPriorUsd: 10e9, totalPriorBase: 250_000, totalCurrentBase: 225_000 });
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
