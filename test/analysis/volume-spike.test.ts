import { describe, expect, it } from 'vitest';
import { volumeSpikeSignal } from '../../pipeline/analysis/signals/volume-spike.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import type { Candle } from '../../kernel/snapshot/schema.js';
import { DAY, HOUR, START, bar, contextWith, makeSnapshot, perp } from './helpers/make-snapshot.js';

/**
 * binance (quote volume): 30 prior days at 100 USD/hour, except the prior day at 200/hour and
 * one hour 5 days back at 5,000; the window at 300/hour with one hour at 6,000.
 */
function binance(): Candle[] {
  const out: Candle[] = [];
  for (let t = START - 30 * DAY; t < START + DAY; t += HOUR) {
    let qv = t >= START ? 300 : t >= START - DAY ? 200 : 100;
    if (t === START - 4 * DAY - 5 * HOUR) qv = 5000;
    if (t === START + 5 * HOUR) qv = 6000;
    out.push(bar(t, 100, 100, 100, 100, 1, qv));
  }
  return out;
}

/** okx (no quote volume, base × close): prior day 1 × 100 per hour, window 2 × 100; no older history. */
function okx(): Candle[] {
  const out: Candle[] = [];
  for (let t = START - DAY; t < START + DAY; t += HOUR) out.push(bar(t, 100, 100, 100, 100, t >= START ? 2 : 1));
  return out;
}

describe('volume_spike', () => {
  it('day vs prior day and 30-day average, month-peak hour', () => {
    const [f] = volumeSpikeSignal(
      makeSnapshot({ perpetuals: [perp('BTC', binance()), perp('BTC', okx(), 'okx')] }),
      DEFAULT_THRESHOLDS,
      contextWith(),
    );
    if (f?.kind !== 'volume_spike') throw new Error('expected volume_spike');
    const [b, o] = f.perVenue;
    // Day 23 × 300 + 6,000 = 12,900; prior day 24 × 200 = 4,800; 12,900 / 4,800 − 1 = 1.6875.
    expect(b).toMatchObject({ venue: 'binance', dayVolumeUsd: 12900, prevDayVolumeUsd: 4800, changeVsPrevFraction: 1.6875 });
    // 30 blocks: 4,800 + (23 × 100 + 5,000 = 7,300) + 28 × 2,400 = 79,300 → 2,643.33; 12,900 / 2,643.33 = 4.8802…
    expect(b?.avg30dUsd).toBeCloseTo(79300 / 30, 6);
    expect(b?.multipleOf30dAvg).toBeCloseTo(387000 / 79300, 8);
    expect(b).toMatchObject({ peakHour: { time: START + 5 * HOUR, volumeUsd: 6000 }, max30dHourlyUsd: 5000, isMonthPeak: true });
    // okx: 24 × 200 = 4,800 vs 24 × 100 = 2,400 → +100 %; one day of history: no average, no month peak.
    expect(o).toMatchObject({ venue: 'okx', dayVolumeUsd: 4800, prevDayVolumeUsd: 2400, changeVsPrevFraction: 1, isMonthPeak: false });
    expect(o && 'avg30dUsd' in o).toBe(false);
    expect(o && 'max30dHourlyUsd' in o).toBe(false);
    expect(f).toMatchObject({
      changeVsPrevRange: { low: 1, high: 1.6875 },
      venuesAtMonthPeak: ['binance'],
      threshold: { name: 'volume.changeVsPrevMin', value: 0.25, unit: 'fraction' },
      importance: 75, // 1.6875 / 0.25 = 6.75 → capped 1.5 × 50
      paths: ['perpetuals[0].candles', 'perpetuals[1].candles'],
    });
  });

  it('flat volume: reported without a threshold; zero prior volume or an incomplete window: nothing', () => {
    const flat: Candle[] = [];
    for (let t = START - 8 * DAY; t < START + DAY; t += HOUR) flat.push(bar(t, 100, 100, 100, 100, 1, 100));
    const [f] = volumeSpikeSignal(makeSnapshot({ perpetuals: [perp('BTC', flat)] }), DEFAULT_THRESHOLDS, contextWith());
    // change 0, multiple 1 → ratios 0 and 1/1.5 = 0.667 → 50 × (0.3 + 0.4 × 0.667) = 28.3
    expect(f).toMatchObject({ changeVsPrevRange: { low: 0, high: 0 }, venuesAtMonthPeak: [], importance: 28.3 });
    expect(f && 'threshold' in f).toBe(false);

    const zeroPrior = flat.map((c) => (c.t < START && c.t >= START - DAY ? { ...c, v: 0, qv: 0 } : c));
    expect(volumeSpikeSignal(makeSnapshot({ perpetuals: [perp('BTC', zeroPrior)] }), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
    const partial = flat.filter((c) => c.t < START + 10 * HOUR);
    expect(volumeSpikeSignal(makeSnapshot({ perpetuals: [perp('BTC', partial)] }), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
    expect(volumeSpikeSignal(makeSnapshot(), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
  });

  it('a rise off a thin day is no spike when the day is near its 30-day average (the 5 July 2024 case)', () => {
    // 29 days at 100 USD/hour, a thin day before at 70, the window at 100: +42.9 % on the day before,
    // 100 × 24 / ((29 × 2,400 + 1,680) / 30) = 2,400 / 2,376 = 1.0101× the average, under 1.25×.
    const candles: Candle[] = [];
    for (let t = START - 30 * DAY; t < START + DAY; t += HOUR)
      candles.push(bar(t, 100, 100, 100, 100, 1, t >= START - DAY && t < START ? 70 : 100));
    const [f] = volumeSpikeSignal(makeSnapshot({ perpetuals: [perp('BTC', candles)] }), DEFAULT_THRESHOLDS, contextWith());
    if (f?.kind !== 'volume_spike') throw new Error('expected volume_spike');
    expect(f.perVenue[0]!.changeVsPrevFraction).toBeCloseTo(30 / 70, 6);
    expect(f.perVenue[0]!.multipleOf30dAvg).toBeCloseTo(2400 / 2376, 6);
    expect('threshold' in f).toBe(false);
    // With the floor lowered to 1×, the same day is a spike on the day-before rise.
    const lower = { ...DEFAULT_THRESHOLDS, volume: { ...DEFAULT_THRESHOLDS.volume, changeNeedsAvgMultipleMin: 1 } };
    const [g] = volumeSpikeSignal(makeSnapshot({ perpetuals: [perp('BTC', candles)] }), lower, contextWith());
    expect(g).toMatchObject({ threshold: { name: 'volume.changeVsPrevMin', value: 0.25, unit: 'fraction' } });
  });
});
