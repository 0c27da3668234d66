/**
 * Minimal valid snapshots for analysis tests. The default brief day is 4 January 2024 in
 * Asia/Shanghai (UTC+8): window [2024-01-03T16:00Z, 2024-01-04T16:00Z).
 */
import { SnapshotSchema, type Candle, type Provenance, type Snapshot, type SnapshotInput } from '../../../kernel/snapshot/schema.js';
import type { Finding } from '../../../pipeline/analysis/findings.js';
import type { AnalysisContext } from '../../../pipeline/analysis/context.js';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const START = Date.UTC(2024, 0, 3, 16);
export const END = START + DAY;

export function prov(provider = 'test'): Provenance {
  return { provider, endpoint: '/test', fetchedAt: '2024-01-04T16:05:00Z', asOf: '2024-01-04T16:00:00Z', method: 'reconstructed' };
}

/** A valid snapshot with every family empty unless given. */
export function makeSnapshot(parts: Partial<SnapshotInput> = {}): Snapshot {
  return SnapshotSchema.parse({
    schemaVersion: 1,
    date: '2024-01-04',
    timezone: 'Asia/Shanghai',
    window: { start: START, end: END },
    generatedAt: '2024-01-04T16:10:00Z',
    origin: { kind: 'synthetic', description: 'hand-made test series' },
    assets: ['BTC'],
    prices: [],
    perpetuals: [],
    liquidations: { totals: [], history: [], orders: [] },
    funding: [],
    basis: [],
    openInterest: [],
    etfs: [],
    etfFlows: [],
    whaleTransfers: [],
    exchangeFlows: [],
    volatility: [],
    macro: [],
    gaps: [],
    ...parts,
  });
}

/** One candle: open, high, low, close at `t`. */
export function bar(t: number, o: number, h: number, l: number, c: number, v = 1, qv?: number): Candle {
  return qv === undefined ? { t, o, h, l, c, v } : { t, o, h, l, c, v, qv };
}

/** Hourly candles from OHLC rows, the first at `from`. */
export function hourlyBars(from: number, rows: readonly (readonly [number, number, number, number])[]): Candle[] {
  return rows.map(([o, h, l, c], i) => bar(from + i * HOUR, o, h, l, c));
}

/** `n` flat hourly candles at `price` from `from`. */
export function flatHours(from: number, n: number, price: number, v = 1, qv?: number): Candle[] {
  return Array.from({ length: n }, (_, i) => bar(from + i * HOUR, price, price, price, price, v, qv));
}

export function spot(asset: string, interval: '1h' | '1d', candles: Candle[], venue = 'binance') {
  return { asset, market: 'spot' as const, venue, symbol: `${asset}USDT`, interval, candles, provenance: prov(venue) };
}

export function perp(asset: string, candles: Candle[], venue = 'binance') {
  return { asset, market: 'perp' as const, venue, symbol: `${asset}USDT`, interval: '1h' as const, candles, provenance: prov(venue) };
}

/** A context holding earlier findings. */
export function contextWith(earlier: Finding[] = []): AnalysisContext {
  return { window: { start: START, end: END }, earlier };
}

/** A price_move finding for context-driven signals. */
export function priceMoveFinding(asset: string, changeFraction: number, drawdownFraction = Math.min(0, changeFraction)): Finding {
  return {
    kind: 'price_move',
    importance: 50,
    sources: ['binance'],
    paths: ['prices[0].candles'],
    asset,
    venue: 'binance',
    start: START,
    end: END,
    open: 100,
    high: 100,
    low: 100 * (1 + drawdownFraction),
    close: 100 * (1 + changeFraction),
    highTime: START,
    lowTime: START + HOUR,
    prevClose: 100,
    changeFraction,
    drawdownFraction,
    direction: changeFraction < 0 ? 'down' : changeFraction > 0 ? 'up' : 'flat',
  };
}

/** Consecutive `YYYY-MM-DD` dates, `n` of them, ending at `last`. */
export function datesEnding(last: string, n: number): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(end - (n - 1 - i) * DAY).toISOString().slice(0, 10));
}

/**
 * The BTC window used by price, level and key-level tests: prior close 44,000; high 44,800 at
 * hour 2; first low under 43,000 at hour 4, under 42,000 at hour 10 (low 41,700); close 42,900.
 */
export function btcDropWindow(): Candle[] {
  const rows: [number, number, number, number][] = [
    [44000, 44300, 43900, 44200],
    [44200, 44500, 44100, 44400],
    [44400, 44800, 44300, 44500],
    [44500, 44600, 43800, 43900],
    [43900, 44000, 42900, 43100],
    [43100, 43200, 42500, 42600],
    [42600, 42700, 42400, 42500],
    [42600, 42700, 42400, 42500],
    [42600, 42700, 42400, 42500],
    [42600, 42700, 42400, 42500],
    [42500, 42600, 41700, 42000],
  ];
  for (let i = 11; i <= 22; i++) rows.push([42000, 42950, 41950, 42800]);
  rows.push([42800, 42950, 42700, 42900]);
  return [bar(START - HOUR, 44100, 44200, 43950, 44000), ...hourlyBars(START, rows)];
}
