/**
 * End to end: `fetchSnapshot` for 2024-01-04 over real sockets against the replay server
 * serving the recorded fixtures gives the golden snapshot; `--replay` of the same fixtures
 * through the CLI gives the same data without a network; `brief render` renders it; a missing
 * core price exits 3 and writes nothing; keys never leak.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { InsufficientDataError } from '../../kernel/errors.js';
import { fetchSnapshot } from '../../pipeline/fetch/index.js';
import { serializeSnapshot } from '../../kernel/snapshot/io.js';
import type { Snapshot } from '../../kernel/snapshot/schema.js';
import { marketFallback, recordingsFallback } from '../replay/fallbacks.js';
import { FAKE_KEYS, FIXED_NOW, GOLDEN_DATE, fakeEffects, serverEnv } from '../replay/harness.js';
import { FIXTURE_DIR, GOLDEN_ASSETS } from '../replay/record-fixtures.js';
import { startReplayServer, type ReplayServer } from '../replay/server.js';
import { caseDir, REPLAYED_CASE } from '../golden/cases.js';
import { expectGolden } from '../support/golden.js';

// The replayed case of the golden harness renders this snapshot (test/golden/cases.ts).
const GOLDEN = join(caseDir(REPLAYED_CASE), 'snapshot.json');

let server: ReplayServer;
let out: string;

beforeAll(async () => {
  server = await startReplayServer(recordingsFallback(FIXTURE_DIR));
  out = await mkdtemp(join(tmpdir(), 'fetch-e2e-'));
});
afterAll(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

/** The snapshot as if fetched: replay differs only in provenance method and origin. */
function asFetched(snapshot: Snapshot): string {
  const text = serializeSnapshot(snapshot).replaceAll('"method": "replayed"', '"method": "fetched"');
  const parsed = JSON.parse(text) as Snapshot;
  parsed.origin = { kind: 'fetched', description: `Fetched from the providers' public APIs at ${new Date(FIXED_NOW).toISOString()}` };
  return serializeSnapshot(parsed);
}

