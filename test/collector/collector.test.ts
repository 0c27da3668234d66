import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { UsageError } from '../../kernel/errors.js';
import { aggregateCollected } from '../../sources/collector/aggregate.js';
import { resolveWsUrl, runCollector, type CollectorOptions } from '../../sources/collector/collector.js';
import { readDayFile } from '../../sources/collector/day-file.js';
import { serializeEvent, type CollectedEvent } from '../../sources/collector/event.js';
import { FAST_TIMING, fixture, startFakeExchange, startHttp, tempDir, waitFor, type FakeExchange } from './helpers.js';

const at = (iso: string): number => Date.parse(iso);
/** The collector's clock in these tests: five minutes after midnight UTC on 2024-01-04. */
const NOW = at('2024-01-04T00:05:00Z');
const LATE_ON_THE_3RD = at('2024-01-03T23:59:59.250Z');
const EARLY_ON_THE_4TH = at('2024-01-04T00:00:01.000Z');

const binanceSample = await fixture('binance-ws-forceOrder.json');
const okxSample = await fixture('okx-ws-liquidation-orders.json');
const bybitSample = await fixture('bybit-ws-allLiquidation.json');

/** A Binance frame shaped like the documented sample, with the order's fields overridden. */
function binanceFrame(order: Record<string, unknown>): string {
  return JSON.stringify({ ...binanceSample, o: { ...(binanceSample.o as Record<string, unknown>), ...order } });
}
function okxFrame(instId: string, detail: Record<string, unknown>): string {
  const [entry] = okxSample.data as Record<string, unknown>[];
  const [sampleDetail] = (entry?.details ?? []) as Record<string, unknown>[];
  const family = instId.replace(/-SWAP$/, '');
  return JSON.stringify({
    ...okxSample,
    data: [{ ...entry, instId, instFamily: family, uly: family, details: [{ ...sampleDetail, ...detail }] }],
  });
}
function bybitFrame(symbol: string, entries: Record<string, unknown>[]): string {
  return JSON.stringify({ ...bybitSample, topic: `allLiquidation.${symbol}`, ts: NOW, data: entries });
}

const isSubscribe = (text: string): boolean => text.startsWith('{') && (JSON.parse(text) as { op?: string }).op === 'subscribe';

interface Run {
  done: Promise<void>;
  stop: () => Promise<void>;
  events: { event: CollectedEvent; stored: boolean }[];
  logs: string[];
}

