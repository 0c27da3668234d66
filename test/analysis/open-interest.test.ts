import { describe, expect, it } from 'vitest';
import { openInterestSignal } from '../../pipeline/analysis/signals/open-interest.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import type { Finding } from '../../pipeline/analysis/findings.js';
import { DAY, HOUR, START, contextWith, makeSnapshot, priceMoveFinding, prov } from './helpers/make-snapshot.js';

/** A price_path finding whose burst runs `hours` hours from `start` (the rest is not read here). */
const pathWithBurst = (start: number, hours: number): Finding =>
  ({
    kind: 'price_path',
    importance: 40,
    sources: ['binance'],
    paths: ['prices[0].candles'],
    asset: 'BTC',
    venue: 'binance',
    direction: 'down',
    steepestHour: { time: start, changeFraction: -0.02 },
    retrace: { fromExtremeFraction: 0.01, shareOfSwing: 0.1, nearExtreme: true, recovered: false },
    shape: {
      burst: { start, hours, changeFraction: -0.03, shareOfSwing: 0.6 },
      concentrated: true,
      hoursWithMove: 14,
      hours: 24,
      steady: false,
    },
  }) as Finding;

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

  it("the coins closed in the price path's burst: 20:00–23:00 after the window opens holds 63 % of the day's", () => {
    // Burst start: Binance 237,500 (its +10 h point) + OKX 125,000 (its −1 h point) = 362,500;
    // end (+23 h): 227,500 + 113,750 = 341,250. 341,250 / 362,500 − 1 = −5.86 %; the day lost
    // 375,000 − 341,250 = 33,750 coins, 21,250 of them in the burst: 21,250 / 33,750 = 62.96 %.
    const [f] = openInterestSignal(
      makeSnapshot({ openInterest: FALLING }),
      DEFAULT_THRESHOLDS,
      contextWith([priceMoveFinding('BTC', -0.04), pathWithBurst(START + 20 * HOUR, 3)]),
    );
    if (f?.kind !== 'open_interest_change') throw new Error('expected open_interest_change');
    expect(f.burst).toEqual({
      start: START + 20 * HOUR,
      hours: 3,
      changeFraction: expect.closeTo(-0.058621, 6),
      shareOfChange: expect.closeTo(0.62963, 5),
      inBurst: true,
    });
    // 08:00–11:00: 375,000 → 362,500, 12,500 of 33,750 = 37 %: under openInterest.burstShareMin (50 %).
    const [early] = openInterestSignal(
      makeSnapshot({ openInterest: FALLING }),
      DEFAULT_THRESHOLDS,
      contextWith([priceMoveFinding('BTC', -0.04), pathWithBurst(START + 8 * HOUR, 3)]),
    );
    expect(early?.kind === 'open_interest_change' && early.burst).toMatchObject({
      shareOfChange: expect.closeTo(0.37037, 5),
      inBurst: false,
    });
    // Without the price fall there is no deleveraging, so no "in the slide" either.
    const [still] = openInterestSignal(
      makeSnapshot({ openInterest: FALLING }),
      DEFAULT_THRESHOLDS,
      contextWith([pathWithBurst(START + 20 * HOUR, 3)]),
    );
    expect(still?.kind === 'open_interest_change' && still.burst?.inBurst).toBe(false);
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
