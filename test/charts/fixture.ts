/**
 * A small hand-made snapshot and findings for the chart tests: BTC on 2024-01-04 (UTC+8), with
 * every data family a chart uses. Figures are round so the expected values can be worked by hand.
 */
import type { Findings } from '../../pipeline/analysis/findings.js';
import { SnapshotSchema, type Snapshot, type SnapshotInput } from '../../kernel/snapshot/schema.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** 2024-01-04 00:00 in UTC+8 = 2024-01-03 16:00 UTC. */
export const WINDOW_START = Date.UTC(2024, 0, 3, 16);
export const WINDOW_END = WINDOW_START + DAY;

const provenance = (provider: string, endpoint: string) => ({
  provider,
  endpoint,
  fetchedAt: '2024-01-04T16:05:00Z',
  asOf: '2024-01-04T16:00:00Z',
  method: 'replayed' as const,
});

/**
 * Hourly closes: flat at 44,000 for hours 0–9, then −400 per hour for hours 10–19 (40,000 at
 * hour 19), then +200 per hour (41,000 at hour 24 … i.e. 40,800 at hour 23).
 */
export function closeAt(hour: number): number {
  if (hour < 10) return 44_000;
  if (hour < 20) return 44_000 - 400 * (hour - 9);
  return 40_000 + 200 * (hour - 19);
}

function hourlyCandles() {
  const candles = [];
  for (let hour = -3; hour < 24; hour++) {
    const c = closeAt(hour);
    const o = closeAt(hour - 1);
    candles.push({ t: WINDOW_START + hour * HOUR, o, h: Math.max(o, c) + 100, l: Math.min(o, c) - 100, c, v: 1000 });
  }
  return candles;
}

function fundingHistory(base: number, after: number) {
  // Every 8 h for the 7 days before the window end; rates drop from `base` to `after` in the window.
  const history = [];
  for (let t = WINDOW_END - 7 * DAY; t < WINDOW_END; t += 8 * HOUR) history.push({ time: t, rate: t >= WINDOW_START ? after : base });
  return history;
}

function basisHistory(before: number, now: number) {
  return [
    { time: WINDOW_START - 2 * HOUR, futuresPrice: 45_000, indexPrice: 44_000, annualizedBasis: before },
    { time: WINDOW_END - 2 * HOUR, futuresPrice: 41_000, indexPrice: 40_800, annualizedBasis: now },
  ];
}

/** 35 US trading days (weekdays) ending 2024-01-03: GBTC volume 10M shares at $30, the last day 40M. */
function etfDays() {
  const days = [];
  for (let d = Date.UTC(2024, 0, 3); days.length < 35; d -= DAY) {
    const weekday = new Date(d).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const date = new Date(d).toISOString().slice(0, 10);
    days.unshift({ date, close: 30, volume: date === '2024-01-03' ? 40_000_000 : 10_000_000 });
  }
  return days;
}