function startCollector(options: Partial<CollectorOptions> & { outDir: string }): Run {
  const controller = new AbortController();
  const events: Run['events'] = [];
  const logs: string[] = [];
  const done = runCollector({
    assets: ['BTC', 'ETH'],
    signal: controller.signal,
    now: () => NOW,
    log: (line) => logs.push(line),
    onEvent: (event, stored) => events.push({ event, stored }),
    timing: FAST_TIMING,
    fsyncIntervalMs: 20,
    random: () => 0.5,
    contractSizes: new Map([['BTC-USDT-SWAP', { ctVal: 0.01, ctValCcy: 'BTC' }]]),
    env: {},
    ...options,
  });
  return {
    done,
    events,
    logs,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

const servers: FakeExchange[] = [];
async function fakeExchange(handlers: Parameters<typeof startFakeExchange>[0]): Promise<FakeExchange> {
  const server = await startFakeExchange(handlers);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function lines(file: string): Promise<CollectedEvent[]> {
  return (await readDayFile(file)).events;
}

describe('runCollector against local exchanges', () => {
  it('collects from all three exchanges into per-UTC-day files, with subscriptions and heartbeats', async () => {
    const dir = await tempDir();
    const binance = await fakeExchange({
      onConnection: (socket) => {
        socket.send(binanceFrame({ s: 'DOGEUSDT', T: LATE_ON_THE_3RD })); // untracked symbol
        socket.send(binanceFrame({ s: 'BTCUSDT', S: 'SELL', z: '0.014', ap: '42010.5', T: LATE_ON_THE_3RD }));
      },
    });
    const okx = await fakeExchange({
      onMessage: (socket, text) => {
        if (text === 'ping') socket.send('pong');
        else if (isSubscribe(text)) {
          socket.send('{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"},"connId":"a4d3ae55"}');
          socket.send(okxFrame('BTC-USDT-SWAP', { side: 'sell', posSide: 'long', bkPx: '42000', sz: '2', ts: String(EARLY_ON_THE_4TH) }));
        }
      },
    });
    const bybit = await fakeExchange({
      onMessage: (socket, text) => {
        if (isSubscribe(text)) {
          socket.send(bybitFrame('BTCUSDT', [{ T: EARLY_ON_THE_4TH + 1, s: 'BTCUSDT', S: 'Buy', v: '0.5', p: '42100' }]));
          socket.send(bybitFrame('ETHUSDT', [{ T: EARLY_ON_THE_4TH + 2, s: 'ETHUSDT', S: 'Sell', v: '3', p: '2200' }]));
        }
      },
    });
    const rest = await startHttp(
      200,
      JSON.stringify({ code: '0', msg: '', data: [{ instId: 'BTC-USDT-SWAP', ctVal: '0.01', ctValCcy: 'BTC' }] }),
    );
    const run = startCollector({
      outDir: dir,
      endpoints: { binance: binance.url, okx: okx.url, bybit: bybit.url },
      contractSizes: undefined,
      okxRestUrl: rest.url,
      timing: { ...FAST_TIMING, heartbeatMs: 30 },
    });
    try {
      await waitFor(() => run.events.length === 4, 'four events');
      await waitFor(() => okx.connections[0]?.received.includes('ping') === true, 'an OKX "ping"');
      await waitFor(() => bybit.connections[0]?.received.includes('{"op":"ping"}') === true, 'a Bybit {"op":"ping"}');
    } finally {
      await run.stop();
      await rest.close();
    }
    expect(rest.requests).toEqual(['/api/v5/public/instruments?instType=SWAP']);
    expect(okx.connections[0]?.received[0]).toBe('{"op":"subscribe","args":[{"channel":"liquidation-orders","instType":"SWAP"}]}');
    expect(bybit.connections[0]?.received[0]).toBe('{"op":"subscribe","args":["allLiquidation.BTCUSDT","allLiquidation.ETHUSDT"]}');

    // Beside the day files, the heartbeat the health check reads (status.ts), closed by the stop.
    expect((await readdir(dir)).sort()).toEqual(['.collect-status.json', '2024-01-03.jsonl', '2024-01-04.jsonl']);
    expect(JSON.parse(await readFile(join(dir, '.collect-status.json'), 'utf8'))).toMatchObject({
      stoppedAt: new Date(NOW).toISOString(),
      stored: 4,
      duplicates: 0,
      streams: { binance: { connected: false }, okx: { connected: false }, bybit: { connected: false } },
    });
    const third = await lines(join(dir, '2024-01-03.jsonl'));
    // 0.014 × 42010.5 = 588.147
    expect(third.map((e) => [e.exchange, e.symbol, e.side, e.quantity, e.notionalUsd, e.time, e.receivedAt])).toEqual([
      ['binance', 'BTCUSDT', 'long', 0.014, 588.147, LATE_ON_THE_3RD, NOW],
    ]);
    const fourth = await lines(join(dir, '2024-01-04.jsonl'));
    const byExchange = Object.fromEntries(fourth.map((e) => [`${e.exchange}:${e.asset}`, [e.side, e.price, e.quantity, e.notionalUsd]]));
    expect(byExchange).toEqual({
      'okx:BTC': ['long', 42000, 0.02, 840], // 2 contracts × 0.01 BTC = 0.02 BTC; × 42000 = 840
      'bybit:BTC': ['long', 42100, 0.5, 21050], // Buy = long liquidated; 0.5 × 42100 = 21050
      'bybit:ETH': ['short', 2200, 3, 6600], // Sell = short liquidated; 3 × 2200 = 6600
    });

    // The brief's day in UTC+8 (2024-01-04) starts at 2024-01-03T16:00Z: all four events are inside.
    const aggregated = await aggregateCollected(dir, { start: at('2024-01-03T16:00:00Z'), end: at('2024-01-04T16:00:00Z') }, [
      'BTC',
      'ETH',
    ]);
    // BTC long = 588.147 + 840 + 21050 = 22478.147 → 22478.15 (cents); ETH short = 6600
    expect(aggregated?.totals.map((t) => [t.asset, t.longUsd, t.shortUsd, t.totalUsd])).toEqual([
      ['BTC', 22478.15, 0, 22478.15],
      ['ETH', 0, 6600, 6600],
    ]);
  });

  it('does not double events replayed after a restart', async () => {
    const dir = await tempDir();
    const a = { T: EARLY_ON_THE_4TH, s: 'BTCUSDT', S: 'Buy', v: '0.1', p: '42000' };
    const b = { T: EARLY_ON_THE_4TH + 500, s: 'BTCUSDT', S: 'Sell', v: '0.2', p: '42050' };
    const c = { T: EARLY_ON_THE_4TH + 1000, s: 'BTCUSDT', S: 'Buy', v: '0.3', p: '41990' };
    let batches = [
      [a, b],
      [b, c],
    ];
    const bybit = await fakeExchange({
      onMessage: (socket, text) => {
        if (!isSubscribe(text)) return;
        const [batch, ...rest] = batches;
        batches = rest;
        socket.send(bybitFrame('BTCUSDT', batch ?? []));
      },
    });
    const first = startCollector({ outDir: dir, exchanges: ['bybit'], endpoints: { bybit: bybit.url } });
    await waitFor(() => first.events.length === 2, 'the first run to store a and b');
    await first.stop();

    const second = startCollector({ outDir: dir, exchanges: ['bybit'], endpoints: { bybit: bybit.url } });
    await waitFor(() => second.events.length === 2, 'the second run to see b and c');
    await second.stop();
    expect(second.events.map(({ event, stored }) => [event.time, stored])).toEqual([
      [b.T, false],
      [c.T, true],
    ]);
    const stored = await lines(join(dir, '2024-01-04.jsonl'));
    expect(stored.map((e) => e.time)).toEqual([a.T, b.T, c.T]);
    expect(second.logs.at(-1)).toMatch(/1 events stored, 1 duplicates skipped/);
  });

  it('reconnects after the server drops the connection and subscribes again', async () => {
    const dir = await tempDir();
    const bybit = await fakeExchange({
      onMessage: (socket, text, index) => {
        if (!isSubscribe(text)) return;
        if (index === 0) {
          socket.send(bybitFrame('BTCUSDT', [{ T: EARLY_ON_THE_4TH, s: 'BTCUSDT', S: 'Buy', v: '1', p: '42000' }]));
          setTimeout(() => socket.terminate(), 20); // the connection is cut without a close frame
        } else {
          socket.send(bybitFrame('BTCUSDT', [{ T: EARLY_ON_THE_4TH + 2000, s: 'BTCUSDT', S: 'Sell', v: '2', p: '42500' }]));
        }
      },
    });
    const binance = await fakeExchange({
      onConnection: (socket, index) => {
        socket.send(binanceFrame({ S: 'BUY', z: '0.5', ap: '42020', T: EARLY_ON_THE_4TH + index }));
        if (index === 0) setTimeout(() => socket.close(1001, 'going away'), 20); // a clean close (Binance's 24 h limit)
      },
    });
    const run = startCollector({ outDir: dir, exchanges: ['bybit', 'binance'], endpoints: { bybit: bybit.url, binance: binance.url } });
    try {
      await waitFor(() => run.events.length === 4, 'events from both connections of both exchanges');
    } finally {
      await run.stop();
    }
    expect(bybit.connections).toHaveLength(2);
    for (const connection of bybit.connections)
      expect(connection.received[0]).toBe('{"op":"subscribe","args":["allLiquidation.BTCUSDT","allLiquidation.ETHUSDT"]}');
    expect(binance.connections).toHaveLength(2);
    const stored = await lines(join(dir, '2024-01-04.jsonl'));
    expect(stored.map((e) => `${e.exchange} ${e.side} ${e.time - EARLY_ON_THE_4TH}`).sort()).toEqual([
      'binance short 0',
      'binance short 1',
      'bybit long 0',
      'bybit short 2000',
    ]);
    expect(run.logs.filter((line) => /reconnecting in \d+ ms/.test(line))).toHaveLength(2);
  });

  it('drops a silent connection after the idle timeout and reconnects', async () => {
    const dir = await tempDir();
    const bybit = await fakeExchange({}); // accepts, never answers, never pings
    const run = startCollector({
      outDir: dir,
      exchanges: ['bybit'],
      endpoints: { bybit: bybit.url },
      timing: { ...FAST_TIMING, idleTimeoutMs: 100 },
    });
    try {
      await waitFor(() => bybit.connections.length >= 2, 'a second connection');
    } finally {
      await run.stop();
    }
    expect(run.logs.join('\n')).toMatch(/bybit: disconnected \(no frame for 100 ms\)/);
  });

  it('logs and skips malformed frames without dropping the connection', async () => {
    const dir = await tempDir();
    const binance = await fakeExchange({
      onConnection: (socket: WebSocket) => {
        socket.send('not json at all');
        socket.send(binanceFrame({ ap: '' }));
        socket.send(binanceFrame({ z: 'NaN', T: EARLY_ON_THE_4TH }));
        socket.send(binanceFrame({ ap: '1e309', T: EARLY_ON_THE_4TH }));
        socket.send(Buffer.from([0xff, 0xfe, 0x00, 0x01]));
        socket.send(binanceFrame({ T: Math.floor(EARLY_ON_THE_4TH / 1000) })); // seconds, not ms: implausible
        socket.send(binanceFrame({ S: 'SELL', z: '0.25', ap: '42000', T: EARLY_ON_THE_4TH }));
      },
    });
    const run = startCollector({ outDir: dir, exchanges: ['binance'], endpoints: { binance: binance.url } });
    try {
      await waitFor(() => run.events.length === 1, 'the one good event');
    } finally {
      await run.stop();
    }
    const skipped = run.logs.filter((line) => line.startsWith('binance: skipped malformed frame'));
    expect(skipped).toHaveLength(6);
    expect(skipped[1]).toMatch(/binance\.forceOrder\.o\.ap: expected a decimal string, got ""/);
    expect(skipped[5]).toMatch(/implausible/);
    expect(binance.connections).toHaveLength(1);
    expect((await lines(join(dir, '2024-01-04.jsonl'))).map((e) => e.notionalUsd)).toEqual([10500]); // 0.25 × 42000
  });

  it('continues a day file whose last line was torn by a crash', async () => {
    const dir = await tempDir();
    const file = join(dir, '2024-01-04.jsonl');
    const bybit = await fakeExchange({
      onMessage: (socket, text) => {
        if (isSubscribe(text))
          socket.send(
            bybitFrame('BTCUSDT', [
              { T: EARLY_ON_THE_4TH, s: 'BTCUSDT', S: 'Buy', v: '1', p: '42000' },
              { T: EARLY_ON_THE_4TH + 9, s: 'BTCUSDT', S: 'Buy', v: '1', p: '42001' },
            ]),
          );
      },
    });
    // A previous run stored the first event, then died while writing another line.
    const seed = startCollector({ outDir: dir, exchanges: ['bybit'], endpoints: { bybit: bybit.url } });
    await waitFor(() => seed.events.length === 2, 'the seed run');
    await seed.stop();
    const [first, second] = await lines(file);
    await writeFile(file, serializeEvent(first as CollectedEvent) + serializeEvent(second as CollectedEvent).slice(0, 40));

    const run = startCollector({ outDir: dir, exchanges: ['bybit'], endpoints: { bybit: bybit.url } });
    await waitFor(() => run.events.length === 2, 'the replayed events');
    await run.stop();
    expect(run.events.map((e) => e.stored)).toEqual([false, true]); // the first is known; the torn one is re-stored
    const contents = await readDayFile(file);
    expect(contents.events.map((e) => e.id)).toEqual([first?.id, second?.id]);
    expect(contents.skippedLines).toBe(1);
    expect(await readFile(file, 'utf8')).toMatch(/\n$/);
  });

  it('falls back to the documented OKX contract sizes when the instruments request fails', async () => {
    const dir = await tempDir();
    const rest = await startHttp(500, '<html>oops</html>');
    const okx = await fakeExchange({
      onMessage: (socket, text) => {
        if (isSubscribe(text))
          socket.send(okxFrame('ETH-USDT-SWAP', { side: 'buy', posSide: 'short', bkPx: '2250', sz: '4', ts: String(EARLY_ON_THE_4TH) }));
      },
    });
    const run = startCollector({
      outDir: dir,
      exchanges: ['okx'],
      endpoints: { okx: okx.url },
      contractSizes: undefined,
      okxRestUrl: rest.url,
    });
    try {
      await waitFor(() => run.events.length === 1, 'the OKX event');
    } finally {
      await run.stop();
      await rest.close();
    }
    expect(run.logs[0]).toMatch(/okx: contract sizes not fetched \(HTTP 500\); using documented values/);
    // 4 contracts × 0.1 ETH = 0.4 ETH; × 2250 = 900
    expect(run.events[0]?.event).toMatchObject({ side: 'short', quantity: 0.4, notionalUsd: 900 });
  });

  it('stops at once when already aborted, and refuses a bad asset', async () => {
    const dir = await tempDir();
    const controller = new AbortController();
    controller.abort();
    await runCollector({
      assets: ['BTC'],
      outDir: dir,
      signal: controller.signal,
      log: () => undefined,
      contractSizes: new Map(),
      env: {},
    });
    await expect(runCollector({ assets: ['btc/../x'], outDir: dir, signal: controller.signal, env: {} })).rejects.toBeInstanceOf(
      UsageError,
    );
  });

  it('resolves endpoints: option, then BRIEF_<X>_WS_URL, then the exchange', () => {
    const env = { BRIEF_OKX_WS_URL: 'ws://127.0.0.1:9/okx' };
    expect(resolveWsUrl('okx', undefined, env)).toBe('ws://127.0.0.1:9/okx');
    expect(resolveWsUrl('okx', { okx: 'ws://127.0.0.1:8/x' }, env)).toBe('ws://127.0.0.1:8/x');
    expect(resolveWsUrl('bybit', undefined, env)).toBe('wss://stream.bybit.com/v5/public/linear');
    expect(resolveWsUrl('binance', undefined, {})).toBe('wss://fstream.binance.com/ws/!forceOrder@arr');
  });
});
