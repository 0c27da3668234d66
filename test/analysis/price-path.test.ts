import { describe, expect, it } from 'vitest';
import { pricePathSignal } from '../../pipeline/analysis/signals/price-path.js';
import { priceMoveSignal } from '../../pipeline/analysis/signals/price-move.js';
import { FindingSchema, type FindingOf } from '../../pipeline/analysis/findings.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import type { Candle, Snapshot } from '../../kernel/snapshot/index.js';
import { DAY, HOUR, START, bar, btcDropWindow, contextWith, hourlyBars, makeSnapshot, spot } from './helpers/make-snapshot.js';

/** Daily candles (UTC days) from 2023-12-03 to 2024-01-02: closes 45,000 unless given. */
function daily(closes: Record<string, number>): Candle[] {
  const first = Date.UTC(2023, 11, 3);
  return Array.from({ length: 31 }, (_, i) => {
    const t = first + i * DAY;
    const c = closes[new Date(t).toISOString().slice(0, 10)] ?? 45000;
    return bar(t, c, c, c, c);
  });
}

function run(snapshot: Snapshot): FindingOf<'price_path'>[] {
  const moves = priceMoveSignal(snapshot, DEFAULT_THRESHOLDS, contextWith());
  return pricePathSignal(snapshot, DEFAULT_THRESHOLDS, contextWith(moves)).map((f) => {
    FindingSchema.parse(f);
    if (f.kind !== 'price_path') throw new Error('expected price_path');
    return f;
  });
}

