import { describe, expect, it } from 'vitest';
import { historicalRankSignal, rankMove } from '../../pipeline/analysis/signals/historical-rank.js';
import { DEFAULT_THRESHOLDS, ThresholdsSchema } from '../../kernel/thresholds.js';
import type { Candle } from '../../kernel/snapshot/schema.js';
import { DAY, bar, contextWith, makeSnapshot, priceMoveFinding, spot } from './helpers/make-snapshot.js';

/**
 * Daily candles 2023-11-24 … 2024-01-03 (UTC days). Close 100 except 2023-12-11 (92, −8 %),
 * 2023-12-20 (96, −4 %); open = previous close, high/low = max/min of open and close.
 * The 2024-01-03 candle overlaps the window and must be ignored (its close 50 would rank first).
 */
function dailyHistory(): Candle[] {
  const out: Candle[] = [];
  let prev = 100;
  for (let t = Date.UTC(2023, 10, 24); t <= Date.UTC(2024, 0, 3); t += DAY) {
    const date = new Date(t).toISOString().slice(0, 10);
    const c = date === '2023-12-11' ? 92 : date === '2023-12-20' ? 96 : date === '2024-01-03' ? 50 : 100;
    out.push(bar(t, prev, Math.max(prev, c), Math.min(prev, c), c));
    prev = c;
  }
  return out;
}

describe('historical_rank', () => {
  it('ranks the day against daily closes and names the last larger drop', () => {
    const snapshot = makeSnapshot({ prices: [spot('BTC', '1d', dailyHistory())] });
    const out = historicalRankSignal(snapshot, DEFAULT_THRESHOLDS, contextWith([priceMoveFinding('BTC', -0.05, -0.069)]));
    expect(out).toHaveLength(2);
    // 40 candles before the window → 39 close-to-close changes. Only −8 % (2023-12-11) is below −5 %: rank 2,
    // 24 days before 2024-01-04. Importance: ratio 1 + 2 × (10 − 2) / 10 = 2.6 → 48 × 1.4 = 67.2.
    expect(out[0]).toMatchObject({
      kind: 'historical_rank',
      metric: 'close_to_close',
      value: -0.05,
      rank: 2,
      sampleDays: 39,
      since: { date: '2023-12-11', value: -0.08, daysAgo: 24 },
      importance: 67.2,
      threshold: { name: 'historicalRank.maxRank', value: 10, unit: 'count' },
    });
    // High-to-low over 40 candles: −8 % on 2023-12-11 and 2023-12-12 (open 92 → close 100 gives 92/100 − 1).
    // Rank 3, since 2023-12-12 (23 days). Ratio 1 + 2 × 7 / 10 = 2.4 → 48 × 1.35 = 64.8.
    expect(out[1]).toMatchObject({
      metric: 'high_to_low',
      value: -0.069,
      rank: 3,
      sampleDays: 40,
      since: { date: '2023-12-12', daysAgo: 23 },
      importance: 64.8,
    });
  });

  it('the largest move in the sample has no "since"', () => {
    const snapshot = makeSnapshot({ prices: [spot('BTC', '1d', dailyHistory())] });
    const [f] = historicalRankSignal(snapshot, DEFAULT_THRESHOLDS, contextWith([priceMoveFinding('BTC', -0.1, 0)]));
    // Close-to-close pairs start with 2023-11-25 (the first candle has no previous close).
    expect(f).toMatchObject({ metric: 'close_to_close', rank: 1, sampleStart: '2023-11-25' });
    expect(f && 'since' in f).toBe(false);
  });

  it('names the curated event of the day that last beat the move, on each measure separately', () => {
    // Daily candles 2022-10-01 … 2024-01-03, flat at 100 except 2022-11-09 (close 85, −15 %: FTX)
    // and 2023-03-10 (close 92, −8 %, no curated event).
    const candles: Candle[] = [];
    let prev = 100;
    for (let t = Date.UTC(2022, 9, 1); t <= Date.UTC(2024, 0, 2); t += DAY) {
      const date = new Date(t).toISOString().slice(0, 10);
      const c = date === '2022-11-09' ? 85 : date === '2023-03-10' ? 92 : 100;
      candles.push(bar(t, prev, Math.max(prev, c), Math.min(prev, c), c));
      prev = c;
    }
    const t = ThresholdsSchema.parse({ historicalRank: { maxRank: 3 } });
    const snapshot = makeSnapshot({ prices: [spot('BTC', '1d', candles)] });
    const out = historicalRankSignal(snapshot, t, contextWith([priceMoveFinding('BTC', -0.1, -0.06)]));
    // −10 % close to close: only 2022-11-09 (−15 %) beat it → rank 2, the FTX collapse.
    expect(out[0]).toMatchObject({
      metric: 'close_to_close',
      rank: 2,
      since: {
        date: '2022-11-09',
        value: -0.15,
        event: { id: 'ftx-2022', zh: '2022 年 11 月 FTX 崩盘', url: 'https://en.wikipedia.org/wiki/Bankruptcy_of_FTX' },
      },
    });
    // −6 % high to low: beaten by 2023-03-10 and 2023-03-11 (each −8 %) and the FTX days (−15 %):
    // rank 5 > 3, nothing reported; with maxRank 10 the last larger day is 2023-03-11, no event.
    expect(out).toHaveLength(1);
    const wide = historicalRankSignal(snapshot, DEFAULT_THRESHOLDS, contextWith([priceMoveFinding('BTC', -0.1, -0.06)]));
    expect(wide[1]).toMatchObject({ metric: 'high_to_low', rank: 5, since: { date: '2023-03-11' } });
    expect(wide[1]?.kind === 'historical_rank' && wide[1].since?.event).toBeUndefined();
  });

  it('outside the top ranks, short history, zero moves: nothing', () => {
    const t = ThresholdsSchema.parse({ historicalRank: { maxRank: 1 } });
    const snapshot = makeSnapshot({ prices: [spot('BTC', '1d', dailyHistory())] });
    expect(historicalRankSignal(snapshot, t, contextWith([priceMoveFinding('BTC', -0.05, 0)]))).toEqual([]);
    const short = makeSnapshot({ prices: [spot('BTC', '1d', dailyHistory().slice(-12))] });
    expect(historicalRankSignal(short, DEFAULT_THRESHOLDS, contextWith([priceMoveFinding('BTC', -0.05)]))).toEqual([]);
    expect(historicalRankSignal(snapshot, DEFAULT_THRESHOLDS, contextWith([priceMoveFinding('BTC', 0, 0)]))).toEqual([]);
    expect(historicalRankSignal(makeSnapshot(), DEFAULT_THRESHOLDS, contextWith([priceMoveFinding('BTC', -0.05)]))).toEqual([]);
  });

  it('rankMove counts strictly larger moves of the same sign', () => {
    const sample = [
      { date: '2024-01-01', value: 0.05 },
      { date: '2024-01-02', value: 0.03 },
      { date: '2024-01-03', value: -0.1 },
    ];
    expect(rankMove(0.04, sample)).toEqual({ rank: 2, since: { date: '2024-01-01', value: 0.05 } });
    expect(rankMove(0.05, sample)).toEqual({ rank: 1 });
  });
});
