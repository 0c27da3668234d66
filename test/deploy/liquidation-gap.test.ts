/**
 * Without collector files, the collector's 'not-configured' liquidations gap is kept only for
 * assets no other source covers (issue 14, part 4). Real fetches over the fake market: OKX's
 * liquidation orders cover BTC; CoinGlass has no key here, so it covers nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../kernel/config.js';
import { fetchSnapshot } from '../../pipeline/fetch/index.js';
import { marketFallback } from '../replay/fallbacks.js';
import { FIXED_NOW, fakeEffects, serverEnv } from '../replay/harness.js';
import { startReplayServer, type ReplayServer } from '../replay/server.js';

let server: ReplayServer;
let out: string;
const REASON = 'no liquidation events collected for 2024-01-04 (run `brief collect` during the day)';

beforeAll(async () => {
  server = await startReplayServer(marketFallback(FIXED_NOW));
  out = await mkdtemp(join(tmpdir(), 'liquidation-gap-'));
});
afterAll(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

/** Providers with no liquidation data stay off: shorter runs, same liquidation sources. */
const OFF = Object.fromEntries(['bybit', 'deribit', 'yahoo', 'blockchair', 'whale-alert'].map((id) => [id, { enabled: false }]));

let runs = 0;
async function fetchWithoutCollector(assets: string[], providers: Record<string, { enabled: boolean }> = {}) {
  const effects = fakeEffects(serverEnv(server));
  const result = await fetchSnapshot({
    date: '2024-01-04',
    assets,
    config: ConfigSchema.parse({ etfs: {}, macro: [], providers: { ...OFF, ...providers } }),
    // A folder per fetch: a stored snapshot of the day would be kept over a poorer fetch.
    outDir: join(out, `run-${(runs += 1)}`),
    collectorDir: join(out, 'no-collector'),
    effects,
  });
  const liquidationGaps = result.gaps.filter((g) => g.family === 'liquidations').map((g) => `${g.source}:${g.asset ?? '*'}:${g.kind}`);
  return { result, liquidationGaps, logs: effects.logs };
}

describe('the collector gap when no day files exist', () => {
  it('is not reported when OKX covers the asset; a log line says why', async () => {
    server.reset();
    const { result, liquidationGaps, logs } = await fetchWithoutCollector(['BTC']);
    expect(result.snapshot.liquidations.totals.map((t) => `${t.source}:${t.asset}`)).toEqual(['okx:BTC']);
    expect(liquidationGaps).toEqual(['coinglass:*:not-configured']);
    expect(logs).toContain(`collector: ${REASON}; liquidations of BTC come from other sources`);
  });

  it('is reported once, without an asset, when no source covers any asset', async () => {
    server.reset();
    const { result, liquidationGaps } = await fetchWithoutCollector(['BTC'], { okx: { enabled: false } });
    expect(result.snapshot.liquidations.totals).toEqual([]);
    expect(liquidationGaps).toEqual(['okx:*:not-configured', 'coinglass:*:not-configured', 'collector:*:not-configured']);
    expect(result.gaps.find((g) => g.source === 'collector')).toEqual({
      family: 'liquidations',
      source: 'collector',
      kind: 'not-configured',
      reason: REASON,
    });
  });

  it('names only the uncovered asset when another source covers the rest', async () => {
    server.reset();
    // OKX has no ETH liquidation orders in the window: ETH is uncovered, BTC is not.
    server.addScenario({
      provider: 'okx',
      path: '/api/v5/public/liquidation-orders',
      query: { uly: 'ETH-USDT' },
      steps: Array.from({ length: 5 }, () => ({ json: { code: '0', msg: '', data: [] } })),
    });
    const { result, liquidationGaps, logs } = await fetchWithoutCollector(['BTC', 'ETH']);
    expect(result.snapshot.liquidations.totals.map((t) => `${t.source}:${t.asset}`)).toEqual(['okx:BTC']);
    expect(liquidationGaps).toEqual(['okx:ETH:empty', 'coinglass:*:not-configured', 'collector:ETH:not-configured']);
    expect(logs).toContain(`collector: ${REASON}; liquidations of BTC come from other sources`);
  });
});
