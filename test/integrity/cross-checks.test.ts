/**
 * The cross-checks before analysis, on small hand-made parts with hand-computed tolerances
 * (defaults of `thresholds.crossCheck`: 0.2 % against the daily candle, 2 % close and 5 % wick
 * against the other series, 2 % of open interest per collected order, 5 % lower bound over complete).
 */
import { describe, expect, it } from 'vitest';
import { ThresholdsSchema } from '../../kernel/thresholds.js';
import type { Candle, LiquidationOrder, LiquidationTotals, PriceSeries } from '../../kernel/snapshot/schema.js';
import { checkLiquidations } from '../../sources/collected-check.js';
import { coverageGaps, missingHours } from '../../sources/coverage.js';
import { crossCheckPrices } from '../../sources/cross-check.js';
import { etfCompletenessGaps } from '../../sources/etf-completeness.js';

const TOL = ThresholdsSchema.parse({}).crossCheck;
const HOUR = 3_600_000;
const DAY0 = Date.parse('2024-01-03T00:00:00Z');
// A UTC+8 window: 2024-01-03T16:00Z – 2024-01-04T16:00Z.
const WINDOW = { start: DAY0 + 16 * HOUR, end: DAY0 + 40 * HOUR };
const prov = {
  provider: 'binance',
  endpoint: '/api/v3/klines?symbol=BTCUSDT',
  fetchedAt: '2024-01-04T16:05:00Z',
  asOf: '2024-01-04T16:00:00Z',
  method: 'fetched' as const,
};

const flat = (t: number, price: number): Candle => ({ t, o: price, h: price * 1.001, l: price * 0.999, c: price, v: 1 });
function series(market: 'spot' | 'perp', venue: string, interval: '1h' | '1d', candles: Candle[]): PriceSeries {
  return { asset: 'BTC', market, venue, symbol: 'BTCUSDT', interval, candles, provenance: { ...prov, provider: venue } };
}
/** 40 000 every hour from 16:00Z on 3 January (the hour before the window) to the window's end. */
const hours = (from = WINDOW.start - HOUR, to = WINDOW.end) =>
  Array.from({ length: (to - from) / HOUR }, (_, i) => flat(from + i * HOUR, 40_000));

describe('hourly spot candles against the daily candle and the other series', () => {
  const daily = series('spot', 'binance', '1d', [{ t: DAY0, o: 40_000, h: 40_100, l: 39_900, c: 40_000, v: 24 }]);
  const perp = series('perp', 'binance', '1h', hours());

  it('clean parts pass untouched', () => {
    const parts = { prices: [daily, series('spot', 'binance', '1h', hours())], perpetuals: [perp] };
    expect(crossCheckPrices(parts, WINDOW, TOL).gaps).toEqual([]);
  });

  it('a low 0.3 % below the daily low is left out (tolerance 0.2 %): 39,900 × 0.997 = 39,780.3', () => {
    const spot = hours();
    spot[4] = { ...spot[4]!, l: 39_780.3 }; // 19:00Z, inside UTC day 3 January
    const { parts, gaps } = crossCheckPrices({ prices: [daily, series('spot', 'binance', '1h', spot)], perpetuals: [perp] }, WINDOW, TOL);
    expect(gaps.map((g) => g.check)).toEqual([
      { name: 'hourly-vs-daily', times: [DAY0 + 19 * HOUR], figures: ['high', 'low', 'drawdown'] },
    ]);
    expect(parts.prices![1]!.candles.some((c) => c.t === DAY0 + 19 * HOUR)).toBe(false);
  });

  it('after midnight UTC (no daily candle yet) a close 2.5 % off the perpetual is left out; 1.5 % is kept', () => {
    const spot = hours();
    const at = (iso: string) => spot.findIndex((c) => c.t === Date.parse(iso));
    spot[at('2024-01-04T03:00:00Z')] = flat(Date.parse('2024-01-04T03:00:00Z'), 41_000); // +2.5 %
    spot[at('2024-01-04T04:00:00Z')] = flat(Date.parse('2024-01-04T04:00:00Z'), 40_600); // +1.5 %
    const { gaps } = crossCheckPrices({ prices: [daily, series('spot', 'binance', '1h', spot)], perpetuals: [perp] }, WINDOW, TOL);
    expect(gaps.map((g) => [g.check?.name, g.check?.times])).toEqual([['vs-reference', [Date.parse('2024-01-04T03:00:00Z')]]]);
  });

  it('references that disagree among themselves (OKX ×10) are not trusted: nothing is left out on their word', () => {
    const okx = series(
      'perp',
      'okx',
      '1h',
      hours().map((c) => ({ ...c, o: c.o * 10, h: c.h * 10, l: c.l * 10, c: c.c * 10 })),
    );
    const spot = series('spot', 'binance', '1h', hours(DAY0 + 24 * HOUR, WINDOW.end));
    expect(crossCheckPrices({ prices: [spot], perpetuals: [perp, okx] }, WINDOW, TOL).gaps).toEqual([]);
  });

  it('the last hour of the window left out puts the close and the change in doubt too', () => {
    const spot = hours();
    spot[spot.length - 1] = flat(WINDOW.end - HOUR, 400_000);
    const { gaps } = crossCheckPrices({ prices: [series('spot', 'binance', '1h', spot)], perpetuals: [perp] }, WINDOW, TOL);
    expect(gaps[0]!.check!.figures).toEqual(['high', 'low', 'drawdown', 'close', 'change']);
  });
});

