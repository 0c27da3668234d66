import { describe, expect, it } from 'vitest';
import { impliedVolSignal } from '../../pipeline/analysis/signals/implied-vol.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import { DAY, HOUR, START, contextWith, makeSnapshot, prov } from './helpers/make-snapshot.js';

const c = (t: number, o: number, h: number, l: number, cl: number) => ({ t, o, h, l, c: cl });
/** 30 UTC days ending before the window, closes alternating 50 and 56 (mean 53); the 2024-01-03 day overlaps the window. */
function dvol(withHourly: boolean) {
  const daily = [];
  const firstDay = Date.UTC(2023, 11, 3);
  for (let i = 0; i < 30; i++) daily.push(c(firstDay + i * DAY, 50, 57, 49, i % 2 ? 56 : 50));
  daily.push(c(Date.UTC(2024, 0, 3), 53, 66, 52, 60));
  const hourly = withHourly
    ? Array.from({ length: 24 }, (_, h) => c(START + h * HOUR, h === 0 ? 54 : 60, h === 6 ? 68 : 64, h === 0 ? 53 : 59, h === 23 ? 63 : 61))
    : [];
  return { source: 'deribit', index: 'DVOL', asset: 'BTC', unit: 'vol-points' as const, daily, hourly, provenance: prov('deribit') };
}

describe('implied_vol', () => {
  it('DVOL 54 → 68 high → 63 against a 53 average: elevated', () => {
    const [f] = impliedVolSignal(makeSnapshot({ volatility: [dvol(true)] }), DEFAULT_THRESHOLDS, contextWith());
    expect(f).toMatchObject({ index: 'DVOL', open: 54, dayHigh: 68, dayLow: 53, current: 63, avg30d: 53, elevated: true });
    // 63 / 53 − 1 = 0.188679…; ratio 1.88679 → 44 × (1 + 0.25 × 0.88679) = 53.75 → 53.8
    expect(f?.kind === 'implied_vol' && f.changeVsAvgFraction).toBeCloseTo(10 / 53, 9);
    expect(f?.importance).toBe(53.8);
    expect(f?.paths).toEqual(['volatility[0].hourly', 'volatility[0].daily']);
  });

  it('a spike: 68 at 06:00 is 25.9 % over the 54 open; the close 63 gave back 5 of the 14 points (36 %), not faded', () => {
    const [f] = impliedVolSignal(makeSnapshot({ volatility: [dvol(true)] }), DEFAULT_THRESHOLDS, contextWith());
    expect(f?.kind === 'implied_vol' && f.spike).toEqual({ time: START + 6 * HOUR, faded: false });
  });

  it('faded: a close of 57 gives back 11 of the 14 points (79 %, over impliedVol.fadedShareMin 75 %)', () => {
    const v = dvol(true);
    v.hourly[23] = { ...v.hourly[23]!, c: 57 };
    const [f] = impliedVolSignal(makeSnapshot({ volatility: [v] }), DEFAULT_THRESHOLDS, contextWith());
    expect(f?.kind === 'implied_vol' && f.spike).toEqual({ time: START + 6 * HOUR, faded: true });
  });

  it('no spike under 10 % over the open: a high of 59 on a 54 open is 9.3 %', () => {
    const v = dvol(true);
    v.hourly = v.hourly.map((h) => ({ ...h, h: Math.min(h.h, 59), c: Math.min(h.c, 58), o: Math.min(h.o, 58) }));
    const [f] = impliedVolSignal(makeSnapshot({ volatility: [v] }), DEFAULT_THRESHOLDS, contextWith());
    expect(f).toBeDefined();
    expect(f && 'spike' in f).toBe(false);
  });

  it('without hourly data the day overlapping the window is used', () => {
    const [f] = impliedVolSignal(makeSnapshot({ volatility: [dvol(false)] }), DEFAULT_THRESHOLDS, contextWith());
    expect(f).toMatchObject({ dayHigh: 66, dayLow: 52, current: 60, avg30d: 53 });
    expect(f && 'open' in f).toBe(false);
    // No hours, no hour to name: no spike.
    expect(f && 'spike' in f).toBe(false);
  });

  it('no history to average, or no data: nothing', () => {
    const v = dvol(true);
    v.daily = [];
    expect(impliedVolSignal(makeSnapshot({ volatility: [v] }), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
    expect(impliedVolSignal(makeSnapshot(), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
  });
});
