/**
 * fetchSnapshot's orchestration over the fake market: keyed sources without keys, the
 * collector's aggregation, a past date (current-only endpoints disclosed), replay misses,
 * disabled providers, bad input.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema, DEFAULT_CONFIG } from '../../kernel/config.js';
import { UsageError } from '../../kernel/errors.js';
import { fetchSnapshot } from '../../pipeline/fetch/index.js';
import type { LiquidationTotals } from '../../kernel/snapshot/schema.js';
import { marketFallback } from '../replay/fallbacks.js';
import { FIXED_NOW, fakeEffects, serverEnv } from '../replay/harness.js';
import { startReplayServer, type ReplayServer } from '../replay/server.js';

let server: ReplayServer;
let out: string;
// Fewer Yahoo symbols keep these runs short.
const config = ConfigSchema.parse({ etfs: { BTC: ['GBTC'] }, macro: [] });

beforeAll(async () => {
  server = await startReplayServer(marketFallback(FIXED_NOW));
  out = await mkdtemp(join(tmpdir(), 'orchestration-'));
});
afterAll(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

describe('fetchSnapshot orchestration', () => {
  it('keyed sources without a key are not called and are disclosed as not-configured', async () => {
    server.reset();
    const result = await fetchSnapshot({
      date: '2024-01-04',
      assets: ['BTC'],
      config,
      outDir: out,
      effects: fakeEffects(serverEnv(server)),
    });
    expect(server.requestsTo('coinglass')).toEqual([]);
    expect(server.requestsTo('whale-alert')).toEqual([]);
    const notConfigured = result.gaps.filter((g) => g.kind === 'not-configured').map((g) => `${g.source}:${g.family}`);
    expect(notConfigured).toEqual(['whale-alert:whaleTransfers', 'coinglass:liquidations', 'coinglass:etfFlows']);
    expect(result.gaps.find((g) => g.source === 'coinglass')!.reason).toBe('coinglass: no API key (set COINGLASS_API_KEY to use it)');
    // Blockchair still gives the free whale figures.
    expect(result.snapshot.whaleTransfers.map((w) => w.source)).toEqual(['blockchair']);
  });

  it('adds the collector aggregation beside the REST sources', async () => {
    server.reset();
    const window = { start: Date.parse('2024-01-03T16:00:00Z'), end: Date.parse('2024-01-04T16:00:00Z') };
    const prov = {
      provider: 'collector',
      endpoint: 'bybit ws allLiquidation',
      fetchedAt: '2024-01-04T15:59:00.000Z',
      asOf: '2024-01-04T15:58:59.000Z',
      method: 'fetched' as const,
    };
    const totals: LiquidationTotals = {
      source: 'collector',
      asset: 'BTC',
      ...window,
      totalUsd: 300,
      longUsd: 200,
      shortUsd: 100,
      coverage: 'lower-bound',
      provenance: prov,
    };
    const seen: unknown[] = [];
    const result = await fetchSnapshot({
      date: '2024-01-04',
      assets: ['BTC'],
      config,
      outDir: out,
      collectorDir: '/collected',
      effects: {
        ...fakeEffects(serverEnv(server)),
        aggregateCollected: async (dir, w, assets) => {
          seen.push([dir, w, assets]);
          return { totals: [totals], orders: [] };
        },
      },
    });
    expect(seen).toEqual([['/collected', { date: '2024-01-04', timezone: 'Asia/Shanghai', ...window }, ['BTC']]]);
    expect(result.snapshot.liquidations.totals.map((t) => t.source)).toEqual(['okx', 'collector']);
    expect(result.gaps.some((g) => g.source === 'collector')).toBe(false);
  });

  it('for a past date, current-only endpoints are disclosed and no "current" funding is invented', async () => {
    server.reset();
    const later = Date.parse('2024-01-20T03:00:00Z');
    const pastServer = await startReplayServer(marketFallback(later));
    try {
      const result = await fetchSnapshot({
        date: '2024-01-04',
        assets: ['BTC'],
        config,
        outDir: join(out, 'past'),
        effects: fakeEffects(serverEnv(pastServer), later),
      });
      expect(result.gaps.filter((g) => g.kind === 'not-historical').map((g) => `${g.source}:${g.family}`)).toEqual([
        'okx:openInterest',
        'deribit:basis',
      ]);
      expect(result.snapshot.funding.every((f) => f.current === undefined)).toBe(true);
      expect(pastServer.requestsTo('binance-futures', '/fapi/v1/premiumIndex')).toEqual([]);
      expect(pastServer.requestsTo('bybit', '/v5/market/tickers')).toEqual([]);
      // Hourly history still ends at the window's end, not at the later clock.
      expect(result.snapshot.prices.find((p) => p.interval === '1h')!.candles.at(-1)!.t).toBe(Date.parse('2024-01-04T15:00:00Z'));
    } finally {
      await pastServer.close();
    }
  });

  it('a disabled provider is a disclosed gap with no request', async () => {
    server.reset();
    const disabled = ConfigSchema.parse({ etfs: { BTC: ['GBTC'] }, macro: [], providers: { deribit: { enabled: false } } });
    const result = await fetchSnapshot({
      date: '2024-01-04',
      assets: ['BTC'],
      config: disabled,
      // Its own folder: in the shared one the richer snapshot of an earlier test would be kept.
      outDir: join(out, 'disabled-provider'),
      effects: fakeEffects(serverEnv(server)),
    });
    expect(server.requestsTo('deribit')).toEqual([]);
    expect(result.gaps.filter((g) => g.source === 'deribit').map((g) => `${g.family}:${g.kind}`)).toEqual([
      'basis:not-configured',
      'volatility:not-configured',
    ]);
  });

  it('a replay with a missing recording is a gap for that request only', async () => {
    const dir = join(out, 'partial-recording');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify({ recordedAt: new Date(FIXED_NOW).toISOString(), date: '2024-01-04', assets: ['BTC'] }),
    );
    // Nothing recorded at all: the core price is missing, so the fetch stops with exit 3.
    await expect(
      fetchSnapshot({ date: '2024-01-04', assets: ['BTC'], config, outDir: join(out, 'r'), replay: dir, effects: fakeEffects({}) }),
    ).rejects.toThrow(/binance GET \/api\/v3\/klines NetworkError attempt 1\/3: no recording for GET \/api\/v3\/klines\?/);
  });

  it('refuses a malformed date and an empty asset list as usage errors', async () => {
    await expect(fetchSnapshot({ date: '2024-13-45', assets: ['BTC'], config: DEFAULT_CONFIG, outDir: out })).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(fetchSnapshot({ date: '../../etc', assets: ['BTC'], config: DEFAULT_CONFIG, outDir: out })).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(fetchSnapshot({ date: '2024-01-04', assets: [], config: DEFAULT_CONFIG, outDir: out })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('stale data', () => {
  it('hourly candles ending hours before the window end are kept but disclosed as Stale', async () => {
    server.reset();
    const healthy = marketFallback(FIXED_NOW);
    server.addScenario({
      provider: 'binance',
      path: '/api/v3/klines',
      query: { interval: '1h' },
      steps: [
        {
          derive: (path, query) => {
            const rows = healthy('binance', path, query)!.json as unknown[];
            // The exchange stopped 6 hours early: drop the last 6 hourly rows.
            return { json: rows.slice(0, -6) };
          },
        },
      ],
    });
    const result = await fetchSnapshot({
      date: '2024-01-04',
      assets: ['BTC'],
      config,
      outDir: join(out, 'stale'),
      effects: fakeEffects(serverEnv(server)),
    });
    const stale = result.gaps.filter((g) => g.kind === 'Stale');
    // Last candle opens 09:00 and ends 10:00 UTC; the expected last one ends at 16:00: 6 h missing.
    expect(stale.map((g) => g.reason)).toEqual([
      'binance GET /api/v3/klines BTCUSDT 1h candles end at 2024-01-04T10:00:00.000Z, 6 h before the expected 2024-01-04T16:00:00.000Z',
    ]);
    expect(result.snapshot.prices.find((p) => p.interval === '1h')!.candles).toHaveLength(744 - 6);
  });
});
