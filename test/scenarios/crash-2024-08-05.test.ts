/** The crash scenario (test/fixtures/crash-2024-08-05/snapshot.json) holds its stated figures. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../../kernel/snapshot/index.js';
import { windowStats } from '../fixtures/scenarios/checks.js';
import { at, mean, spot } from './helpers.js';

let s: Snapshot;
beforeAll(async () => {
  s = await loadSnapshot('test/fixtures/crash-2024-08-05/snapshot.json');
});

describe('crash-2024-08-05', () => {
  it('BTC, ETH and BNB crash together', () => {
    expect(s.assets).toEqual(['BTC', 'ETH', 'BNB']);
    const stats = Object.fromEntries(s.assets.map((a) => [a, windowStats(spot(s, a, '1h'), s.window)]));
    expect(stats.BTC!.low).toBe(49_021.5);
    expect(stats.BTC!.close).toBe(54_012.4);
    expect(stats.ETH!.low).toBe(2_118.6);
    expect(stats.ETH!.close).toBe(2_421.6);
    expect(stats.BNB!.low).toBe(410.2);
    // 54,012.4 / 58,043.7 − 1 = −0.06945; 2,421.6 / 2,702.3 − 1 = −0.10388; 455.8 / 521.4 − 1 = −0.12582
    expect(stats.BTC!.close / stats.BTC!.prevClose - 1).toBeCloseTo(-0.06945, 4);
    expect(stats.ETH!.close / stats.ETH!.prevClose - 1).toBeCloseTo(-0.10388, 4);
    expect(stats.BNB!.close / stats.BNB!.prevClose - 1).toBeCloseTo(-0.12582, 4);
  });

  it('≈ 1.0e9 liquidated, ≈ 80 % longs; ETH longs cluster at 2,210–2,290', () => {
    const cg = s.liquidations.totals.find((t) => t.source === 'coinglass')!;
    expect(cg.totalUsd).toBe(1.018e9);
    // 0.8164 / 1.018 = 0.80196
    expect(cg.longUsd / cg.totalUsd).toBeCloseTo(0.80196, 4);
    const ethLongs = s.liquidations.orders[0]!.orders.filter((o) => o.asset === 'ETH' && o.side === 'long');
    const band = ethLongs.filter((o) => o.price >= 2_210 && o.price <= 2_290);
    expect(band.length / ethLongs.length).toBeGreaterThan(0.6);
    expect(new Set(s.liquidations.orders[0]!.orders.map((o) => o.asset))).toEqual(new Set(['BTC', 'ETH', 'BNB']));
  });

  it('funding flips negative on every venue and asset', () => {
    expect(s.funding.length).toBe(9);
    for (const f of s.funding) {
      expect(f.current!.rate).toBeLessThan(0);
      expect(f.history.find((h) => h.time === at('2024-08-01T00:00:00Z'))!.rate).toBeGreaterThan(0);
    }
  });

  it('one tenor ends in backwardation (BTC-9AUG24), the rest in contango', () => {
    const inverted = s.basis.filter((b) => b.history[b.history.length - 1]!.annualizedBasis < 0).map((b) => b.contract);
    expect(inverted).toEqual(['BTC-9AUG24']);
  });

  it('spot ETFs: record dollar volume on 2 Aug as closes fall; net outflows', () => {
    for (const asset of ['BTC', 'ETH']) {
      const funds = s.etfs.filter((e) => e.asset === asset);
      const byDate = new Map<string, number>();
      for (const e of funds) for (const d of e.daily) byDate.set(d.date, (byDate.get(d.date) ?? 0) + d.close * d.volume);
      expect(Math.max(...byDate.values())).toBe(byDate.get('2024-08-02'));
      for (const e of funds) expect(e.daily.at(-1)!.close).toBeLessThan(e.daily.at(-2)!.close);
    }
    const btcFlows = s.etfFlows.find((f) => f.asset === 'BTC')!.daily.at(-1)!;
    expect(btcFlows.date).toBe('2024-08-02');
    expect(btcFlows.netFlowUsd).toBe(-237_000_000); // 0 − 104.3 − 52.2 − 87.3 + 6.8 (M)
  });

  it('DVOL spikes above 90; whale transfers ≈ 3× baseline', () => {
    const btc = s.volatility.find((v) => v.asset === 'BTC')!;
    expect(Math.max(...btc.hourly.map((h) => h.h))).toBeGreaterThan(90);
    const w = s.whaleTransfers[0]!;
    const today = w.transfers.filter((t) => t.time >= s.window.start).length;
    expect(today).toBe(138);
    expect(today / mean(w.dailyCounts.map((d) => d.count))).toBeGreaterThan(2.6);
    expect(today / mean(w.dailyCounts.map((d) => d.count))).toBeLessThan(3.4);
  });
});
