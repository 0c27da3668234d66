/**
 * Negative settlements on every venue (signals/funding-settlements.ts) on hand-made histories:
 * which of the window's settlements count, the quiet spell before them, the lowest per 8 hours,
 * and the bound of the claim when the history holds no earlier negative settlement.
 */
import { describe, expect, it } from 'vitest';
import { negativeSettlements } from '../../pipeline/analysis/signals/funding-settlements.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import type { FundingSeries } from '../../kernel/snapshot/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 4 January 2024 in UTC+8: settlements at 00:00, 08:00 and 16:00 UTC+8 are START + 0, 8 and 16 h.
const START = Date.parse('2024-01-03T16:00:00Z');
const WINDOW = { start: START, end: START + DAY };
const T = DEFAULT_THRESHOLDS.funding;

/** 30 days of 8-hourly settlements at +0.01 % before the window, then `day` (rates at 0, 8, 16 h). */
function series(
  venue: string,
  day: [number, number, number],
  intervalHours = 8,
  extra: { time: number; rate: number }[] = [],
): FundingSeries {
  const history: { time: number; rate: number }[] = [];
  for (let t = START - 30 * DAY; t < START; t += 8 * HOUR) history.push({ time: t, rate: 0.0001 });
  day.forEach((rate, i) => history.push({ time: START + i * 8 * HOUR, rate }));
  for (const e of extra) {
    const at = history.findIndex((p) => p.time === e.time);
    if (at >= 0) history[at] = e;
    else history.push(e);
  }
  history.sort((a, b) => a.time - b.time);
  return {
    venue,
    symbol: 'BTCUSDT',
    asset: 'BTC',
    intervalHours,
    history,
    provenance: {
      provider: venue,
      endpoint: '/funding',
      asOf: new Date(START + DAY).toISOString(),
      fetchedAt: new Date(START + DAY).toISOString(),
      method: 'fetched',
    },
  } as FundingSeries;
}

describe('negativeSettlements', () => {
  it('the replayed day: 08:00 and 16:00 negative on all three venues, none in the 30 days before', () => {
    const n = negativeSettlements(
      [
        series('binance', [0.000344, -0.0000774, -0.0000399]),
        series('okx', [0.000322, -0.0000328, -0.0000353]),
        series('bybit', [0.000273, -0.0000426, -0.0000472]),
      ],
      WINDOW,
      T,
    );
    expect(n).toEqual({
      times: [START + 8 * HOUR, START + 16 * HOUR],
      // Binance at 08:00, −0.00774 %: the most negative of the six.
      lowest: { venue: 'binance', time: START + 8 * HOUR, per8h: -0.0000774 },
      historyStart: START - 30 * DAY,
    });
  });

  it('one venue negative alone is not every venue (the bundled day: OKX −0.0049 % at 16:00)', () => {
    expect(
      negativeSettlements([series('binance', [0.0005, 0.00015, 0.00003]), series('okx', [0.0004, 0.0001, -0.000049])], WINDOW, T),
    ).toBeUndefined();
  });

  it('a negative settlement 10 days before (inside the 14-day quiet spell) makes the day routine', () => {
    const earlier = [{ time: START - 10 * DAY, rate: -0.00002 }];
    expect(negativeSettlements([series('binance', [0.0001, -0.00005, 0.0001], 8, earlier)], WINDOW, T)).toBeUndefined();
  });

  it('one 20 days before is outside it, and is the claim’s "since"', () => {
    const earlier = [{ time: START - 20 * DAY, rate: -0.00002 }];
    expect(negativeSettlements([series('binance', [0.0001, -0.00005, 0.0001], 8, earlier)], WINDOW, T)).toMatchObject({
      times: [START + 8 * HOUR],
      since: START - 20 * DAY,
    });
  });

  it('reads a 4-hour venue per 8 hours: −0.005 % per 4 h is −0.01 % per 8 h, the lowest', () => {
    const fourHour = series('bybit', [0.0001, -0.00005, -0.00001], 4);
    const n = negativeSettlements([series('binance', [0.0001, -0.00002, -0.00003]), fourHour], WINDOW, T);
    expect(n?.lowest).toEqual({ venue: 'bybit', time: START + 8 * HOUR, per8h: -0.0001 });
  });

  it('ignores an implausible rate (beyond funding.plausibleMaxAbsPerInterval, 3 %)', () => {
    expect(negativeSettlements([series('binance', [0.0001, -0.5, 0.0001])], WINDOW, T)).toBeUndefined();
  });
});