describe('hourly spot candles against the index price (tolerance 1 %)', () => {
  const basis = (points: Array<[number, number]>, venue = 'binance') => ({
    venue,
    asset: 'BTC',
    contract: 'BTCUSDT_240329',
    tenor: 'CURRENT_QUARTER',
    expiry: Date.parse('2024-03-29T08:00:00Z'),
    history: points.map(([time, indexPrice]) => ({ time, futuresPrice: indexPrice * 1.01, indexPrice, annualizedBasis: 0.045 })),
    provenance: { ...prov, provider: venue },
  });
  const after = DAY0 + 24 * HOUR; // 2024-01-04T00:00Z: no daily candle, no perpetual, only the index
  const index40k = (from: number) => basis(hours(from, WINDOW.end).map((c) => [c.t, 40_000] as [number, number]));

  it('×10 from midnight UTC: every candle from 00:00Z to 15:00Z misses the index (40,000 < 399,600 × 0.99) and is left out', () => {
    const spot = hours(WINDOW.start - HOUR, WINDOW.end).map((c) => (c.t >= after ? flat(c.t, 400_000) : c));
    const { parts, gaps } = crossCheckPrices(
      { prices: [series('spot', 'binance', '1h', spot)], basis: [index40k(WINDOW.start - HOUR)] },
      WINDOW,
      TOL,
    );
    expect(gaps.map((g) => g.check)).toEqual([
      {
        name: 'vs-index',
        times: Array.from({ length: 16 }, (_, i) => after + i * HOUR),
        figures: ['high', 'low', 'drawdown', 'close', 'change'],
      },
    ]);
    expect(gaps[0]!.reason).toContain(
      '16 candle(s) outside the index price of that hour left out (2024-01-04T00:00, 2024-01-04T01:00, 2024-01-04T02:00, …)',
    );
    expect(parts.prices![0]!.candles.map((c) => c.t).at(-1)).toBe(after - HOUR);
  });

  it('bounds: a flat 40,000 candle (low 39,960, high 40,040) keeps an index of 40,400 and of 39,600, leaves out 40,450 (> 40,440.4) and 39,550 (< 39,560.4)', () => {
    const at = (h: number) => after + h * HOUR;
    const spot = series('spot', 'binance', '1h', hours(after, WINDOW.end));
    const index = basis([
      [at(1), 40_400],
      [at(2), 40_450],
      [at(3), 39_600],
      [at(4), 39_550],
    ]);
    const { gaps } = crossCheckPrices({ prices: [spot], basis: [index] }, WINDOW, TOL);
    expect(gaps.map((g) => g.check?.times)).toEqual([[at(2), at(4)]]);
  });

  it("alignment: a value stamped on the hour is checked against the candle opening then, whether it is that candle's open or its close; a mid-hour Deribit value against the candle holding it", () => {
    const t = after + 5 * HOUR;
    const rising: Candle = { t, o: 40_000, h: 40_300, l: 39_990, c: 40_300, v: 1 };
    const spot = series('spot', 'binance', '1h', [...hours(after, t), rising, ...hours(t + HOUR, WINDOW.end)]);
    const open = basis([[t, 40_000]]);
    const close = basis([[t, 40_300]]);
    const deribit = basis([[t + 30 * 60_000, 40_150]], 'deribit');
    expect(crossCheckPrices({ prices: [spot], basis: [open, close, deribit] }, WINDOW, TOL).gaps).toEqual([]);
    // Stamped an hour earlier, 40,500 belongs to the flat candle before (high 40,040; 40,040 × 1.01 = 40,440.4) and fails there.
    const early = basis([[t - HOUR, 40_500]]);
    expect(crossCheckPrices({ prices: [spot], basis: [early] }, WINDOW, TOL).gaps.map((g) => g.check?.times)).toEqual([[t - HOUR]]);
  });
});

