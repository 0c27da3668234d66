/**
 * Internal consistency of every committed scenario snapshot: hourly vs daily candles, perps
 * tracking spot, the basis formula, OI in USD vs base × price, liquidation orders inside the
 * price path, sorted series, ETF dates on US trading days, and byte-identical rebuilds.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot, type Candle, type Snapshot } from '../../kernel/snapshot/index.js';
import { buildAll, SCENARIOS } from '../fixtures/scenarios/build.js';
import { DAY, HOUR } from './helpers.js';

const FILES = SCENARIOS.map((s) => s.file);

const loaded = new Map<string, Snapshot>();
beforeAll(async () => {
  for (const file of FILES) loaded.set(file, await loadSnapshot(file));
});

/** Candles by their open time, built once per series (a search per point made this file slow). */
const byTime = new WeakMap<readonly Candle[], Map<number, Candle>>();
function candleAt(candles: readonly Candle[], t: number): Candle | undefined {
  let index = byTime.get(candles);
  if (!index) byTime.set(candles, (index = new Map(candles.map((c) => [c.t, c]))));
  return index.get(t);
}

function hourCandle(candles: readonly Candle[], t: number): Candle | undefined {
  return candleAt(candles, t - (t % HOUR));
}

describe.each(FILES)('%s', (file) => {
  const snap = (): Snapshot => loaded.get(file)!;

  it('daily candles agree with the hourly candles of the same UTC day', () => {
    const s = snap();
    for (const list of [s.prices, s.perpetuals]) {
      for (const daily of list.filter((p) => p.interval === '1d')) {
        const hourly = list.find((p) => p.interval === '1h' && p.venue === daily.venue && p.symbol === daily.symbol)!;
        let compared = 0;
        for (const d of daily.candles) {
          const hours = hourly.candles.filter((c) => c.t >= d.t && c.t < d.t + DAY);
          if (hours.length !== 24) continue;
          compared++;
          expect(d.o).toBe(hours[0]!.o);
          expect(d.c).toBe(hours[23]!.c);
          expect(d.h).toBe(Math.max(...hours.map((c) => c.h)));
          expect(d.l).toBe(Math.min(...hours.map((c) => c.l)));
          expect(d.v).toBeCloseTo(
            hours.reduce((a, c) => a + c.v, 0),
            4,
          );
          expect(d.qv!).toBeCloseTo(
            hours.reduce((a, c) => a + (c.qv ?? 0), 0),
            1,
          );
        }
        expect(compared).toBeGreaterThanOrEqual(29);
      }
    }
  });

  // The per-candle rules collect every broken candle and assert once: the same comparisons as
  // an expect per candle (written `!(a <= b)` so that NaN breaks them too), at a fraction of
  // the cost over tens of thousands of candles, and a failure lists them all.
  it('candles are well formed: ascending hours, l ≤ o, c ≤ h, qv ≈ v × price', () => {
    const broken: string[] = [];
    for (const p of [...snap().prices, ...snap().perpetuals]) {
      const step = p.interval === '1h' ? HOUR : DAY;
      const where = (i: number) => `${p.venue} ${p.symbol} ${p.interval} #${i}`;
      p.candles.forEach((c, i) => {
        if (i > 0 && c.t - p.candles[i - 1]!.t !== step) broken.push(`${where(i)}: ${c.t - p.candles[i - 1]!.t} ms after the last`);
        if (!(c.l <= Math.min(c.o, c.c))) broken.push(`${where(i)}: low ${c.l} above open or close`);
        if (!(c.h >= Math.max(c.o, c.c))) broken.push(`${where(i)}: high ${c.h} below open or close`);
        const vwap = c.qv! / c.v;
        if (!(vwap >= c.l * 0.999 && vwap <= c.h * 1.001)) broken.push(`${where(i)}: qv / v = ${vwap} outside [${c.l}, ${c.h}]`);
      });
    }
    expect(broken).toEqual([]);
  });

  it('perp closes track spot within 0.05 % (a few dollars on BTC)', () => {
    const s = snap();
    const broken: string[] = [];
    for (const perp of s.perpetuals.filter((p) => p.interval === '1h')) {
      const spot = s.prices.find((p) => p.asset === perp.asset && p.interval === '1h')!;
      for (const c of perp.candles) {
        const sc = candleAt(spot.candles, c.t);
        if (!sc) broken.push(`${perp.venue} ${perp.symbol} ${c.t}: no spot candle`);
        else if (!(Math.abs(c.c / sc.c - 1) < 0.0005)) broken.push(`${perp.venue} ${perp.symbol} ${c.t}: ${c.c} vs spot ${sc.c}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('basis: annualized = (futures / index − 1) × 365 / days, index ≈ spot', () => {
    for (const b of snap().basis) {
      for (const p of b.history) {
        const days = (b.expiry - p.time) / DAY;
        expect(p.annualizedBasis).toBeCloseTo(((p.futuresPrice / p.indexPrice - 1) * 365) / days, 5);
      }
    }
  });

  it('open interest: oiUsd = oiBase × the spot price at that hour (within the hour’s range)', () => {
    const s = snap();
    for (const oi of s.openInterest) {
      const spot = s.prices.find((p) => p.asset === oi.asset && p.interval === '1h')!;
      const broken: string[] = [];
      for (const p of oi.history) {
        const price = p.oiUsd / p.oiBase!;
        const c = hourCandle(spot.candles, p.time);
        if (!c) continue;
        // The price is the unrounded path value; candles are rounded to the tick (≤ 0.005 % here).
        if (!(price >= c.l * (1 - 5e-5) && price <= c.h * (1 + 5e-5)))
          broken.push(`${oi.venue} ${p.time}: ${price} outside [${c.l}, ${c.h}]`);
      }
      expect(broken).toEqual([]);
    }
  });

  it('liquidation orders sit inside the window and inside the hour’s spot and perp candles', () => {
    const s = snap();
    for (const group of s.liquidations.orders) {
      for (const o of group.orders) {
        expect(o.time).toBeGreaterThanOrEqual(s.window.start);
        expect(o.time).toBeLessThan(s.window.end);
        expect(o.notionalUsd).toBeCloseTo(o.price * o.quantity, 1);
        const spot = s.prices.find((p) => p.asset === o.asset && p.interval === '1h')!;
        const perp = s.perpetuals.find((p) => p.interval === '1h' && p.venue === o.venue && p.symbol === o.symbol);
        for (const candles of [spot.candles, perp?.candles ?? spot.candles]) {
          const c = hourCandle(candles, o.time)!;
          expect(o.price).toBeGreaterThanOrEqual(c.l);
          expect(o.price).toBeLessThanOrEqual(c.h);
        }
      }
      for (let i = 1; i < group.orders.length; i++) expect(group.orders[i]!.time).toBeGreaterThanOrEqual(group.orders[i - 1]!.time);
    }
    for (const t of s.liquidations.totals) expect(t.longUsd + t.shortUsd).toBeCloseTo(t.totalUsd, 1);
  });

  it('ETF days are US trading days (no weekends) and flows add up per day', () => {
    const s = snap();
    for (const e of s.etfs) {
      for (const d of e.daily) expect([0, 6]).not.toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
    }
    for (const f of s.etfFlows) {
      for (const d of f.daily) expect(d.perTicker.reduce((a, t) => a + t.netFlowUsd, 0)).toBe(d.netFlowUsd);
    }
  });

  it('no provenance is dated after the fetch', () => {
    const s = snap();
    const all = [
      ...s.prices,
      ...s.perpetuals,
      ...s.funding,
      ...s.basis,
      ...s.openInterest,
      ...s.etfs,
      ...s.etfFlows,
      ...s.whaleTransfers,
      ...s.exchangeFlows,
      ...s.volatility,
      ...s.macro,
    ];
    for (const x of all) expect(Date.parse(x.provenance.asOf)).toBeLessThanOrEqual(Date.parse(x.provenance.fetchedAt));
  });
});

describe('the builder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scenarios-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rebuilds every committed snapshot byte for byte', async () => {
    const written = await buildAll(dir);
    expect(written.length).toBe(FILES.length);
    for (const file of FILES) {
      const rebuilt = await readFile(join(dir, file));
      const committed = await readFile(file);
      expect(rebuilt.equals(committed), `${file} differs from a fresh build`).toBe(true);
    }
    // Building fourteen days of synthetic markets is most of this file's time (≈ 10 s idle).
  }, 180_000);
});