export function fixtureSnapshotInput(): SnapshotInput {
  return {
    schemaVersion: 1,
    date: '2024-01-04',
    timezone: 'Asia/Shanghai',
    window: { start: WINDOW_START, end: WINDOW_END },
    generatedAt: '2024-01-04T16:10:00Z',
    origin: { kind: 'synthetic', description: 'hand-made test data' },
    assets: ['BTC'],
    prices: [
      {
        asset: 'BTC',
        market: 'spot',
        venue: 'binance',
        symbol: 'BTCUSDT',
        interval: '1h',
        candles: hourlyCandles(),
        provenance: provenance('binance', '/api/v3/klines'),
      },
    ],
    perpetuals: [],
    liquidations: {
      totals: [],
      history: [],
      orders: [
        {
          source: 'binance',
          coverage: 'lower-bound',
          orders: [
            // Hour 12 (12:00–13:00 UTC+8): longs 3M + 2M, shorts 1M. Hour 20: shorts 4M.
            {
              venue: 'binance',
              symbol: 'BTCUSDT',
              asset: 'BTC',
              side: 'long',
              price: 43_000,
              quantity: 70,
              notionalUsd: 3_000_000,
              time: WINDOW_START + 12 * HOUR + 60_000,
            },
            {
              venue: 'binance',
              symbol: 'BTCUSDT',
              asset: 'BTC',
              side: 'long',
              price: 42_900,
              quantity: 47,
              notionalUsd: 2_000_000,
              time: WINDOW_START + 12 * HOUR + 59 * 60_000,
            },
            {
              venue: 'binance',
              symbol: 'BTCUSDT',
              asset: 'BTC',
              side: 'short',
              price: 42_800,
              quantity: 23,
              notionalUsd: 1_000_000,
              time: WINDOW_START + 12 * HOUR + 30 * 60_000,
            },
            {
              venue: 'binance',
              symbol: 'BTCUSDT',
              asset: 'BTC',
              side: 'short',
              price: 40_200,
              quantity: 99,
              notionalUsd: 4_000_000,
              time: WINDOW_START + 20 * HOUR,
            },
            // Outside the window: ignored.
            {
              venue: 'binance',
              symbol: 'BTCUSDT',
              asset: 'BTC',
              side: 'long',
              price: 45_000,
              quantity: 99,
              notionalUsd: 9_000_000,
              time: WINDOW_START - 1,
            },
          ],
          provenance: provenance('binance', 'wss forceOrder'),
        },
      ],
    },
    funding: [
      {
        venue: 'binance',
        symbol: 'BTCUSDT',
        asset: 'BTC',
        intervalHours: 8,
        history: fundingHistory(0.0003, 0.00005),
        provenance: provenance('binance', '/fapi/v1/fundingRate'),
      },
      {
        venue: 'okx',
        symbol: 'BTC-USDT-SWAP',
        asset: 'BTC',
        intervalHours: 8,
        history: fundingHistory(0.00025, -0.00002),
        provenance: provenance('okx', '/api/v5/public/funding-rate-history'),
      },
    ],
    basis: [
      {
        venue: 'binance',
        asset: 'BTC',
        contract: 'BTCUSDT_240329',
        tenor: 'CURRENT_QUARTER',
        expiry: Date.UTC(2024, 2, 29, 8),
        history: basisHistory(0.12, 0.05),
        provenance: provenance('binance', '/futures/data/basis'),
      },
      {
        venue: 'binance',
        asset: 'BTC',
        contract: 'BTCUSDT_240628',
        tenor: 'NEXT_QUARTER',
        expiry: Date.UTC(2024, 5, 28, 8),
        history: basisHistory(0.1, 0.06),
        provenance: provenance('binance', '/futures/data/basis'),
      },
    ],
    openInterest: [],
    etfs: [
      { ticker: 'GBTC', asset: 'BTC', issuer: 'Grayscale', daily: etfDays(), provenance: provenance('yahoo', '/v8/finance/chart/GBTC') },
    ],
    etfFlows: [],
    whaleTransfers: [
      {
        source: 'blockchair',
        chain: 'bitcoin',
        asset: 'BTC',
        thresholdCoins: 1000,
        transfers: [
          // Hour 3: one; hour 14: two; hour 15: one; before the window: one (ignored).
          { hash: 'a1', time: WINDOW_START + 3 * HOUR + 5, amountCoins: 1500 },
          { hash: 'a2', time: WINDOW_START + 14 * HOUR, amountCoins: 2000 },
          { hash: 'a3', time: WINDOW_START + 14 * HOUR + 1800_000, amountCoins: 1000 },
          { hash: 'a4', time: WINDOW_START + 15 * HOUR, amountCoins: 1200 },
          { hash: 'a0', time: WINDOW_START - HOUR, amountCoins: 5000 },
        ],
        dailyCounts: [],
        provenance: provenance('blockchair', '/bitcoin/transactions'),
      },
    ],
    exchangeFlows: [],
    volatility: [],
    macro: [],
    gaps: [],
  };
}

export function fixtureSnapshot(): Snapshot {
  return SnapshotSchema.parse(fixtureSnapshotInput());
}

/** Findings made by hand according to pipeline/analysis/findings.ts. */
export function fixtureFindings(): Findings {
  const base = { importance: 90, sources: ['binance'], paths: ['prices[0].candles'] };
  return {
    date: '2024-01-04',
    timezone: 'Asia/Shanghai',
    start: WINDOW_START,
    end: WINDOW_END,
    assets: ['BTC'],
    bounds: { fundingMaxAbsPerInterval: 0.03, priceMaxUsd: 10_000_000 },
    findings: [
      {
        kind: 'price_move',
        ...base,
        asset: 'BTC',
        venue: 'binance',
        start: WINDOW_START,
        end: WINDOW_END,
        open: 44_000,
        high: 44_100,
        low: 39_900,
        close: 40_800,
        highTime: WINDOW_START + 2 * HOUR,
        lowTime: WINDOW_START + 19 * HOUR,
        prevClose: 44_000,
        // 40,800 / 44,000 − 1 = −0.0727…; 39,900 / 44,100 − 1 = −0.09523…
        changeFraction: 40_800 / 44_000 - 1,
        drawdownFraction: 39_900 / 44_100 - 1,
        direction: 'down',
      },
      { kind: 'level_break', ...base, asset: 'BTC', level: 42_000, direction: 'below', time: WINDOW_START + 14 * HOUR, closedBeyond: true },
      {
        kind: 'key_levels',
        ...base,
        asset: 'BTC',
        reference: 40_800,
        supports: [
          { price: 40_000, basis: 'round' },
          { price: 38_000, basis: 'range' },
          { price: 30_000, basis: 'round' },
        ],
        resistances: [
          { price: 43_000, basis: 'round' },
          { price: 44_000, basis: 'swing_high' },
        ],
      },
    ],
  };
}
