/**
 * The exit-3 reason names the lead asset, its usable hours against the coverage threshold and the
 * hours the gaps say were left out or missing. Window of 4 January 2024 in UTC+8:
 * 16:00Z 3 January – 16:00Z 4 January, 24 hours, ⌈24 × 0.9⌉ = 22 needed.
 */
import { describe, expect, it } from 'vitest';
import { ThresholdsSchema } from '../../kernel/thresholds.js';
import type { Gap } from '../../kernel/snapshot/schema.js';
import { hourRanges, noLeadReason } from '../../pipeline/narrative/no-lead.js';
import { HOUR, START, flatHours, makeSnapshot, spot } from '../analysis/helpers/make-snapshot.js';

const T = ThresholdsSchema.parse({});
const TZ = 'Asia/Shanghai';
const gap = (name: 'hourly-vs-daily' | 'missing-hours', times: number[]): Gap => ({
  family: 'prices',
  source: 'binance',
  asset: 'BTC',
  kind: name === 'missing-hours' ? 'empty' : 'Implausible',
  reason: 'test',
  check: { name, times },
});

describe('noLeadReason', () => {
  it('names the hours left out by a cross-check and the hours missing, as ranges in the brief zone', () => {
    // 16 usable hours: 16:00Z–07:00Z (00:00–15:00 UTC+8); 08:00Z–11:00Z left out, 12:00Z–15:00Z missing.
    const out = Array.from({ length: 4 }, (_, i) => START + (16 + i) * HOUR);
    const missing = Array.from({ length: 4 }, (_, i) => START + (20 + i) * HOUR);
    const snapshot = makeSnapshot({
      prices: [spot('BTC', '1h', flatHours(START, 16, 42_000))],
      gaps: [gap('hourly-vs-daily', out), gap('missing-hours', missing)],
    });
    expect(noLeadReason(snapshot, T, TZ)).toBe(
      'no brief for 2024-01-04: BTC has 16 of 24 hourly candles (22 needed); ' +
        '16:00–19:00 UTC+8 were left out by a cross-check (outside the binance daily candle); 20:00–23:00 UTC+8 were missing from binance',
    );
  });

  it('22 of 24 hours is enough: no reason (the caller keeps its generic message); 21 is not', () => {
    expect(noLeadReason(makeSnapshot({ prices: [spot('BTC', '1h', flatHours(START, 22, 42_000))] }), T, TZ)).toBeUndefined();
    expect(noLeadReason(makeSnapshot({ prices: [spot('BTC', '1h', flatHours(START, 21, 42_000))] }), T, TZ)).toBe(
      'no brief for 2024-01-04: BTC has 21 of 24 hourly candles (22 needed)',
    );
  });

  it('without any hourly spot series it says so', () => {
    expect(noLeadReason(makeSnapshot(), T, TZ)).toBe('no brief for 2024-01-04: BTC has no hourly spot candles');
  });

  it('hour ranges: runs joined, single hours alone', () => {
    expect(hourRanges([START, START + HOUR, START + 2 * HOUR, START + 5 * HOUR], TZ)).toBe('00:00–02:00, 05:00 UTC+8');
  });
});