describe('brief fetch end to end (replay server, real sockets)', () => {
  let fetched: Snapshot;

  it('fetches 2024-01-04 from the recorded responses and matches the golden snapshot', async () => {
    const effects = fakeEffects(serverEnv(server, FAKE_KEYS));
    const result = await fetchSnapshot({
      date: GOLDEN_DATE,
      assets: GOLDEN_ASSETS,
      config: DEFAULT_CONFIG,
      outDir: out,
      collectorDir: join(out, 'no-collector'),
      effects,
    });
    fetched = result.snapshot;
    expect(result.file).toBe(join(out, `${GOLDEN_DATE}.json`));
    const text = await readFile(result.file, 'utf8');
    expect(text).toBe(serializeSnapshot(result.snapshot));
    expectGolden(GOLDEN, text);
    // Every request went to the loopback server and found a recording.
    expect(server.requests.length).toBe(41);
    expect(effects.logs.filter((line) => line.includes('retrying'))).toEqual([]);
  });

  it('keeps the day honest: window in UTC+8, core series present, gaps disclosed', () => {
    // 2024-01-04 00:00 UTC+8 = 2024-01-03T16:00Z; end exclusive 24 h later.
    expect(fetched.window).toEqual({ start: Date.parse('2024-01-03T16:00:00Z'), end: Date.parse('2024-01-04T16:00:00Z') });
    const hourly = fetched.prices.find((p) => p.asset === 'BTC' && p.interval === '1h')!;
    // The window and the 30 days before: 31 × 24 = 744 hourly candles.
    expect(hourly.candles).toHaveLength(744);
    expect(hourly.candles.at(-1)!.t).toBe(Date.parse('2024-01-04T15:00:00Z'));
    const daily = fetched.prices.find((p) => p.asset === 'BTC' && p.interval === '1d')!;
    // Four years and two days back from the UTC day of the window's end: 1462 daily candles, so Nov 2022 is inside.
    expect(daily.candles).toHaveLength(1462);
    expect(daily.candles[0]!.t).toBe(Date.parse('2020-01-03T00:00:00Z'));
    // The UTC day 2024-01-04 is not complete at 16:00 UTC, so the last daily candle is 2024-01-03.
    expect(daily.candles.at(-1)!.t).toBe(Date.parse('2024-01-03T00:00:00Z'));
    // Funding from three venues, each with its own value (ranges, not one number).
    expect(fetched.funding.map((f) => `${f.venue}:${f.intervalHours}`)).toEqual(['binance:8', 'okx:8', 'bybit:8']);
    // Liquidations: OKX's sampled stream (a lower bound), Coinglass's market-wide total (all coins,
    // all exchanges) and Coinglass's BTC total over the three exchanges it was asked for.
    expect(fetched.liquidations.totals.map((t) => `${t.source}:${t.asset ?? 'all'}:${t.coverage}:${t.scope ?? '-'}`)).toEqual([
      'okx:BTC:lower-bound:-',
      'coinglass:all:complete:market-wide',
      'coinglass:BTC:complete:exchanges',
    ]);
    const market = fetched.liquidations.totals.find((t) => t.scope === 'market-wide')!;
    // The recorded "All" row: 1,774,285,719.02 long + 639,294,992.06 short = 2,413,580,711.08, over
    // the rolling 24 h ending at the fetch (16:05Z), not the window's bounds.
    expect([market.longUsd, market.shortUsd, market.totalUsd]).toEqual([1_774_285_719.02, 639_294_992.06, 2_413_580_711.08]);
    expect([market.start, market.end]).toEqual([Date.parse('2024-01-03T16:05:00Z'), Date.parse('2024-01-04T16:05:00Z')]);
    expect(fetched.liquidations.totals.find((t) => t.scope === 'exchanges')!.exchanges).toEqual(['Binance', 'OKX', 'Bybit']);
    // Spot ETFs before their launch (11 Jan 2024): disclosed, not zero. The collector did not
    // run, but OKX and CoinGlass cover BTC's liquidations, so that is no gap.
    expect(fetched.gaps.map((g) => `${g.source}:${g.family}:${g.kind}`)).toEqual([
      'yahoo:etfs:empty',
      'yahoo:etfs:empty',
      'yahoo:etfs:empty',
      'yahoo:etfs:empty',
      'coinglass:etfFlows:empty',
    ]);
  });

  it('never writes API keys into the snapshot or the recordings', async () => {
    const text = serializeSnapshot(fetched);
    for (const key of Object.values(FAKE_KEYS)) expect(text).not.toContain(key);
    for (const provider of await readdir(FIXTURE_DIR)) {
      if (provider.endsWith('.json')) continue;
      for (const file of await readdir(join(FIXTURE_DIR, provider))) {
        const recorded = await readFile(join(FIXTURE_DIR, provider, file), 'utf8');
        for (const key of Object.values(FAKE_KEYS)) expect(recorded).not.toContain(key);
        expect(recorded).not.toContain('api_key');
      }
    }
    // The keys were sent: Coinglass in its header, Whale Alert as a query parameter.
    expect(server.requestsTo('coinglass')[0]!.headers['cg-api-key']).toBe(FAKE_KEYS.COINGLASS_API_KEY);
    expect(server.requestsTo('whale-alert')[0]!.query.get('api_key')).toBe(FAKE_KEYS.WHALE_ALERT_API_KEY);
  });

  it('`brief fetch --replay` reproduces the same data offline', async () => {
    const { main } = await import('../../pipeline/cli/main.js');
    const replayOut = join(out, 'replay');
    const lines: string[] = [];
    const env = { PATH: process.env.PATH ?? '', ...FAKE_KEYS };
    const code = await main(
      ['fetch', '--date', GOLDEN_DATE, '--replay', FIXTURE_DIR, '--out', replayOut, '--collected', join(out, 'none')],
      {
        env,
        cwd: out,
        stdout: (t) => lines.push(t),
        stderr: (t) => lines.push(t),
      },
    );
    expect(code, lines.join('')).toBe(0);
    const replayed = JSON.parse(await readFile(join(replayOut, `${GOLDEN_DATE}.json`), 'utf8')) as Snapshot;
    expect(replayed.origin.kind).toBe('replayed');
    expect(asFetched(replayed)).toBe(serializeSnapshot(fetched));
  });

  it('`brief render` renders the fetched snapshot', async () => {
    const { main } = await import('../../pipeline/cli/main.js');
    const lines: string[] = [];
    const env = { PATH: process.env.PATH ?? '' };
    const rendered = join(out, 'rendered');
    const renderCode = await main(
      ['render', '--snapshot', join(out, `${GOLDEN_DATE}.json`), '--lang', 'zh,en', '--format', 'md', '--out', rendered],
      {
        env,
        cwd: out,
        stdout: (t) => lines.push(t),
        stderr: (t) => lines.push(t),
      },
    );
    expect(renderCode, lines.join('')).toBe(0);
    expect(existsSync(join(rendered, GOLDEN_DATE, 'zh.md'))).toBe(true);
    expect(existsSync(join(rendered, GOLDEN_DATE, 'en.md'))).toBe(true);
    // The market-wide total leads (2,413,580,711.08: $2.41 billion, 1,774,285,719.02 / 2,413,580,711.08
    // = 73.5 % longs); BTC's Coinglass total (1,262,460,339) is a part named with its three exchanges.
    const en = await readFile(join(rendered, GOLDEN_DATE, 'en.md'), 'utf8');
    const zh = await readFile(join(rendered, GOLDEN_DATE, 'zh.md'), 'utf8');
    expect(en.split('\n')[0]).toContain('$2.41 billion of positions liquidated market-wide');
    expect(en).toContain(
      // The attribution's place is one of the lead's date-seeded wordings (4 January: source first).
      'According to Coinglass, about $2.41 billion of positions were liquidated market-wide over 24 hours, 74% of them longs, including about $1.26 billion of BTC on Binance, OKX and Bybit.',
    );
    // The three-exchange BTC figure is only ever that part, never the market-wide figure.
    expect(en).not.toMatch(/\$1\.26 billion of positions (were )?liquidated market-wide/);
    expect(zh).toContain('全网 24 小时清算约 24.1 亿美元，多头占 74%');
    expect(zh).toContain('12.6 亿美元（仅统计 Binance、OKX 和 Bybit）');
  });

  it('exits 3 and writes nothing when the core BTC price is missing (Binance and its OKX fallback down)', async () => {
    const down = await startReplayServer(marketFallback(FIXED_NOW));
    const emptyOut = join(out, 'core-missing');
    try {
      down.addScenario({ provider: 'binance', steps: Array.from({ length: 20 }, () => ({ status: 503, body: 'Service Unavailable' })) });
      down.addScenario({
        provider: 'okx',
        path: '/api/v5/market/history-candles',
        query: { instId: 'BTC-USDT' },
        steps: Array.from({ length: 20 }, () => ({ status: 503, body: 'Service Unavailable' })),
      });
      const effects = fakeEffects(serverEnv(down));
      const attempt = fetchSnapshot({ date: GOLDEN_DATE, assets: ['BTC'], config: DEFAULT_CONFIG, outDir: emptyOut, effects });
      await expect(attempt).rejects.toBeInstanceOf(InsufficientDataError);
      await expect(attempt).rejects.toThrow(/core BTC price.*\n.*binance GET \/api\/v3\/klines ExchangeNotAvailable 503/);
      expect(existsSync(emptyOut)).toBe(false);
    } finally {
      await down.close();
    }
  });

  it('when Binance refuses the region (451), OKX spot candles stand in for the core price', async () => {
    const market = await startReplayServer(marketFallback(FIXED_NOW));
    try {
      const restricted = {
        status: 451,
        json: {
          code: 0,
          msg: 'Service unavailable from a restricted location according to b. Eligibility in https://www.binance.com/en/terms.',
        },
      };
      market.addScenario({ provider: 'binance', steps: Array.from({ length: 4 }, () => restricted) });
      const effects = fakeEffects(serverEnv(market));
      const result = await fetchSnapshot({
        date: GOLDEN_DATE,
        assets: ['BTC'],
        config: DEFAULT_CONFIG,
        outDir: join(out, 'fallback'),
        effects,
      });
      expect(result.snapshot.prices.map((p) => `${p.venue}:${p.symbol}:${p.interval}:${p.candles.length}`)).toEqual([
        'okx:BTC-USDT:1d:1462',
        'okx:BTC-USDT:1h:744',
      ]);
      // One disclosure names the substitute (not two 'missing' gaps): the prices are there, from OKX.
      expect(result.gaps.filter((g) => g.source === 'binance').map((g) => `${g.kind}:${g.status}:${g.check?.substitute}`)).toEqual([
        'fallback:451:okx',
      ]);
      expect(effects.logs).toContain('binance spot prices missing for BTC: fetching OKX spot candles instead');
    } finally {
      await market.close();
    }
  });

  it('fetching a day again replaces the snapshot cleanly', async () => {
    const effects = fakeEffects(serverEnv(server, FAKE_KEYS));
    const again = await fetchSnapshot({
      date: GOLDEN_DATE,
      assets: GOLDEN_ASSETS,
      config: DEFAULT_CONFIG,
      outDir: out,
      collectorDir: join(out, 'no-collector'),
      effects,
    });
    expect(serializeSnapshot(again.snapshot)).toBe(serializeSnapshot(fetched));
    // No temporary files left beside the snapshot.
    expect((await readdir(out)).filter((name) => name.includes('.tmp'))).toEqual([]);
  });
});