describe('price_path', () => {
  it('finds the steepest hour, the retrace off the low and the trend before the day', () => {
    const history = daily({ '2023-12-03': 40000, '2023-12-20': 42500, '2024-01-02': 46000 });
    const [f, ...rest] = run(makeSnapshot({ prices: [spot('BTC', '1h', btcDropWindow()), spot('BTC', '1d', history)] }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ asset: 'BTC', venue: 'binance', direction: 'down', sources: ['binance'] });
    expect(f!.paths).toEqual(['prices[0].candles', 'prices[1].candles']);
    // Hour 4 opened 43,900 and closed 43,100: −800 / 43,900 = −0.0182232346…, the largest fall of any hour.
    expect(f!.steepestHour.time).toBe(START + 4 * HOUR);
    expect(f!.steepestHour.changeFraction).toBeCloseTo(-0.0182232346, 9);
    // Close 42,900 off the 41,700 low: 1,200 / 41,700 = 2.8777 %; of the 44,800 − 41,700 = 3,100 swing, 1,200 / 3,100 = 38.7 %.
    expect(f!.retrace.fromExtremeFraction).toBeCloseTo(0.0287769784, 9);
    expect(f!.retrace.shareOfSwing).toBeCloseTo(0.3870967742, 9);
    expect(f!.retrace.nearExtreme).toBe(false);
    // 2 January's 46,000 against 3 December's 40,000: +15 %, past the 10 % trend threshold.
    expect(f!.prior).toMatchObject({ days: 30, fromDate: '2023-12-03', toDate: '2024-01-02', trend: true });
    expect(f!.prior!.changeFraction).toBeCloseTo(0.15, 12);
    expect(f!.threshold).toEqual({ name: 'pricePath.trendFractionMin', value: 0.1, unit: 'fraction' });
    // The last earlier close at or below 42,900 is 20 December's 42,500 (15 days before the brief's day).
    expect(f!.closeSince).toEqual({ date: '2023-12-20', close: 42500 });
  });

  it('a close that took back under a fifth of the swing stayed near the low', () => {
    const candles = btcDropWindow();
    // Last hour closes at 42,200: (42,200 − 41,700) / 3,100 = 16.1 % < 20 %.
    candles[candles.length - 1] = bar(candles[candles.length - 1]!.t, 42800, 42950, 42150, 42200);
    const [f] = run(makeSnapshot({ prices: [spot('BTC', '1h', candles)] }));
    expect(f!.retrace.shareOfSwing).toBeCloseTo(500 / 3100, 9);
    expect(f!.retrace.nearExtreme).toBe(true);
    // No daily series: no trend and no "since".
    expect(f!.prior).toBeUndefined();
    expect(f!.closeSince).toBeUndefined();
    expect(f!.paths).toEqual(['prices[0].candles']);
  });

  it('a rising day: the strongest hour up, the pullback off the high, a trend below its threshold', () => {
    // Prior close 40,000; hour 1 +2.5 % (40,000 → 41,000) is the largest rise; high 42,000 at hour 20; close 41,580.
    const rows: [number, number, number, number][] = [
      [40000, 40200, 39900, 40000],
      [40000, 41100, 40000, 41000],
    ];
    for (let i = 2; i < 20; i++) rows.push([41000, 41300, 40900, 41200]);
    rows.push([41200, 42000, 41200, 41900]);
    for (let i = 21; i < 24; i++) rows.push([41900, 41900, 41500, 41580]);
    const candles = [bar(START - HOUR, 40000, 40100, 39900, 40000), ...hourlyBars(START, rows)];
    const history = daily({ '2023-12-03': 40000, '2024-01-02': 43000 });
    const [f] = run(makeSnapshot({ prices: [spot('BTC', '1h', candles), spot('BTC', '1d', history)] }));
    expect(f!.direction).toBe('up');
    expect(f!.steepestHour).toEqual({ time: START + HOUR, changeFraction: 0.025 });
    // 41,580 / 42,000 − 1 = −1 %; (42,000 − 41,580) / (42,000 − 39,900) = 420 / 2,100 = 20 %: not under a fifth.
    expect(f!.retrace.fromExtremeFraction).toBeCloseTo(-0.01, 12);
    expect(f!.retrace.shareOfSwing).toBeCloseTo(0.2, 12);
    expect(f!.retrace.nearExtreme).toBe(false);
    // +7.5 % over 30 days: a figure, not a trend; no threshold fired.
    expect(f!.prior).toMatchObject({ trend: false });
    expect(f!.prior!.changeFraction).toBeCloseTo(0.075, 12);
    expect(f!.threshold).toBeUndefined();
    // An up day looks for the last earlier close at or above 41,580: 2 January's 43,000, 2 days
    // before the brief's day, under the 7 days a "highest close since" needs.
    expect(f!.closeSince).toBeUndefined();
  });

  it('without the close 30 days back there is no trend; a flat day has no path', () => {
    const history = daily({}).slice(1); // starts 4 December
    const [f] = run(makeSnapshot({ prices: [spot('BTC', '1h', btcDropWindow()), spot('BTC', '1d', history)] }));
    expect(f!.prior).toBeUndefined();
    const flat = hourlyBars(
      START - HOUR,
      Array.from({ length: 25 }, () => [100, 100, 100, 100] as const),
    );
    expect(run(makeSnapshot({ prices: [spot('BTC', '1h', flat)] }))).toEqual([]);
  });
  it('finds the burst that carried most of the swing, or a steady move with none', () => {
    // btcDropWindow: hours 3–5 run from 44,500 (hour 3's open) to 42,600 (hour 5's close): 1,900 of
    // the 44,800 − 41,700 = 3,100 swing, 61.3 % ≥ burstShareMin (50 %); 42,600 / 44,500 − 1 = −4.27 %.
    // No two-hour or one-hour run does better (hours 3–4: 1,400; hour 4: 800). Eight hours closed lower.
    const [burst] = run(makeSnapshot({ prices: [spot('BTC', '1h', btcDropWindow())] }));
    expect(burst!.shape).toMatchObject({
      burst: { start: START + 3 * HOUR, hours: 3 },
      concentrated: true,
      hoursWithMove: 8,
      hours: 24,
      steady: false,
    });
    expect(burst!.shape.burst.shareOfSwing).toBeCloseTo(1900 / 3100, 9);
    expect(burst!.shape.burst.changeFraction).toBeCloseTo(42600 / 44500 - 1, 9);

    // Every hour 100 lower: any three hours move 300 of the 44,050 − 41,550 = 2,500 swing (12 %),
    // and 24 of 24 hours fell: steady.
    const falling = hourlyBars(
      START,
      Array.from({ length: 24 }, (_, i) => [44000 - 100 * i, 44050 - 100 * i, 43850 - 100 * i, 43900 - 100 * i] as const),
    );
    const [steady] = run(makeSnapshot({ prices: [spot('BTC', '1h', falling)] }));
    expect(steady!.shape).toMatchObject({ concentrated: false, hoursWithMove: 24, hours: 24, steady: true });
    expect(steady!.shape.burst.shareOfSwing).toBeCloseTo(300 / 2500, 9);

    // Fifteen hours 100 lower, then nine 50 higher: down 1,050 on the day, but 15 / 24 = 62.5 % of
    // the hours is under steadyHourShareMin (65 %): neither a burst nor steady.
    const mixed = hourlyBars(
      START,
      Array.from({ length: 24 }, (_, i) => {
        const o = i < 15 ? 44000 - 100 * i : 42500 + 50 * (i - 15);
        const c = i < 15 ? o - 100 : o + 50;
        return [o, Math.max(o, c) + 10, Math.min(o, c) - 10, c] as const;
      }),
    );
    const [neither] = run(makeSnapshot({ prices: [spot('BTC', '1h', mixed)] }));
    expect(neither!.shape).toMatchObject({ concentrated: false, hoursWithMove: 15, steady: false });
  });
  it('no steady move where a run came near a burst, or the close took back half the swing', () => {
    // Every hour falls, 100 each, except hours 20–22 (900 each): 24 of 24 hours lower, but hours
    // 20–22 move 42,000 → 39,300 = 2,700 of the 44,050 − 39,150 = 4,900 swing (55 % ≥ burstShareMin):
    // a burst, never "steady" (the ETF launch's 20:00–23:00 leg, editor's reading, session 9).
    const leg = hourlyBars(
      START,
      Array.from({ length: 24 }, (_, i) => {
        const o = 44000 - 100 * Math.min(i, 20) - 900 * Math.max(0, Math.min(i, 23) - 20);
        const c = o - (i >= 20 && i < 23 ? 900 : 100);
        return [o, o + 50, c - 50, c] as const;
      }),
    );
    const [burst] = run(makeSnapshot({ prices: [spot('BTC', '1h', leg)] }));
    expect(burst!.shape).toMatchObject({ concentrated: true, steady: false, burst: { start: START + 20 * HOUR, hours: 3 } });

    // Twenty hours 100 lower, then four 300 higher: 20 of 24 fell (83 %), no three hours near a
    // burst, but the close took back 1,200 of the 2,100 swing (57 % ≥ recoveredShareMin): not steady.
    const recovered = hourlyBars(
      START,
      Array.from({ length: 24 }, (_, i) => {
        const o = i < 20 ? 44000 - 100 * i : 42000 + 300 * (i - 20);
        const c = i < 20 ? o - 100 : o + 300;
        return [o, Math.max(o, c), Math.min(o, c), c] as const;
      }),
    );
    const [back] = run(makeSnapshot({ prices: [spot('BTC', '1h', recovered)] }));
    expect(back!.retrace.recovered).toBe(true);
    expect(back!.shape).toMatchObject({ concentrated: false, hoursWithMove: 20, steady: false });
  });
});
