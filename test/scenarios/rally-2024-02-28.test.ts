/** The rally scenario (test/fixtures/rally-2024-02-28/snapshot.json) holds its stated figures. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../../kernel/snapshot/index.js';
import { firstCross, windowStats } from '../fixtures/scenarios/checks.js';
import { at, DAY, series, spot, sumBetween } from './helpers.js';

let s: Snapshot;
beforeAll(async () => {
  s = await loadSnapshot('test/fixtures/rally-2024-02-28/snapshot.json');
});

describe('rally-2024-02-28', () => {
  it('is synthetic, BTC and ETH, UTC+8 day of 28 February', () => {
    expect(s.origin.kind).toBe('synthetic');
    expect(s.origin.description).toMatch(/hand-made/i);
    expect(s.assets).toEqual(['BTC', 'ETH']);
    expect(s.window.start).toBe(at('2024-02-27T16:00:00Z'));
    expect(s.gaps).toEqual([]);
  });

  it('BTC runs ≈ 57,000 → 63,500, closes ≈ 62,400 (+9 %), and breaks 60,000 upward', () => {
    const hourly = spot(s, 'BTC', '1h');
    const w = windowStats(hourly, s.window);
    expect(w.open).toBeCloseTo(57_183.4, 2);
    expect(w.high).toBeCloseTo(63_512.6, 2);
    expect(w.close).toBeCloseTo(62_413.2, 2);
    // 62,413.2 / 57,183.4 − 1 = 0.09146
    expect(w.close / w.prevClose - 1).toBeCloseTo(0.09146, 4);
    expect(firstCross(hourly, 60_000, 'above', s.window.start - DAY, s.window.end)).toBe(at('2024-02-28T07:00:00Z'));
    const eth = windowStats(spot(s, 'ETH', '1h'), s.window);
    // 3,384.7 / 3,242.6 − 1 = 0.04382
    expect(eth.close / eth.prevClose - 1).toBeCloseTo(0.04382, 4);
  });

  it('shorts take ≈ 65 % of ≈ 7e8 liquidated (coinglass)', () => {
    const cg = s.liquidations.totals.find((t) => t.source === 'coinglass')!;
    expect(cg.totalUsd).toBe(0.702e9);
    // short share = 1 − 0.2457 / 0.702 = 0.65
    expect(cg.shortUsd / cg.totalUsd).toBeCloseTo(0.65, 6);
    const orders = s.liquidations.orders[0]!.orders;
    expect(orders.filter((o) => o.side === 'short').length / orders.length).toBeGreaterThan(0.6);
  });

  it('funding rises from ≈ 0.01 % to ≈ 0.05 % per 8 h', () => {
    for (const f of s.funding) {
      const monthAgo = f.history.slice(0, 9).map((h) => h.rate);
      expect(Math.max(...monthAgo)).toBeLessThan(0.0002);
      expect(f.current!.rate).toBeGreaterThanOrEqual(0.00048);
      expect(f.current!.rate).toBeLessThanOrEqual(0.0006);
    }
  });

  it('BTC basis widens ≈ 12 % → ≈ 17 %; OI up ≈ 6 % in the window', () => {
    for (const b of s.basis.filter((x) => x.asset === 'BTC')) {
      const start = b.history.find((p) => p.time === s.window.start)!.annualizedBasis;
      const end = b.history[b.history.length - 1]!.annualizedBasis;
      expect(start).toBeGreaterThan(0.11);
      expect(start).toBeLessThan(0.135);
      expect(end).toBeGreaterThan(0.155);
      expect(end).toBeLessThan(0.18);
    }
    for (const oi of s.openInterest.filter((x) => x.asset === 'BTC')) {
      const w = oi.history.filter((p) => p.time >= s.window.start);
      expect(w[w.length - 1]!.oiUsd / w[0]!.oiUsd - 1).toBeCloseTo(0.06, 1);
    }
  });

  it('spot ETFs trade a record dollar volume on 27 Feb while their closes rise', () => {
    expect(s.etfs.map((e) => e.ticker)).toEqual(['IBIT', 'FBTC', 'GBTC', 'ARKB', 'BITB']);
    const byDate = new Map<string, number>();
    for (const e of s.etfs) for (const d of e.daily) byDate.set(d.date, (byDate.get(d.date) ?? 0) + d.close * d.volume);
    const last = byDate.get('2024-02-27')!;
    expect(Math.max(...byDate.values())).toBe(last);
    const ibit = s.etfs[0]!.daily;
    expect(ibit[ibit.length - 1]!.close).toBeGreaterThan(ibit[ibit.length - 2]!.close);
    expect(s.etfFlows[0]!.daily.at(-1)!.netFlowUsd).toBe(577_000_000); // 520 + 126 − 125 + 27 + 29 (M)
  });

  it('perp volume jumps, whale counts stay near baseline, DVOL rises', () => {
    const binance = series(s.perpetuals, 'binance', 'BTCUSDT', '1h').candles;
    const ratio = sumBetween(binance, s.window.start, s.window.end, 'qv') / sumBetween(binance, s.window.start - DAY, s.window.start, 'qv');
    expect(ratio - 1).toBeCloseTo(0.84, 3);
    const whales = s.whaleTransfers[0]!;
    const baseline = whales.dailyCounts.reduce((a, d) => a + d.count, 0) / whales.dailyCounts.length;
    const today = whales.transfers.filter((t) => t.time >= s.window.start).length;
    expect(today / baseline).toBeGreaterThan(0.85);
    expect(today / baseline).toBeLessThan(1.2);
    for (const v of s.volatility) expect(v.hourly[23]!.c).toBeGreaterThan(v.hourly[0]!.o + 8);
  });
});
