/**
 * The bundled example (snapshots/2024-01-04.json) says what the AiCoin article says. Each test
 * recomputes a stated figure from the committed series; the arithmetic of the target is in
 * the comment beside it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../../kernel/snapshot/index.js';
import { dailyChanges, firstCross, windowStats } from '../fixtures/scenarios/checks.js';
import { at, DAY, HOUR, mean, median, series, spot, sumBetween } from './helpers.js';

let s: Snapshot;
beforeAll(async () => {
  s = await loadSnapshot('snapshots/2024-01-04.json');
});

describe('snapshots/2024-01-04.json: identity', () => {
  it('is the UTC+8 day of 4 January 2024, reconstructed, BTC only', () => {
    // 4 Jan 00:00 UTC+8 = 3 Jan 16:00 UTC; the window is 24 h.
    expect(s.window).toEqual({ start: at('2024-01-03T16:00:00Z'), end: at('2024-01-04T16:00:00Z') });
    expect(s.timezone).toBe('Asia/Shanghai');
    expect(s.origin.kind).toBe('reconstructed');
    expect(s.origin.reference).toBe('AiCoin market brief, 2024-01-04 (UTC+8)');
    expect(s.assets).toEqual(['BTC']);
    expect(s.generatedAt).toBe('2024-01-04T16:06:00.000Z');
  });

  it('stamps every series as reconstructed, fetched at 16:05 UTC', () => {
    const provenances = [
      ...s.prices,
      ...s.perpetuals,
      ...s.funding,
      ...s.basis,
      ...s.openInterest,
      ...s.etfs,
      ...s.whaleTransfers,
      ...s.exchangeFlows,
      ...s.volatility,
      ...s.macro,
      ...s.liquidations.totals,
      ...s.liquidations.history,
      ...s.liquidations.orders,
    ].map((x) => x.provenance);
    expect(provenances.length).toBeGreaterThan(20);
    for (const p of provenances) {
      expect(p.method).toBe('reconstructed');
      expect(p.fetchedAt).toBe('2024-01-04T16:05:00.000Z');
      expect(Date.parse(p.asOf)).toBeLessThanOrEqual(at('2024-01-04T16:05:00Z'));
    }
    expect(new Set(provenances.map((p) => p.provider))).toEqual(
      new Set(['binance', 'okx', 'bybit', 'deribit', 'yahoo', 'blockchair', 'coinglass', 'whale-alert', 'collector']),
    );
  });

  it('discloses exactly one gap: ETF flows did not exist yet', () => {
    expect(s.gaps).toEqual([
      {
        family: 'etfFlows',
        source: 'coinglass',
        asset: 'BTC',
        kind: 'not-applicable',
        reason: 'US spot bitcoin ETFs had not launched yet (first trading day 11 Jan 2024)',
      },
    ]);
    expect(s.etfFlows).toEqual([]);
  });
});

describe('spot BTCUSDT', () => {
  it('has ≥ 120 daily candles and 744 hourly ones (30 days + the window)', () => {
    expect(spot(s, 'BTC', '1d').length).toBeGreaterThanOrEqual(120);
    const hourly = spot(s, 'BTC', '1h');
    expect(hourly.length).toBe(744); // 31 × 24
    expect(hourly[0]!.t).toBe(at('2023-12-04T16:00:00Z'));
    expect(hourly[743]!.t).toBe(at('2024-01-04T15:00:00Z'));
  });

  it('follows BTC’s path from ~27,000 in October to ~45,000 on 2 January', () => {
    const daily = spot(s, 'BTC', '1d');
    // The price at 00:00 UTC of a date is that day's open; each must be within 4 % of the stated level.
    const openOn = (d: string): number => daily.find((c) => c.t === at(`${d}T00:00:00Z`))!.o;
    const near = (value: number, level: number): void => expect(Math.abs(value / level - 1)).toBeLessThan(0.04);
    near(openOn('2023-10-03'), 27_000);
    near(openOn('2023-11-01'), 34_500);
    near(openOn('2023-12-01'), 37_700);
    near(openOn('2023-12-15'), 44_000);
    near(openOn('2024-01-01'), 42_300);
    near(openOn('2024-01-03'), 45_000);
    const decHigh = Math.max(...daily.filter((c) => c.t >= at('2023-12-01T00:00:00Z') && c.t < at('2023-12-31T00:00:00Z')).map((c) => c.h));
    expect(decHigh).toBeGreaterThan(44_300); // "peaking ~44,700"
    expect(decHigh).toBeLessThan(45_300);
  });

  it('makes 3 January (UTC) the largest one-day drop of the sample, about −4.5 %', () => {
    const changes = dailyChanges(spot(s, 'BTC', '1d'));
    const worst = changes.reduce((a, b) => (b.changeFraction < a.changeFraction ? b : a));
    expect(worst.t).toBe(at('2024-01-03T00:00:00Z'));
    // 42,931.5 / 44,961.3 − 1 = −0.04515
    expect(worst.changeFraction).toBeCloseTo(-0.04515, 4);
  });

  it('draws the window’s shape: open, early high, the break of 43,000, the low, the close', () => {
    const hourly = spot(s, 'BTC', '1h');
    const w = windowStats(hourly, s.window);
    expect(w.prevClose).toBeGreaterThan(44_000);
    expect(w.open).toBeCloseTo(44_552.37, 2);
    expect(w.high).toBeCloseTo(44_807.6, 2);
    expect(w.highTime).toBeLessThan(at('2024-01-03T19:00:00Z')); // within the first 3 hours (before 03:00 UTC+8)
    // The drop starts with the minutes at 03:00 UTC+8 = 19:00 UTC; 43,000 breaks in the 04:00 UTC+8 hour.
    expect(firstCross(hourly, 43_000, 'below', s.window.start - DAY, s.window.end)).toBe(at('2024-01-03T20:00:00Z'));
    expect(w.low).toBeCloseTo(41_706.4, 2);
    expect(w.low).toBeLessThan(42_000);
    expect(w.lowTime).toBeGreaterThanOrEqual(at('2024-01-03T22:00:00Z')); // 06:00 UTC+8
    expect(w.lowTime).toBeLessThan(at('2024-01-04T00:00:00Z')); // 08:00 UTC+8
    expect(w.close).toBeCloseTo(42_873.9, 2);
    // close / prevClose − 1 = 42,873.9 / 44,552.37 − 1 = −0.03767
    expect(w.close / w.prevClose - 1).toBeCloseTo(-0.03767, 4);
  });
});

describe('perpetuals', () => {
  const venues = [
    ['binance', 'BTCUSDT', 0.52],
    ['okx', 'BTC-USDT-SWAP', 0.41],
    ['bybit', 'BTCUSDT', 0.58],
  ] as const;

  it.each(venues)('%s %s: window quote volume vs the prior 24 h is +%s', (venue, symbol, target) => {
    const hourly = series(s.perpetuals, venue, symbol, '1h').candles;
    expect(hourly.length).toBeGreaterThanOrEqual(31 * 24);
    const day = sumBetween(hourly, s.window.start, s.window.end, 'qv');
    const prior = sumBetween(hourly, s.window.start - DAY, s.window.start, 'qv');
    expect(Math.abs(day / prior - 1 - target)).toBeLessThan(0.005);
  });

  it.each(venues)('%s %s: daily candles for ≥ 31 days', (venue, symbol) => {
    expect(series(s.perpetuals, venue, symbol, '1d').candles.length).toBeGreaterThanOrEqual(31);
  });

  it('peaks within 2 hours after the break; the 30-day record on binance and bybit, not okx', () => {
    const breakHour = at('2024-01-03T20:00:00Z');
    for (const [venue, symbol] of venues) {
      const hourly = series(s.perpetuals, venue, symbol, '1h').candles;
      const inWindow = hourly.filter((c) => c.t >= s.window.start);
      const peak = inWindow.reduce((a, b) => ((b.qv ?? 0) > (a.qv ?? 0) ? b : a));
      expect(peak.t).toBeGreaterThanOrEqual(breakHour);
      expect(peak.t).toBeLessThanOrEqual(breakHour + 2 * HOUR);
      const last30 = hourly.filter((c) => c.t >= s.window.end - 30 * DAY);
      const record = last30.reduce((a, b) => ((b.qv ?? 0) > (a.qv ?? 0) ? b : a));
      if (venue === 'okx') expect(record.t).toBeLessThan(s.window.start - DAY);
      else expect(record.t).toBe(peak.t);
    }
  });
});

describe('liquidations', () => {
  it('coinglass: 1.262e9 total, 0.916e9 longs (72.6 %), complete', () => {
    const cg = s.liquidations.totals.find((t) => t.source === 'coinglass')!;
    expect(cg).toMatchObject({
      totalUsd: 1.262e9,
      longUsd: 0.916e9,
      shortUsd: 0.346e9,
      coverage: 'complete',
      start: s.window.start,
      end: s.window.end,
    });
    // 0.916 / 1.262 = 0.72583
    expect(Math.abs(cg.longUsd / cg.totalUsd - 0.726)).toBeLessThan(0.001);
  });

  it('collector: ≈ 0.41e9, ≈ 74 % longs, a lower bound equal to the sum of its ≈ 400 orders', () => {
    const col = s.liquidations.totals.find((t) => t.source === 'collector')!;
    expect(col.coverage).toBe('lower-bound');
    expect(col.totalUsd / 0.41e9).toBeCloseTo(1, 2);
    expect(col.longUsd / col.totalUsd).toBeCloseTo(0.74, 3);
    const orders = s.liquidations.orders[0]!.orders;
    expect(orders.length).toBe(400);
    const sum = orders.reduce((a, o) => a + o.notionalUsd, 0);
    expect(Math.abs(sum - col.totalUsd)).toBeLessThan(0.01 * orders.length);
  });

  it('history: 30 prior days, median 1.6e8, none above 6e8', () => {
    const h = s.liquidations.history[0]!;
    expect(h.daily.length).toBe(30);
    expect(h.daily[29]!.date).toBe('2024-01-03');
    expect(median(h.daily.map((d) => d.totalUsd))).toBeCloseTo(1.6e8, -2);
    expect(Math.max(...h.daily.map((d) => d.totalUsd))).toBeLessThan(6e8);
  });

  it('orders: mostly longs, concentrated in 42,100–42,600 during the drop', () => {
    const orders = s.liquidations.orders[0]!.orders;
    const longs = orders.filter((o) => o.side === 'long');
    expect(longs.length / orders.length).toBeGreaterThan(0.7);
    const band = longs.filter((o) => o.price >= 42_100 && o.price <= 42_600);
    expect(band.length / longs.length).toBeGreaterThan(0.5);
    const dropEnd = at('2024-01-04T00:00:00Z');
    const duringDrop = band.filter((o) => o.time >= at('2024-01-03T19:00:00Z') && o.time < dropEnd);
    expect(duringDrop.length / band.length).toBeGreaterThan(0.8);
    expect(new Set(orders.map((o) => o.venue))).toEqual(new Set(['binance', 'okx', 'bybit']));
  });
});

describe('funding, basis, open interest', () => {
  it('funding: 90 settlements; elevated 0.03–0.06 % the 7 days before; now about zero', () => {
    const current = { binance: 0.00001, okx: -0.000025, bybit: 0.000002 } as const;
    for (const f of s.funding) {
      expect(f.intervalHours).toBe(8);
      expect(f.history.length).toBe(90); // 30 days × 3
      const week = f.history.filter((h) => h.time >= s.window.start - 7 * DAY && h.time <= s.window.start);
      expect(week.length).toBe(22); // 27 Dec 16:00 … 3 Jan 16:00 UTC
      for (const h of week) {
        expect(h.rate).toBeGreaterThanOrEqual(0.0003);
        expect(h.rate).toBeLessThanOrEqual(0.0006);
      }
      expect(f.current?.rate).toBe(current[f.venue as keyof typeof current]);
    }
  });

  it('basis: quarterlies 10–12 % before the drop, about 5 % now; 12JAN24 at a discount in the window', () => {
    const byContract = new Map(s.basis.map((b) => [b.contract, b]));
    for (const contract of ['BTCUSDT_240329', 'BTCUSDT_240628', 'BTC-29MAR24', 'BTC-28JUN24']) {
      const h = byContract.get(contract)!.history;
      expect(h.length).toBe(54); // 30 daily + 24 hourly
      const before = h.find((p) => p.time === s.window.start)!.annualizedBasis;
      expect(before).toBeGreaterThanOrEqual(0.095);
      expect(before).toBeLessThanOrEqual(0.125);
      const now = h[h.length - 1]!.annualizedBasis;
      expect(now).toBeGreaterThanOrEqual(0.046);
      expect(now).toBeLessThanOrEqual(0.056);
    }
    const jan12 = byContract.get('BTC-12JAN24')!.history.filter((p) => p.time >= s.window.start);
    const low = Math.min(...jan12.map((p) => p.annualizedBasis));
    expect(low).toBeLessThan(-0.03);
    expect(low).toBeGreaterThan(-0.05);
    expect(byContract.get('BTCUSDT_240329')!.expiry).toBe(at('2024-03-29T08:00:00Z'));
  });

  it('open interest: hourly for 30 days, peaking before the drop, down ≈ 9 % in the window (USD)', () => {
    for (const oi of s.openInterest) {
      expect(oi.history.length).toBe(720);
      const w = oi.history.filter((p) => p.time >= s.window.start);
      const change = w[w.length - 1]!.oiUsd / w[0]!.oiUsd - 1;
      expect(change).toBeGreaterThan(-0.1);
      expect(change).toBeLessThan(-0.08);
      const peak = oi.history.reduce((a, b) => (b.oiUsd > a.oiUsd ? b : a));
      expect(peak.time).toBeLessThan(at('2024-01-03T20:00:00Z'));
    }
  });
});

describe('GBTC, on-chain, DVOL, macro', () => {
  it('GBTC: ≥ 45 US trading days to 3 Jan; close 36.4, −8 %; volume 1.7× the 30-day average', () => {
    const gbtc = s.etfs.find((e) => e.ticker === 'GBTC')!;
    expect(gbtc.daily.length).toBeGreaterThanOrEqual(45);
    const n = gbtc.daily.length;
    const last = gbtc.daily[n - 1]!;
    expect(last).toMatchObject({ date: '2024-01-03', close: 36.4 });
    expect(gbtc.daily[n - 2]!.date).toBe('2024-01-02');
    // 36.4 / 39.57 − 1 = −0.0801
    expect(last.close / gbtc.daily[n - 2]!.close - 1).toBeCloseTo(-0.08, 3);
    const prior = gbtc.daily.slice(n - 31, n - 1).map((d) => d.volume);
    expect(last.volume / mean(prior)).toBeCloseTo(1.7, 2);
    expect(gbtc.daily.some((d) => d.date === '2023-12-25' || d.date === '2023-11-23')).toBe(false); // US holidays
  });

  it('whale transfers: 30-day baseline 45–70, ≈ 120 in the window, ≈ 30 before / ≈ 85 after the break', () => {
    const w = s.whaleTransfers[0]!;
    expect(w.dailyCounts.length).toBe(30);
    for (const d of w.dailyCounts) {
      expect(d.count).toBeGreaterThanOrEqual(45);
      expect(d.count).toBeLessThanOrEqual(70);
    }
    const count = (from: number, to: number): number => w.transfers.filter((t) => t.time >= from && t.time < to).length;
    const breakHour = at('2024-01-03T20:00:00Z');
    expect(count(s.window.start, s.window.end)).toBe(120);
    expect(count(breakHour - 12 * HOUR, breakHour)).toBe(30);
    expect(count(breakHour, breakHour + 12 * HOUR)).toBe(85);
    for (const t of w.transfers) {
      expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(t.amountCoins).toBeGreaterThanOrEqual(1000);
      expect(t.amountCoins).toBeLessThanOrEqual(9000);
      expect(t.from).toBeUndefined();
    }
  });

  it('exchange flows: net inflow peaks ≈ 6,500 right after the break, net outflow below 42,000', () => {
    const hourly = s.exchangeFlows[0]!.hourly;
    expect(hourly.length).toBe(24);
    const net = hourly.map((h) => ({ t: h.t, net: h.inflow - h.outflow }));
    const peak = net.reduce((a, b) => (b.net > a.net ? b : a));
    expect(peak.t).toBe(at('2024-01-03T21:00:00Z'));
    expect(peak.net).toBeCloseTo(6480, 2);
    for (const h of net.filter((x) => x.t >= at('2024-01-03T22:00:00Z'))) expect(h.net).toBeLessThan(0);
  });

  it('DVOL: 60 daily candles, November ≈ 50–52, window 54 → 68 → 63', () => {
    const v = s.volatility[0]!;
    expect(v.unit).toBe('vol-points');
    expect(v.daily.length).toBe(60);
    const nov = v.daily.filter((d) => d.t >= at('2023-11-01T00:00:00Z') && d.t < at('2023-12-01T00:00:00Z'));
    expect(mean(nov.map((d) => d.c))).toBeGreaterThan(50);
    expect(mean(nov.map((d) => d.c))).toBeLessThan(52);
    expect(v.hourly[0]!.o).toBe(54.1);
    expect(Math.max(...v.hourly.map((h) => h.h))).toBe(67.8);
    expect(v.hourly[23]!.c).toBe(63.1);
  });

  it('macro: dollar and yields rebound, Nasdaq −1.6 % and −1.2 % on 2 and 3 January', () => {
    const m = new Map(s.macro.map((x) => [x.symbol, x.daily]));
    const close = (sym: string, d: string): number => m.get(sym)!.find((x) => x.date === d)!.close;
    for (const daily of m.values()) expect(daily.length).toBe(30);
    expect(close('DX-Y.NYB', '2023-12-29')).toBe(101.33);
    expect(close('DX-Y.NYB', '2024-01-03')).toBe(102.47);
    expect(close('^TNX', '2023-12-29')).toBe(3.866);
    expect(close('^TNX', '2024-01-03')).toBe(3.948);
    // 14,765.94 / 15,011.35 − 1 = −0.01635; 14,592.21 / 14,765.94 − 1 = −0.01177
    expect(close('^IXIC', '2024-01-02') / close('^IXIC', '2023-12-29') - 1).toBeCloseTo(-0.01635, 4);
    expect(close('^IXIC', '2024-01-03') / close('^IXIC', '2024-01-02') - 1).toBeCloseTo(-0.01177, 4);
  });
});
