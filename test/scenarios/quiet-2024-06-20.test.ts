/** The quiet scenario (test/fixtures/quiet-2024-06-20/snapshot.json) holds its stated figures. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../../kernel/snapshot/index.js';
import { windowStats } from '../fixtures/scenarios/checks.js';
import { DAY, mean, series, spot, sumBetween } from './helpers.js';

let s: Snapshot;
beforeAll(async () => {
  s = await loadSnapshot('test/fixtures/quiet-2024-06-20/snapshot.json');
});

describe('quiet-2024-06-20', () => {
  it('BTC ranges 64,600–65,700 and closes −0.4 %', () => {
    const w = windowStats(spot(s, 'BTC', '1h'), s.window);
    expect(w.low).toBe(64_612.3);
    expect(w.high).toBe(65_694.8);
    // 64,918.6 / 65,178.9 − 1 = −0.003994
    expect(w.close / w.prevClose - 1).toBeCloseTo(-0.003994, 5);
  });

  it('liquidations are small and balanced', () => {
    const cg = s.liquidations.totals.find((t) => t.source === 'coinglass')!;
    expect(cg.totalUsd).toBe(60_800_000);
    // 30.23 / 60.8 = 0.4972
    expect(cg.longUsd / cg.totalUsd).toBeCloseTo(0.4972, 4);
  });

  it('funding flat ≈ 0.01 %, basis flat ≈ 9 %', () => {
    for (const f of s.funding) {
      for (const h of f.history) expect(Math.abs(h.rate - 0.0001)).toBeLessThan(0.00004);
      expect(Math.abs(f.current!.rate - 0.0001)).toBeLessThan(0.000005);
    }
    expect(s.basis.map((b) => b.venue)).toEqual(['binance', 'binance']);
    for (const b of s.basis) for (const p of b.history) expect(Math.abs(p.annualizedBasis - 0.09)).toBeLessThan(0.015);
  });

  it('perp volume is ≈ 20 % below the prior day', () => {
    const hourly = series(s.perpetuals, 'binance', 'BTCUSDT', '1h').candles;
    const ratio = sumBetween(hourly, s.window.start, s.window.end, 'qv') / sumBetween(hourly, s.window.start - DAY, s.window.start, 'qv');
    expect(ratio - 1).toBeCloseTo(-0.2, 3);
  });

  it('ETF volume is below average; the last session is 18 June (19 June was a US holiday)', () => {
    for (const e of s.etfs) {
      const n = e.daily.length;
      expect(e.daily[n - 1]!.date).toBe('2024-06-18');
      expect(e.daily.some((d) => d.date === '2024-06-19')).toBe(false);
      const prior = mean(e.daily.slice(n - 31, n - 1).map((d) => d.volume));
      expect(e.daily[n - 1]!.volume / prior).toBeCloseTo(0.71, 2);
    }
  });

  it('DVOL ≈ 45, a little below its 30-day average; whale counts at baseline', () => {
    const v = s.volatility[0]!;
    const avg30 = mean(v.daily.slice(-30).map((d) => d.c));
    expect(v.hourly[23]!.c).toBeGreaterThan(44);
    expect(v.hourly[23]!.c).toBeLessThan(46);
    expect(v.hourly[23]!.c).toBeLessThan(avg30);
    const w = s.whaleTransfers[0]!;
    const baseline = mean(w.dailyCounts.map((d) => d.count));
    expect(w.transfers.filter((t) => t.time >= s.window.start).length / baseline).toBeCloseTo(1, 0);
  });

  it('discloses the two failed sources and leaves their data out', () => {
    expect(s.gaps.map((g) => `${g.family}/${g.source}/${g.kind}`)).toEqual([
      'exchangeFlows/whale-alert/not-configured',
      'basis/deribit/ExchangeNotAvailable',
    ]);
    expect(s.gaps[1]!.reason).toBe('503 after 3 attempts');
    expect(s.exchangeFlows).toEqual([]);
    expect(s.basis.some((b) => b.venue === 'deribit')).toBe(false);
  });
});
