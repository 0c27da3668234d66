/**
 * The eve's extreme (signals/eve-extreme.ts) on hand-made candles: a fresh multi-week high set in
 * the 24 hours before the window, which a down day closed well below — and the cases that are not
 * one (a high the day itself beat, one beaten within 30 days, a small give-back, a short sample).
 */
import { describe, expect, it } from 'vitest';
import { eveExtreme } from '../../pipeline/analysis/signals/eve-extreme.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import type { Candle } from '../../kernel/snapshot/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// The brief day 12 January 2024 in UTC+8 opens at 11 January 16:00 UTC.
const START = Date.parse('2024-01-11T16:00:00Z');
const T = DEFAULT_THRESHOLDS.pricePath;

function candle(t: number, h: number, l = h - 100): Candle {
  return { t, o: l, h, l, c: l, v: 1 };
}

/** Hourly candles for the 30 hours before the window, high 46,000, with `peaks[hoursBefore]` = high. */
function eveHours(peaks: Record<number, number>): Candle[] {
  return Array.from({ length: 30 }, (_, i) => 30 - i).map((before) => candle(START - before * HOUR, peaks[before] ?? 46_000));
}

/** Daily candles (UTC days) from `first` to 10 January, highs 47,000 but for `highs[date]`. */
function days(first: string, highs: Record<string, number> = {}): Candle[] {
  const out: Candle[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse('2024-01-10T00:00:00Z'); t += DAY) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push(candle(t, highs[date] ?? 47_000));
  }
  return out;
}

const base = { windowStart: START, down: true, dayHigh: 46_733, dayLow: 42_865, close: 43_120.4, thresholds: T };

describe('eveExtreme', () => {
  it('finds the peak 3 hours before the window: 43,120.4 / 48,988 − 1 = −11.98 %, highest since at least the sample start', () => {
    const e = eveExtreme({ ...base, hourly: eveHours({ 3: 48_988 }), closedDays: days('2023-11-01') });
    expect(e).toMatchObject({
      time: START - 3 * HOUR, // 11 January 13:00 UTC = 21:00 UTC+8
      price: 48_988,
      closeChangeFraction: expect.closeTo(-0.11978, 5),
      sampleStart: '2023-11-01',
    });
  });

  it('keeps a scheduled release inside the peak hour: CPI at 13:30 UTC in the 13:00 UTC hour, none in the hour after', () => {
    const cpi = {
      date: '2024-01-11',
      time: Date.parse('2024-01-11T13:30:00Z'),
      kind: 'cpi' as const,
      name: { zh: '美国 CPI 数据公布', en: 'the US CPI release' },
      url: 'https://www.bls.gov/schedule/news_release/cpi.htm',
    };
    const e = eveExtreme({ ...base, hourly: eveHours({ 3: 48_988 }), closedDays: days('2023-11-01'), calendar: [cpi] });
    expect(e?.release).toEqual({ time: cpi.time, name: cpi.name, url: cpi.url });
    const later = eveExtreme({ ...base, hourly: eveHours({ 2: 48_988 }), closedDays: days('2023-11-01'), calendar: [cpi] });
    expect(later && 'release' in later).toBe(false);
  });

  it('names the last daily high above it when that is at least 30 days back', () => {
    // 49,500 on 1 December: 41 days before the peak's UTC day (11 January).
    const e = eveExtreme({ ...base, hourly: eveHours({ 3: 48_988 }), closedDays: days('2023-11-01', { '2023-12-01': 49_500 }) });
    expect(e?.since).toBe('2023-12-01');
  });

  it('is not fresh when a daily high above it is under 30 days old (20 December: 22 days)', () => {
    expect(
      eveExtreme({ ...base, hourly: eveHours({ 3: 48_988 }), closedDays: days('2023-11-01', { '2023-12-20': 49_500 }) }),
    ).toBeUndefined();
  });

  it('is not fresh on a sample shorter than 30 days', () => {
    expect(eveExtreme({ ...base, hourly: eveHours({ 3: 48_988 }), closedDays: days('2023-12-20') })).toBeUndefined();
  });

  it('looks back 24 hours only: a peak 26 hours before is outside', () => {
    expect(eveExtreme({ ...base, hourly: eveHours({ 26: 48_988 }), closedDays: days('2023-11-01') })).toBeUndefined();
  });

  it('needs the peak above the day’s own high', () => {
    expect(eveExtreme({ ...base, dayHigh: 49_000, hourly: eveHours({ 3: 48_988 }), closedDays: days('2023-11-01') })).toBeUndefined();
  });

  it('needs the close 5 % or more from it: 46,600 / 48,988 − 1 = −4.87 % is not', () => {
    expect(eveExtreme({ ...base, close: 46_600, hourly: eveHours({ 3: 48_988 }), closedDays: days('2023-11-01') })).toBeUndefined();
  });

  it('reads lows on an up day: a fresh low of 40,000 the day closed 10 % above', () => {
    const hourly = eveHours({}).map((c, i) => (i === 27 ? { ...c, l: 40_000 } : { ...c, l: 45_000 }));
    const e = eveExtreme({ ...base, down: false, dayHigh: 45_500, dayLow: 44_000, close: 44_000, hourly, closedDays: days('2023-11-01') });
    // Daily lows are 46,900 (candle(): low = high − 100): none below 40,000. 44,000 / 40,000 − 1 = +10 %.
    expect(e).toMatchObject({ time: START - 3 * HOUR, price: 40_000, closeChangeFraction: expect.closeTo(0.1, 10) });
  });
});
