/**
 * Scheduled releases inside the window (signals/release-hours.ts), on hand-made candles and the
 * real calendar: which releases fall in the window, the hours read, the change over them and
 * whether the day's extreme or steepest hour fell in them.
 */
import { describe, expect, it } from 'vitest';
import { releaseHours } from '../../pipeline/analysis/signals/release-hours.js';
import type { Catalyst } from '../../pipeline/analysis/calendar/catalysts.js';
import type { Candle } from '../../kernel/snapshot/index.js';

const HOUR = 3_600_000;
// The brief day 12 January 2024 in UTC+8: 11 January 16:00 UTC to 12 January 16:00 UTC.
const START = Date.parse('2024-01-11T16:00:00Z');
const WINDOW = { start: START, end: START + 24 * HOUR };

/** 24 hourly candles; `moves[h]` = [open, close] for the hours given, else flat at 46,000. */
function candles(moves: Record<number, [number, number]> = {}, skip: number[] = []): Candle[] {
  return Array.from({ length: 24 }, (_, h) => h)
    .filter((h) => !skip.includes(h))
    .map((h) => {
      const [o, c] = moves[h] ?? [46_000, 46_000];
      return { t: START + h * HOUR, o, h: Math.max(o, c), l: Math.min(o, c), c, v: 1 };
    });
}

const ppi: Catalyst = {
  date: '2024-01-12',
  time: Date.parse('2024-01-12T13:30:00Z'), // 08:30 EST = 21:30 UTC+8, the window's hour 21
  kind: 'ppi',
  name: { zh: '美国 PPI 数据公布', en: 'the US PPI release' },
  url: 'https://www.bls.gov/schedule/news_release/ppi.htm',
};

describe('releaseHours', () => {
  it('reads the release hour and the next: open of 21:00 to close of 22:00 (UTC+8)', () => {
    // 21:00 opens 44,400 and 22:00 closes 43,068: 43,068 / 44,400 − 1 = −3.0 %. By 21:00 the day
    // was 44,400 / 46,000 − 1 = −3.478 % off its high, (46,000 − 44,400) / (46,000 − 43,068) =
    // 1,600 / 2,932 = 54.57 % of its swing.
    const c = candles({ 21: [44_400, 43_500], 22: [43_500, 43_068] });
    const [r] = releaseHours(
      {
        window: WINDOW,
        candles: c,
        high: 46_000,
        low: 43_068,
        down: true,
        extremeTime: START + 22 * HOUR,
        steepestTime: START + 20 * HOUR,
        reactionHours: 2,
      },
      [ppi],
    );
    expect(r).toEqual({
      kind: 'ppi',
      time: ppi.time,
      name: ppi.name,
      url: ppi.url,
      hourStart: START + 21 * HOUR,
      hours: 2,
      changeFraction: -0.03,
      extreme: true,
      extremeBefore: false,
      steepest: false,
      before: { changeFraction: -0.0347826087, shareOfSwing: 0.5457025921 },
    });
  });

  it('the real calendar: the 12 January 2024 PPI is in the window, the 11 January CPI (21:30 UTC+8 on the 11th) is not', () => {
    const list = releaseHours({
      window: WINDOW,
      candles: candles(),
      extremeTime: START,
      steepestTime: START,
      reactionHours: 2,
      high: 46_000,
      low: 45_000,
      down: true,
    });
    expect(list.map((r) => [r.kind, new Date(r.time).toISOString(), r.changeFraction])).toEqual([['ppi', '2024-01-12T13:30:00.000Z', 0]]);
  });

  it('stops at a missing hour and at the window end; no candle in the release hour: no change', () => {
    const base = {
      window: WINDOW,
      extremeTime: START,
      steepestTime: START + 21 * HOUR,
      reactionHours: 2,
      high: 46_000,
      low: 43_000,
      down: true,
    };
    // 22:00 missing: one hour read, 21:00's own open to close (44,400 → 43,956 = −1.0 %).
    expect(releaseHours({ ...base, candles: candles({ 21: [44_400, 43_956] }, [22]) }, [ppi])[0]).toMatchObject({
      hours: 1,
      changeFraction: -0.01,
      steepest: true,
      // The day's extreme at 00:00 came before the 21:00 release hour.
      extremeBefore: true,
    });
    // 21:00 missing: nothing to read.
    const [none] = releaseHours({ ...base, candles: candles({}, [21]) }, [ppi]);
    expect(none).toMatchObject({ hours: 0, extreme: false, steepest: false });
    expect(none).not.toHaveProperty('changeFraction');
    // A release in the window's last hour (23:30 UTC+8) has only that hour.
    const late = { ...ppi, time: START + 23.5 * HOUR };
    expect(releaseHours({ ...base, candles: candles({ 23: [46_000, 46_460] }) }, [late])[0]).toMatchObject({
      hourStart: START + 23 * HOUR,
      hours: 1,
      changeFraction: 0.01,
    });
  });

  it('leaves out expiries, releases without a time and releases outside the window', () => {
    const base = {
      window: WINDOW,
      candles: candles(),
      extremeTime: START,
      steepestTime: START,
      reactionHours: 2,
      high: 46_000,
      low: 45_000,
      down: true,
    };
    const expiry: Catalyst = { ...ppi, kind: 'expiry', time: START + 3 * HOUR };
    const untimed: Catalyst = { ...ppi, time: undefined };
    const atEnd: Catalyst = { ...ppi, time: WINDOW.end };
    const before: Catalyst = { ...ppi, time: START - 1 };
    expect(releaseHours(base, [expiry, untimed, atEnd, before])).toEqual([]);
  });
});
