/**
 * The HTTP client over real sockets, beyond the per-provider battery: Retry-After as an HTTP
 * date and absent, a gzip bomb, Binance's used-weight header, bans persisted across runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { InsufficientDataError } from '../../kernel/errors.js';
import { fetchSnapshot } from '../../pipeline/fetch/index.js';
import { BanRegistry } from '../../sources/bans.js';
import { SourceError } from '../../sources/errors.js';
import { DEFAULT_HTTP, createProviderHttp } from '../../sources/http.js';
import { createLimiter } from '../../sources/limiter.js';
import { marketFallback } from '../replay/fallbacks.js';
import { FIXED_NOW, fakeEffects, serverEnv, type RecordedEffects } from '../replay/harness.js';
import { startReplayServer, type ReplayServer } from '../replay/server.js';

let server: ReplayServer;
let effects: RecordedEffects;

beforeAll(async () => {
  server = await startReplayServer(() => ({ json: { ok: true } }));
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  effects = fakeEffects({});
});

function client(options: { weightBudget?: { perWindow: number; windowMs: number; useFraction: number }; bans?: BanRegistry } = {}) {
  const limiter = createLimiter(
    { concurrency: 1, minIntervalMs: 0, maxQueue: 10, ...(options.weightBudget ? { weightBudget: options.weightBudget } : {}) },
    effects,
  );
  return createProviderHttp(
    { ...DEFAULT_HTTP, id: 'binance', baseUrl: server.baseUrl('binance'), banStatuses: [418], limiter },
    { effects, bans: options.bans ?? new BanRegistry() },
  );
}

describe('HTTP client over sockets', () => {
  it('waits until an HTTP-date Retry-After, then succeeds', async () => {
    // FIXED_NOW is 16:05:00; the server says retry at 16:05:05.
    server.addScenario({
      provider: 'binance',
      steps: [{ status: 429, headers: { 'retry-after': 'Thu, 04 Jan 2024 16:05:05 GMT' }, json: {} }],
    });
    const response = await client().getJson('/api/v3/ping');
    expect(response.body).toEqual({ ok: true });
    expect(effects.sleeps).toEqual([5000]);
  });

  it('without Retry-After, backs off exponentially with jitter', async () => {
    server.addScenario({
      provider: 'binance',
      steps: [
        { status: 429, json: {} },
        { status: 429, json: {} },
      ],
    });
    await client().getJson('/api/v3/ping');
    // random() = 0.5: 250 + 125 = 375 ms, then 500 + 250 = 750 ms.
    expect(effects.sleeps).toEqual([375, 750]);
    expect(effects.logs[0]).toBe('binance GET /api/v3/ping RateLimitExceeded 429 attempt 1/3: {}; retrying in 375 ms');
  });

  it('a gzip bomb stops at the body cap as PayloadTooLarge', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100_000);
    server.addScenario({
      provider: 'binance',
      steps: [{ status: 200, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, bytes: bomb }],
    });
    const error = await client()
      .getJson('/api/v3/ping')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).kind).toBe('PayloadTooLarge');
    expect(server.requests).toHaveLength(1);
  });

  it("follows Binance's X-MBX-USED-WEIGHT-1M and waits for the next window rather than hit 429", async () => {
    // Budget 6000 weight/min, 80 % usable = 4800; the server reports 4799 already used.
    server.addScenario({ provider: 'binance', steps: [{ json: { ok: 1 }, headers: { 'x-mbx-used-weight-1m': '4799' } }] });
    const http = client({ weightBudget: { perWindow: 6000, windowMs: 60_000, useFraction: 0.8 } });
    await http.getJson('/api/v3/klines', {}, { weight: 2 });
    await http.getJson('/api/v3/klines', {}, { weight: 2 });
    expect(effects.sleeps).toEqual([60_000]);
    expect(server.requests.map((r) => r.path)).toEqual(['/api/v3/klines', '/api/v3/klines']);
  });
});

describe('bans across runs', () => {
  it('after a 418 the next run makes no call to Binance before the ban expires', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ban-run-'));
    const market = await startReplayServer(marketFallback(FIXED_NOW));
    try {
      const banFile = join(dir, 'bans.json');
      market.addScenario({
        provider: 'binance',
        steps: [{ status: 418, headers: { 'retry-after': '600' }, json: { code: -1003, msg: 'Way too many requests; IP banned.' } }],
      });
      const run = () =>
        fetchSnapshot({
          date: '2024-01-04',
          assets: ['BTC'],
          config: DEFAULT_CONFIG,
          outDir: join(dir, 'out'),
          effects: { ...fakeEffects(serverEnv(market)), banFile },
        });
      const first = await run();
      // Only requests already in flight when the 418 arrived (daily and hourly start together);
      // the prices then come from the OKX spot fallback.
      expect(market.requestsTo('binance').length).toBeLessThanOrEqual(2);
      expect(first.snapshot.prices.map((p) => p.interval).sort()).toEqual(['1d', '1h']);
      expect(first.snapshot.prices.some((p) => p.venue === 'okx')).toBe(true);
      market.reset();
      const second = await run();
      expect(market.requestsTo('binance')).toHaveLength(0);
      // The OKX spot fallback filled both intervals: one disclosure naming the substitute, with the ban as its cause.
      expect(second.gaps.filter((g) => g.source === 'binance').map((g) => `${g.kind}: ${g.reason}`)).toEqual([
        'fallback: BTC spot prices taken from okx (binance unavailable: binance GET /api/v3/klines IpBanned attempt 1/3: not called: binance banned this IP until 2024-01-04T16:15:00.000Z)',
      ]);
      // Other providers were unaffected.
      expect(market.requestsTo('binance-futures').length).toBeGreaterThan(0);
    } finally {
      await market.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('fetch-phase budget', () => {
  it('with every provider hanging, the fetch ends within its budget and fails closed (exit 3)', async () => {
    const hanging = await startReplayServer(() => ({ hang: true }));
    const dir = await mkdtemp(join(tmpdir(), 'budget-'));
    try {
      const started = Date.now();
      const attempt = fetchSnapshot({
        date: '2024-01-04',
        assets: ['BTC'],
        config: DEFAULT_CONFIG,
        outDir: join(dir, 'out'),
        effects: { ...fakeEffects(serverEnv(hanging)), fetchBudgetMs: 1500 },
      });
      await expect(attempt).rejects.toBeInstanceOf(InsufficientDataError);
      await expect(attempt).rejects.toThrow(/binance GET \/api\/v3\/klines RequestTimeout/);
      // 1.5 s budget plus scheduling slack; the 15 s per-request deadline never came into play.
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      await hanging.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
