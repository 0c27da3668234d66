/**
 * The bundled 4 January 2024 snapshot (reconstructed from the AiCoin article) must yield the
 * findings the article reports. Expected values are recomputed here from the file wherever the
 * file fixes them (liquidation shares, medians, ETF averages), and bounded by the article's
 * figures elsewhere.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../pipeline/analysis/analyze.js';
import { FindingsSchema, type Finding, type FindingOf, type FindingKind, type Findings } from '../../pipeline/analysis/findings.js';
import { loadSnapshot } from '../../kernel/snapshot/index.js';
import type { Snapshot } from '../../kernel/snapshot/schema.js';
import { formatFindingsTable } from '../../pipeline/analysis/table.js';

let snapshot: Snapshot;
let findings: Findings;
const all = <K extends FindingKind>(kind: K): FindingOf<K>[] => findings.findings.filter((f): f is FindingOf<K> => f.kind === kind);
const one = <K extends FindingKind>(kind: K, pick: (f: FindingOf<K>) => boolean = () => true): FindingOf<K> => {
  const found = all(kind).filter(pick);
  expect(found, kind).toHaveLength(1);
  return found[0]!;
};
const at = (iso: string) => Date.parse(iso);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

beforeAll(async () => {
  snapshot = await loadSnapshot('snapshots/2024-01-04.json');
  findings = analyze(snapshot);
});

describe('bundled snapshot 2024-01-04', () => {
  it('is schema-valid, deterministic, and prints as a table', () => {
    expect(FindingsSchema.parse(findings)).toEqual(findings);
    expect(JSON.stringify(analyze(snapshot))).toBe(JSON.stringify(findings));
    const table = formatFindingsTable(findings);
    expect(table.split('\n')[0]).toBe(
      `Findings for 2024-01-04 (Asia/Shanghai), window 2024-01-03T16:00:00.000Z to 2024-01-04T16:00:00.000Z: ${findings.findings.length} findings`,
    );
  });

  it('leads with the liquidations and the price move', () => {
    expect(findings.findings.slice(0, 2).map((f: Finding) => f.kind)).toEqual(['liquidations', 'price_move']);
  });

  it('price: from above 44,000 to below 42,000, the largest one-day drop in the sample', () => {
    const p = one('price_move');
    expect(p.open).toBeGreaterThan(44500);
    expect(p.open).toBeLessThan(44600);
    expect(p.high).toBeGreaterThan(44750);
    expect(p.high).toBeLessThan(44850);
    expect(p.low).toBeGreaterThan(41650);
    expect(p.low).toBeLessThan(41750);
    expect(p.close).toBeGreaterThan(42800);
    expect(p.close).toBeLessThan(43000);
    expect(p.direction).toBe('down');
    expect(p.changeFraction).toBeCloseTo(p.close / p.prevClose - 1, 9); // stored to 10 significant digits
    const breaks = all('level_break').map((b) => [b.level, b.direction, b.closedBeyond]);
    expect(breaks).toContainEqual([43000, 'below', true]);
    expect(breaks).toContainEqual([42000, 'below', false]);
    expect(one('level_break', (b) => b.level === 43000).time).toBe(at('2024-01-03T20:00:00Z'));
    expect(one('historical_rank', (r) => r.metric === 'close_to_close').rank).toBe(1);
    expect(all('systemic_move')).toEqual([]); // BTC only
  });

  it('liquidations: Coinglass 1.262 bn, 72.6 % long, ≈ 7.9× its 30-day median; the stream collector a lower bound', () => {
    const coinglass = snapshot.liquidations.totals.find((t) => t.source === 'coinglass')!;
    const history = snapshot.liquidations.history
      .find((h) => h.source === 'coinglass')!
      .daily.map((d) => d.totalUsd)
      .sort((a, b) => a - b);
    const medianUsd = (history[14]! + history[15]!) / 2; // 30 days
    const market = one('liquidations', (l) => l.asset === undefined);
    expect(market.perSource).toHaveLength(1);
    expect(market.perSource[0]).toMatchObject({ source: 'coinglass', totalUsd: 1.262e9, coverage: 'complete' });
    expect(market.perSource[0]!.longFraction).toBeCloseTo(coinglass.longUsd / coinglass.totalUsd, 9); // 0.916 / 1.262 = 0.7258
    expect(market.totalRangeUsd).toEqual({ low: 1.262e9, high: 1.262e9 });
    expect(market.median30dUsd).toBeCloseTo(medianUsd, 2);
    expect(market.median30dUsd).toBeGreaterThan(1.5e8);
    expect(market.median30dUsd).toBeLessThan(1.7e8);
    expect(market.multipleOfMedian).toBeCloseTo(1.262e9 / medianUsd, 8);
    expect(market).toMatchObject({ longDominant: true, lowerBound: false, medianSource: 'coinglass' });

    const btc = one('liquidations', (l) => l.asset === 'BTC');
    expect(btc).toMatchObject({ lowerBound: true, longDominant: true });
    expect(btc.perSource[0]!.totalUsd).toBeCloseTo(4.1e8, -6);
    const cluster = one('liquidation_cluster');
    // The narrowest band holding 80 % of the long notional at fill prices (Binance): wider than the
    // article's 42,000–42,600, which held about half of it.
    expect(cluster).toMatchObject({
      asset: 'BTC',
      side: 'long',
      priceKind: 'fill',
      band: { low: 42100, high: 43200 },
      reachedByPrice: true,
    });
    expect(cluster.shareFraction).toBeGreaterThanOrEqual(0.8);
  });

  it('perpetual volume +52 % / +41 % / +58 %; month-peak hour on binance and bybit', () => {
    const v = one('volume_spike');
    const change = Object.fromEntries(v.perVenue.map((x) => [x.venue, x.changeVsPrevFraction]));
    expect(change.binance).toBeCloseTo(0.52, 2);
    expect(change.okx).toBeCloseTo(0.41, 2);
    expect(change.bybit).toBeCloseTo(0.58, 2);
    expect(v.venuesAtMonthPeak).toEqual(['binance', 'bybit']);
  });

  it('funding flips from 0.03–0.06 % per 8 h to about zero', () => {
    const f = one('funding_flip');
    expect(f).toMatchObject({ state: 'flip_to_neutral', flipped: true, weighting: 'open-interest' });
    const current = Object.fromEntries(f.perVenue.map((x) => [x.venue, x.currentRate]));
    expect(current).toEqual({ binance: 0.00001, okx: -0.000025, bybit: 0.000002 });
    for (const venue of f.perVenue) {
      expect(venue.priorAvgPer8h).toBeGreaterThan(0.0003);
      expect(venue.priorAvgPer8h).toBeLessThan(0.0006);
    }
    expect(Math.abs(f.weightedCurrentPer8h)).toBeLessThanOrEqual(0.00005);
  });

  it('basis compresses from 10–12 % to about 5 %; BTC-12JAN24 at a discount', () => {
    const b = one('basis_compression');
    expect(b).toMatchObject({ compressed: true, anyBackwardation: true });
    expect(b.tenors.filter((t) => t.backwardation).map((t) => t.contract)).toEqual(['BTC-12JAN24']);
    expect(b.priorRange.low).toBeGreaterThan(0.095);
    expect(b.priorRange.high).toBeLessThan(0.125);
    expect(b.currentRange.low).toBeGreaterThan(0.045);
    expect(b.currentRange.high).toBeLessThan(0.057);
  });

  it('open interest down 9.1 % in dollars and 6.1 % in coins held with price: deleveraging', () => {
    // Coins 176,348.9 → 165,634.5 (Binance, OKX, Bybit at 00:00 and 23:00 UTC+8): −6.08 %.
    const oi = one('open_interest_change');
    expect(oi.measure).toBe('coins');
    expect(oi.changeFraction).toBeCloseTo(-0.06076, 4);
    expect(oi.usdChangeFraction).toBeCloseTo(-0.09121, 4);
    expect(oi.deleveraging).toBe(true);
  });

  it('GBTC dollar volume well above its average while BTC fell; ETF flows a disclosed gap', () => {
    const gbtc = snapshot.etfs.find((e) => e.ticker === 'GBTC')!.daily;
    const i = gbtc.findIndex((d) => d.date === '2024-01-03');
    const dollar = gbtc[i]!.close * gbtc[i]!.volume;
    const avg = mean(gbtc.slice(i - 30, i).map((d) => d.close * d.volume));
    const e = one('etf_volume');
    expect(e).toMatchObject({ date: '2024-01-03', divergence: true });
    expect(e.multipleOf30dAvg).toBeCloseTo(dollar / avg, 8);
    expect(e.priceChangeFraction).toBeLessThan(0);
    expect(all('etf_flows')).toEqual([]);
    expect(one('data_gap', (g) => g.family === 'etfFlows')).toMatchObject({
      asset: 'BTC',
      gapKind: 'not-applicable',
      affects: ['etf_flows'],
    });
  });

  it('whales: 120 transfers ≥ 1,000 BTC against a 45–70 baseline; 10 in the 4 h before the 43,000 break and 26 after', () => {
    const w = one('whale_activity');
    const counts = snapshot.whaleTransfers[0]!.dailyCounts.map((d) => d.count);
    // The break came at 04:00 (UTC+8), 4 h into the window: 4 h either side, counted here from the list.
    const large = snapshot.whaleTransfers[0]!.transfers.filter((x) => x.amountCoins >= 1000);
    const between = (from: string, to: string): number => large.filter((x) => x.time >= at(from) && x.time < at(to)).length;
    const before = between('2024-01-03T16:00:00Z', '2024-01-03T20:00:00Z');
    const after = between('2024-01-03T20:00:00Z', '2024-01-04T00:00:00Z');
    expect([before, after]).toEqual([10, 26]);
    expect(w).toMatchObject({
      count: 120,
      aroundLevel: { level: 43000, direction: 'below', before, after, windowHours: 4, shift: 'more' },
    });
    expect(w.baseline30dAvgCount).toBeCloseTo(mean(counts), 8);
    expect(w.multipleOfBaseline).toBeCloseTo(120 / mean(counts), 8);
  });

  it('exchange flows: an inflow spike right after the break, then net outflow', () => {
    const x = one('exchange_flows');
    expect(x).toMatchObject({ reversal: true, peakInflow: { time: at('2024-01-03T21:00:00Z') } });
    expect(x.netAfterPeakCoins).toBeLessThan(0);
  });

  it('DVOL 54 → 68 → 63, above its 30-day average', () => {
    const v = one('implied_vol');
    const daily = snapshot.volatility[0]!.daily.filter((d) => d.t + 86_400_000 <= snapshot.window.start).slice(-30);
    expect(v).toMatchObject({ open: 54.1, dayHigh: 67.8, current: 63.1, elevated: true });
    expect(v.avg30d).toBeCloseTo(mean(daily.map((d) => d.c)), 8);
  });

  it('key levels: 40,000 below, 43,000 above', () => {
    const k = one('key_levels');
    expect(k.supports.map((l) => l.price)).toContain(40000);
    expect(k.resistances.map((l) => l.price)).toContain(43000);
  });
});