describe('coverage', () => {
  it('names the closed hours of the window without a candle, and not the hours still to come', () => {
    const spot = series(
      'spot',
      'binance',
      '1h',
      hours().filter((c) => c.t !== DAY0 + 19 * HOUR && c.t !== DAY0 + 20 * HOUR),
    );
    expect(missingHours(spot, WINDOW, WINDOW.end + 5 * 60_000)).toEqual([DAY0 + 19 * HOUR, DAY0 + 20 * HOUR]);
    // At 21:30Z on 3 January only the hours up to 20:00Z have closed.
    const midday = series(
      'spot',
      'binance',
      '1h',
      hours(WINDOW.start - HOUR, DAY0 + 21 * HOUR).filter((c) => c.t !== DAY0 + 19 * HOUR),
    );
    expect(missingHours(midday, WINDOW, DAY0 + 21.5 * HOUR)).toEqual([DAY0 + 19 * HOUR]);
    expect(coverageGaps({ prices: [spot] }, WINDOW, WINDOW.end)[0]!.check).toEqual({
      name: 'missing-hours',
      times: [DAY0 + 19 * HOUR, DAY0 + 20 * HOUR],
      figures: ['high', 'low', 'drawdown'],
    });
  });
});

describe('collected liquidations', () => {
  const order = (notionalUsd: number, price = 40_000): LiquidationOrder => ({
    venue: 'binance',
    symbol: 'BTCUSDT',
    asset: 'BTC',
    side: 'long',
    price,
    quantity: notionalUsd / price,
    notionalUsd,
    time: WINDOW.start + HOUR,
  });
  const totals = (source: string, coverage: 'complete' | 'lower-bound', totalUsd: number): LiquidationTotals => ({
    source,
    asset: 'BTC',
    start: WINDOW.start,
    end: WINDOW.end,
    totalUsd,
    longUsd: totalUsd,
    shortUsd: 0,
    coverage,
    provenance: { ...prov, provider: source },
  });
  const base = {
    prices: [series('spot', 'binance', '1h', hours())],
    // Open interest $5 billion: at most 2 % = $100 million in one order.
    openInterest: [
      { venue: 'binance', symbol: 'BTCUSDT', asset: 'BTC', history: [{ time: WINDOW.end - HOUR, oiUsd: 5e9 }], provenance: prov },
    ],
  };

  it('an order above 2 % of open interest, or priced outside the day, is left out and the floor summed again', () => {
    const orders = [order(50_000), order(150_000_000), order(60_000, 20_000)];
    const { parts, gaps } = checkLiquidations(
      {
        ...base,
        liquidationOrders: [{ source: 'collector', coverage: 'lower-bound', orders, provenance: prov }],
        liquidationTotals: [totals('collector', 'lower-bound', 150_110_000)],
      },
      WINDOW,
      TOL,
    );
    expect(parts.liquidationTotals!.map((t) => [t.source, t.totalUsd])).toEqual([['collector', 50_000]]);
    expect(gaps.map((g) => [g.check?.name, g.check?.times?.length])).toEqual([['event-size', 2]]);
  });

  it('a lower bound above a complete total by more than 5 % is left out; within 5 % it stays', () => {
    const check = (floor: number) =>
      checkLiquidations(
        { ...base, liquidationTotals: [totals('okx', 'lower-bound', floor), totals('coinglass', 'complete', 1e9)] },
        WINDOW,
        TOL,
      );
    expect(check(1.06e9).parts.liquidationTotals!.map((t) => t.source)).toEqual(['coinglass']);
    expect(check(1.06e9).gaps[0]!.check).toEqual({ name: 'lower-bound-above-total', symbols: ['okx'] });
    expect(check(1.04e9).parts.liquidationTotals!.map((t) => t.source)).toEqual(['okx', 'coinglass']);
  });
});

describe('ETF completeness', () => {
  it('a fund without a bar for the latest session any fund reported is named, with the session', () => {
    const fund = (ticker: string, dates: string[]) => ({
      ticker,
      asset: 'BTC',
      daily: dates.map((date) => ({ date, close: 40, volume: 1e6 })),
      provenance: { ...prov, provider: 'yahoo', endpoint: `/v8/finance/chart/${ticker}?interval=1d` },
    });
    const gaps = etfCompletenessGaps({ etfs: [fund('GBTC', ['2024-01-02', '2024-01-03']), fund('IBIT', ['2024-01-02'])] });
    expect(gaps.map((g) => [g.endpoint, g.check])).toEqual([
      ['GET /v8/finance/chart/IBIT', { name: 'missing-session', symbols: ['IBIT'], date: '2024-01-03' }],
    ]);
  });
});
