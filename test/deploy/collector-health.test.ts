/**
 * The collector's heartbeat and health verdict (sources/collector/status.ts): what the
 * container's HEALTHCHECK and the systemd health timer run through `brief collect --health`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCollector } from '../../sources/collector/collector.js';
import { checkHealth, STATUS_FILE, type CollectorStatus } from '../../sources/collector/status.js';
import { startFakeExchange, tempDir, waitFor, FAST_TIMING, type FakeExchange } from '../collector/helpers.js';

const T0 = Date.parse('2024-01-04T00:05:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();

function status(overrides: Partial<CollectorStatus>): CollectorStatus {
  return {
    pid: 4242,
    startedAt: iso(T0),
    updatedAt: iso(T0),
    stoppedAt: null,
    streams: {
      binance: { connected: true, since: iso(T0), lastFrameAt: null },
      okx: { connected: false, since: iso(T0 + 1000), lastFrameAt: iso(T0 + 500) },
    },
    stored: 17,
    duplicates: 2,
    ...overrides,
  };
}

async function dirWith(value: unknown): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, STATUS_FILE), typeof value === 'string' ? value : JSON.stringify(value));
  return dir;
}

const LIMIT = { maxAgeMs: 120_000 };

describe('checkHealth', () => {
  it('is healthy with a fresh heartbeat and one stream connected, naming the one down', async () => {
    const dir = await dirWith(status({}));
    expect(await checkHealth(dir, { now: T0 + 120_000, ...LIMIT })).toEqual({
      healthy: true,
      message:
        'healthy: binance connected; as of 2024-01-04T00:05:00.000Z, 17 events stored since 2024-01-04T00:05:00.000Z; okx down since 2024-01-04T00:05:01.000Z',
    });
  });

  it('is unhealthy when the heartbeat is older than the limit (121 s > 120 s)', async () => {
    const dir = await dirWith(status({}));
    expect(await checkHealth(dir, { now: T0 + 121_000, ...LIMIT })).toEqual({
      healthy: false,
      message: 'unhealthy: status last written 121 s ago (limit 120 s): the collector is hung or gone',
    });
  });

  it('is unhealthy with no stream connected, after a stop, without a file, or with a foreign file', async () => {
    const none = await dirWith(status({ streams: { bybit: { connected: false, since: null, lastFrameAt: null } } }));
    expect(await checkHealth(none, { now: T0, ...LIMIT })).toEqual({
      healthy: false,
      message: 'unhealthy: no exchange stream connected (bybit down since 2024-01-04T00:05:00.000Z)',
    });
    const stopped = await dirWith(status({ stoppedAt: iso(T0) }));
    expect((await checkHealth(stopped, { now: T0, ...LIMIT })).message).toBe(
      'unhealthy: the collector stopped at 2024-01-04T00:05:00.000Z',
    );
    const empty = await tempDir();
    expect(await checkHealth(empty, { now: T0, ...LIMIT })).toEqual({
      healthy: false,
      message: `unhealthy: no ${join(empty, STATUS_FILE)} (is \`brief collect\` running on this folder?)`,
    });
    const foreign = await dirWith('{"hello":1}');
    expect((await checkHealth(foreign, { now: T0, ...LIMIT })).healthy).toBe(false);
  });
});

describe('the heartbeat of a running collector', () => {
  let server: FakeExchange | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('records connections and drops, is rewritten on its interval, and says stopped at the end', async () => {
    const dir = await tempDir();
    server = await startFakeExchange({});
    let clock = T0;
    const controller = new AbortController();
    const done = runCollector({
      assets: ['BTC'],
      outDir: dir,
      signal: controller.signal,
      exchanges: ['bybit'],
      endpoints: { bybit: server.url },
      now: () => clock,
      log: () => undefined,
      timing: FAST_TIMING,
      statusIntervalMs: 20,
      env: {},
    });
    const read = async (): Promise<CollectorStatus> => JSON.parse(await readFile(join(dir, STATUS_FILE), 'utf8')) as CollectorStatus;
    let current: CollectorStatus | undefined;
    const poll = async (predicate: (s: CollectorStatus) => boolean, what: string): Promise<void> => {
      const deadline = Date.now() + 5000;
      for (;;) {
        current = await read().catch(() => undefined);
        if (current && predicate(current)) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    try {
      await poll((s) => s.streams.bybit?.connected === true, 'bybit connected in the status');
      expect((await checkHealth(dir, { now: clock, ...LIMIT })).healthy).toBe(true);
      // The timer rewrites the file: a later clock shows up in updatedAt.
      clock = T0 + 60_000;
      await poll((s) => s.updatedAt === iso(T0 + 60_000), 'a rewrite on the interval');
      // The exchange goes away (connection cut, no new ones accepted): the status says so at once.
      await waitFor(() => server!.connections.length === 1, 'the connection');
      await server.close();
      server = undefined;
      await poll((s) => s.streams.bybit?.connected === false, 'bybit down in the status');
      expect(current!.streams.bybit!.since).toBe(iso(T0 + 60_000));
    } finally {
      controller.abort();
      await done;
    }
    expect((await read()).stoppedAt).toBe(iso(T0 + 60_000));
    expect((await checkHealth(dir, { now: clock, ...LIMIT })).healthy).toBe(false);
  });
});
