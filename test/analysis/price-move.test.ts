import { describe, expect, it } from 'vitest';
import { priceMoveSignal } from '../../pipeline/analysis/signals/price-move.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import { FindingSchema } from '../../pipeline/analysis/findings.js';
import { HOUR, START, END, btcDropWindow, contextWith, flatHours, makeSnapshot, spot } from './helpers/make-snapshot.js';

const run = (snapshot = makeSnapshot()) => priceMoveSignal(snapshot, DEFAULT_THRESHOLDS, contextWith());

describe('price_move', () => {
  it('reads OHLC, change against the prior hour and the intraday drawdown', () => {
    const [f, ...rest] = run(makeSnapshot({ prices: [spot('BTC', '1h', btcDropWindow())] }));
    expect(rest).toEqual([]);
    FindingSchema.parse(f);
    if (f?.kind !== 'price_move') throw new Error('expected price_move');
    expect(f).toMatchObject({
      asset: 'BTC',
      venue: 'binance',
      start: START,
      end: END,
      open: 44000,
      high: 44800,
      highTime: START + 2 * HOUR,
      low: 41700,
      lowTime: START + 10 * HOUR,
      close: 42900,
      prevClose: 44000,
      direction: 'down',
      paths: ['prices[0].candles'],
      sources: ['binance'],
    });
    // 42,900 / 44,000 − 1 = −1,100 / 44,000 = −0.025
    expect(f.changeFraction).toBeCloseTo(-0.025, 12);
    // 41,700 / 44,800 − 1 = −3,100 / 44,800 = −0.0691964285…
    expect(f.drawdownFraction).toBeCloseTo(-0.0691964285714, 10);
    // move ratio 0.025 / 0.03 = 0.83 < drawdown ratio 0.0692 / 0.04 = 1.72991 → the drawdown threshold fired
    expect(f.threshold).toEqual({ name: 'price.drawdownFractionMin', value: 0.04, unit: 'fraction' });
    // 66 × (1 + 0.25 × 0.72991) = 78.04 → 78.0
    expect(f.importance).toBe(78);
  });

  it('flat market: zero change, flat direction, no threshold, lowest importance', () => {
    const [f] = run(makeSnapshot({ prices: [spot('BTC', '1h', flatHours(START - HOUR, 25, 100))] }));
    expect(f).toMatchObject({ changeFraction: 0, drawdownFraction: 0, direction: 'flat', importance: 19.8 }); // 66 × 0.3
    expect(f && 'threshold' in f).toBe(false);
  });

  it('without the hour before the window, the first open stands in for the prior close', () => {
    const candles = btcDropWindow().slice(1);
    candles[0] = { ...candles[0]!, o: 44100 };
    const [f] = run(makeSnapshot({ prices: [spot('BTC', '1h', candles)] }));
    // 42,900 / 44,100 − 1 = −0.0272108843…
    expect(f).toMatchObject({ prevClose: 44100, open: 44100 });
    if (f?.kind === 'price_move') expect(f.changeFraction).toBeCloseTo(-0.02721088435, 10);
  });

  it('an incomplete window (10 of 24 hours) gives no finding', () => {
    expect(run(makeSnapshot({ prices: [spot('BTC', '1h', flatHours(START, 10, 100))] }))).toEqual([]);
  });

  it('missing prices give no finding and no error', () => {
    expect(run()).toEqual([]);
  });

  it('prefers the configured venue and names an up move when the low comes first', () => {
    const up = flatHours(START - HOUR, 25, 100).map((c, i) => (i === 3 ? { ...c, l: 95 } : i === 20 ? { ...c, h: 110, c: 108 } : c));
    const [f] = run(
      makeSnapshot({ prices: [spot('BTC', '1h', flatHours(START - HOUR, 25, 50), 'zzz'), spot('BTC', '1h', up, 'binance')] }),
    );
    expect(f).toMatchObject({ venue: 'binance', direction: 'up', low: 95, high: 110, close: 100, paths: ['prices[1].candles'] });
  });
});
