/** The plausibility layer: implausible values are left out and disclosed; cross-venue divergence is flagged. */
import { describe, expect, it } from 'vitest';
import type { FundingSeries, PriceSeries, VolatilityIndex } from '../../kernel/snapshot/schema.js';
import { DEFAULT_THRESHOLDS, ThresholdsSchema } from '../../kernel/thresholds.js';
import { checkPlausibility } from '../../sources/plausibility.js';

const T = DEFAULT_THRESHOLDS;

const prov = (provider: string) => ({
  provider,
  endpoint: '/x?y=1',
  fetchedAt: '2024-01-04T16:05:00.000Z',
  asOf: '2024-01-04T16:00:00.000Z',
  method: 'fetched' as const,
});
const H = 3_600_000;

function perp(venue: string, closes: number[]): PriceSeries {
  return {
    asset: 'BTC',
    market: 'perp',
    venue,
    symbol: venue === 'okx' ? 'BTC-USDT-SWAP' : 'BTCUSDT',
    interval: '1h',
    candles: closes.map((c, i) => ({ t: i * H, o: c, h: c * 1.01, l: c * 0.99, c, v: 1 })),
    provenance: prov(venue === 'okx' ? 'okx' : 'binance-futures'),
  };
}

describe('plausibility', () => {
  it('leaves out candles above 10 M USD or with high below low, and says so', () => {
    const series = perp('binance', [42000, 43000]);
    series.candles.push({ t: 2 * H, o: 1e9, h: 1e9, l: 1e9, c: 1e9, v: 1 }, { t: 3 * H, o: 42000, h: 41000, l: 43000, c: 42000, v: 1 });
    const { parts, gaps } = checkPlausibility({ perpetuals: [series] }, T);
    expect(parts.perpetuals![0]!.candles.map((c) => c.t)).toEqual([0, H]);
    expect(gaps).toEqual([
      {
        family: 'perpetuals',
        source: 'binance-futures',
        asset: 'BTC',
        kind: 'Implausible',
        reason:
          'binance BTCUSDT 1h: 2 candle(s) left out (1970-01-01T02:00:00.000Z price above 10000000 USD; 1970-01-01T03:00:00.000Z high below low)',
        endpoint: 'GET /x',
      },
    ]);
  });

  it('drops a 50 % funding rate and an implausible current rate, never keeps them as data', () => {
    const funding: FundingSeries = {
      venue: 'okx',
      symbol: 'BTC-USDT-SWAP',
      asset: 'BTC',
      intervalHours: 8,
      current: { rate: 0.5, time: 10 },
      history: [
        { time: 1, rate: 0.0001 },
        { time: 2, rate: 0.5 },
      ],
      provenance: prov('okx'),
    };
    const { parts, gaps } = checkPlausibility({ funding: [funding] }, T);
    expect(parts.funding![0]!.history).toEqual([{ time: 1, rate: 0.0001 }]);
    expect(parts.funding![0]!.current).toBeUndefined();
    expect(gaps.map((g) => g.reason)).toEqual(['okx BTC-USDT-SWAP: 2 funding rate(s) beyond ±3 % per interval left out']);
  });

  it('drops DVOL bars at 5000 vol points', () => {
    const dvol: VolatilityIndex = {
      source: 'deribit',
      index: 'DVOL',
      asset: 'BTC',
      unit: 'vol-points',
      daily: [
        { t: 0, o: 50, h: 52, l: 49, c: 51 },
        { t: 1, o: 50, h: 5000, l: 49, c: 51 },
      ],
      hourly: [],
      provenance: prov('deribit'),
    };
    const { parts, gaps } = checkPlausibility({ volatility: [dvol] }, T);
    expect(parts.volatility![0]!.daily).toHaveLength(1);
    expect(gaps[0]!.kind).toBe('Implausible');
  });

  it('flags Binance and OKX closes more than 2 % apart, keeping both', () => {
    // Hour 1: 43000 / 42000 − 1 = 2.38 % > 2 %; hour 0: 0.1 % is fine.
    const { parts, gaps } = checkPlausibility({ perpetuals: [perp('binance', [42042, 43000]), perp('okx', [42000, 42000])] }, T);
    expect(parts.perpetuals).toHaveLength(2);
    expect(gaps.map((g) => g.reason)).toEqual([
      'Binance and OKX BTC perpetual closes differ by 2.4 % at 1970-01-01T01:00:00.000Z (more than 2 %); both kept, check before quoting',
    ]);
  });

  it('leaves plausible data untouched', () => {
    const input = { perpetuals: [perp('binance', [42000, 42100]), perp('okx', [42010, 42090])] };
    const { parts, gaps } = checkPlausibility(input, T);
    expect(parts).toEqual(input);
    expect(gaps).toEqual([]);
  });

  it('reads both bounds from the configured thresholds, not from defaults', () => {
    // Non-default settings: a 50,000 USD ceiling and a 0.05 % funding bound per interval.
    const t = ThresholdsSchema.parse({ price: { plausibleMaxUsd: 50_000 }, funding: { plausibleMaxAbsPerInterval: 0.0005 } });
    const series = perp('binance', [42000, 49000, 51000]); // highs 42,420 · 49,490 · 51,510
    const funding: FundingSeries = {
      venue: 'okx',
      symbol: 'BTC-USDT-SWAP',
      asset: 'BTC',
      intervalHours: 8,
      history: [
        { time: 1, rate: 0.0004 },
        { time: 2, rate: 0.0006 },
      ],
      provenance: prov('okx'),
    };
    const { parts, gaps } = checkPlausibility({ perpetuals: [series], funding: [funding] }, t);
    expect(parts.perpetuals![0]!.candles.map((c) => c.t)).toEqual([0, H]);
    expect(parts.funding![0]!.history).toEqual([{ time: 1, rate: 0.0004 }]);
    expect(gaps.map((g) => g.reason)).toEqual([
      'binance BTCUSDT 1h: 1 candle(s) left out (1970-01-01T02:00:00.000Z price above 50000 USD)',
      'okx BTC-USDT-SWAP: 1 funding rate(s) beyond ±0.05 % per interval left out',
    ]);
  });
});
