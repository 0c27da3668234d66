import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiquidationOrderSchema, LiquidationTotalsSchema } from '../../kernel/snapshot/schema.js';
import { aggregateCollected, utcDaysCovering } from '../../sources/collector/aggregate.js';
import { readDayFile } from '../../sources/collector/day-file.js';
import { eventId, serializeEvent, type CollectedEvent } from '../../sources/collector/event.js';
import { EventStore } from '../../sources/collector/store.js';
import { tempDir } from './helpers.js';

function event(fields: Omit<CollectedEvent, 'id' | 'receivedAt' | 'notionalUsd'> & { receivedAt?: number }): CollectedEvent {
  return {
    ...fields,
    id: eventId({
      exchange: fields.exchange,
      symbol: fields.symbol,
      time: fields.time,
      price: fields.price,
      nativeSize: fields.quantity,
      side: fields.side,
    }),
    notionalUsd: Math.round(fields.price * fields.quantity * 1e6) / 1e6,
    receivedAt: fields.receivedAt ?? fields.time + 300,
  };
}

const at = (iso: string): number => Date.parse(iso);
const silent = (): void => undefined;

describe('EventStore', () => {
  it('writes one file per UTC day of the event time and skips ids it already stored, also after reopening', async () => {
    const dir = await tempDir();
    const lateEvening = event({
      exchange: 'bybit',
      symbol: 'BTCUSDT',
      asset: 'BTC',
      side: 'long',
      price: 42000,
      quantity: 1,
      time: at('2024-01-03T23:59:59.999Z'),
    });
    const afterMidnight = event({
      exchange: 'bybit',
      symbol: 'BTCUSDT',
      asset: 'BTC',
      side: 'short',
      price: 42010,
      quantity: 2,
      time: at('2024-01-04T00:00:00.000Z'),
    });
    const store = await EventStore.open({ dir, fsyncIntervalMs: 50, log: silent });
    expect(await store.append(lateEvening)).toBe(true);
    expect(await store.append(afterMidnight)).toBe(true);
    expect(await store.append(afterMidnight)).toBe(false);
    await store.close();
    expect((await readdir(dir)).sort()).toEqual(['2024-01-03.jsonl', '2024-01-04.jsonl']);

    const reopened = await EventStore.open({ dir, fsyncIntervalMs: 50, log: silent });
    expect(await reopened.append(afterMidnight)).toBe(false);
    expect(await reopened.append(lateEvening)).toBe(false);
    await reopened.close();
    expect(await readFile(join(dir, '2024-01-04.jsonl'), 'utf8')).toBe(serializeEvent(afterMidnight));
    expect(await readFile(join(dir, '2024-01-03.jsonl'), 'utf8')).toBe(serializeEvent(lateEvening));
  });

  it('tolerates a torn last line: it is skipped on read and the next append starts a new line', async () => {
    const dir = await tempDir();
    const file = join(dir, '2024-01-04.jsonl');
    const first = event({
      exchange: 'okx',
      symbol: 'BTC-USDT-SWAP',
      asset: 'BTC',
      side: 'long',
      price: 42000,
      quantity: 0.02,
      time: at('2024-01-04T01:00:00Z'),
    });
    const second = event({
      exchange: 'okx',
      symbol: 'BTC-USDT-SWAP',
      asset: 'BTC',
      side: 'long',
      price: 42001,
      quantity: 0.02,
      time: at('2024-01-04T01:00:01Z'),
    });
    // A crash in the middle of writing the second line leaves half of it.
    const torn = serializeEvent(second).slice(0, 57);
    await writeFile(file, serializeEvent(first) + torn);
    const before = await readDayFile(file);
    expect(before.events).toEqual([first]);
    expect(before.skippedLines).toBe(1);
    expect(before.endsWithNewline).toBe(false);

    const logs: string[] = [];
    const store = await EventStore.open({ dir, fsyncIntervalMs: 50, log: (line) => logs.push(line) });
    expect(await store.append(second)).toBe(true); // the torn copy was never a stored event
    await store.close();
    expect(await readFile(file, 'utf8')).toBe(`${serializeEvent(first)}${torn}\n${serializeEvent(second)}`);
    const after = await readDayFile(file);
    expect(after.events).toEqual([first, second]);
    expect(after.skippedLines).toBe(1);
    expect(logs.join('\n')).toMatch(/1 unreadable line\(s\) skipped/);
  });

  it('rejects appends after close', async () => {
    const store = await EventStore.open({ dir: await tempDir(), fsyncIntervalMs: 50, log: silent });
    await store.close();
    await store.close(); // idempotent
    const late = event({ exchange: 'bybit', symbol: 'BTCUSDT', asset: 'BTC', side: 'long', price: 1, quantity: 1, time: 1 });
    await expect(store.append(late)).rejects.toThrow(/closed/);
  });
});

describe('aggregateCollected', () => {
  // The brief's day 2024-01-04 in UTC+8 is [2024-01-03T16:00Z, 2024-01-04T16:00Z): two UTC day files.
  const window = { start: at('2024-01-03T16:00:00Z'), end: at('2024-01-04T16:00:00Z') };
  const beforeStart = event({
    exchange: 'binance',
    symbol: 'BTCUSDT',
    asset: 'BTC',
    side: 'long',
    price: 42000,
    quantity: 0.5,
    time: window.start - 1,
  });
  const atStart = event({
    exchange: 'bybit',
    symbol: 'BTCUSDT',
    asset: 'BTC',
    side: 'long',
    price: 41000,
    quantity: 1,
    time: window.start,
  });
  const okxShort = event({
    exchange: 'okx',
    symbol: 'BTC-USDT-SWAP',
    asset: 'BTC',
    side: 'short',
    price: 42500,
    quantity: 0.02,
    time: at('2024-01-03T20:00:00Z'),
  });
  const binanceLong = event({
    exchange: 'binance',
    symbol: 'BTCUSDT',
    asset: 'BTC',
    side: 'long',
    price: 40500,
    quantity: 0.25,
    time: at('2024-01-04T01:00:00Z'),
    receivedAt: at('2024-01-04T01:00:00.450Z'),
  });
  const ethShort = event({
    exchange: 'bybit',
    symbol: 'ETHUSDT',
    asset: 'ETH',
    side: 'short',
    price: 2200,
    quantity: 3,
    time: at('2024-01-04T02:00:00Z'),
  });
  const bnb = event({
    exchange: 'bybit',
    symbol: 'BNBUSDT',
    asset: 'BNB',
    side: 'long',
    price: 300,
    quantity: 10,
    time: at('2024-01-04T03:00:00Z'),
  });
  const atEnd = event({ exchange: 'bybit', symbol: 'BTCUSDT', asset: 'BTC', side: 'short', price: 43000, quantity: 0.1, time: window.end });

  async function writeDays(dir: string): Promise<void> {
    await writeFile(join(dir, '2024-01-03.jsonl'), [beforeStart, atStart, okxShort].map(serializeEvent).join(''));
    await writeFile(
      join(dir, '2024-01-04.jsonl'),
      // binanceLong twice (two collectors, or a copy), then a torn line at the end.
      [binanceLong, binanceLong, ethShort, bnb, atEnd].map(serializeEvent).join('') + '{"id":"ab',
    );
  }

  it('sums the events inside [start, end) per asset, each id once; orders sorted by time', async () => {
    const dir = await tempDir();
    await writeDays(dir);
    const result = await aggregateCollected(dir, window, ['BTC', 'ETH']);
    expect(result).toBeDefined();
    // BTC long = 41000 × 1 (atStart) + 40500 × 0.25 (binanceLong, once) = 41000 + 10125 = 51125
    // BTC short = 42500 × 0.02 (okxShort) = 850; beforeStart and atEnd fall outside the window.
    // ETH short = 2200 × 3 = 6600; BNB is not asked for.
    expect(result?.totals.map(({ asset, longUsd, shortUsd, totalUsd }) => ({ asset, longUsd, shortUsd, totalUsd }))).toEqual([
      { asset: 'BTC', longUsd: 51125, shortUsd: 850, totalUsd: 51975 },
      { asset: 'ETH', longUsd: 0, shortUsd: 6600, totalUsd: 6600 },
    ]);
    const btc = result?.totals[0];
    expect(btc).toMatchObject({ source: 'collector', coverage: 'lower-bound', start: window.start, end: window.end });
    expect(btc?.provenance).toEqual({
      provider: 'collector',
      endpoint: 'binance ws !forceOrder@arr, okx ws liquidation-orders, bybit ws allLiquidation',
      fetchedAt: '2024-01-04T01:00:00.450Z',
      asOf: '2024-01-04T01:00:00.000Z',
      method: 'fetched',
    });
    for (const totals of result?.totals ?? []) LiquidationTotalsSchema.parse(totals);

    expect(result?.orders).toHaveLength(1);
    const group = result?.orders[0];
    expect(group?.source).toBe('collector');
    expect(group?.coverage).toBe('lower-bound');
    expect(group?.orders.map((o) => [o.venue, o.asset, o.side, o.time])).toEqual([
      ['bybit', 'BTC', 'long', atStart.time],
      ['okx', 'BTC', 'short', okxShort.time],
      ['binance', 'BTC', 'long', binanceLong.time],
      ['bybit', 'ETH', 'short', ethShort.time],
    ]);
    expect(group?.orders[1]).toEqual({
      venue: 'okx',
      symbol: 'BTC-USDT-SWAP',
      asset: 'BTC',
      side: 'short',
      price: 42500,
      quantity: 0.02,
      notionalUsd: 850,
      time: okxShort.time,
    });
    for (const order of group?.orders ?? []) LiquidationOrderSchema.parse(order);
  });

  it('gives no total for an asset without events, and undefined when no day file covers the window', async () => {
    const dir = await tempDir();
    await writeDays(dir);
    const onlyDoge = await aggregateCollected(dir, window, ['DOGE']);
    expect(onlyDoge).toEqual({ totals: [], orders: [] });
    expect(await aggregateCollected(dir, { start: at('2024-02-01T00:00:00Z'), end: at('2024-02-02T00:00:00Z') }, ['BTC'])).toBeUndefined();
    expect(await aggregateCollected(join(dir, 'missing'), window, ['BTC'])).toBeUndefined();
  });

  it('reads only the day files that overlap the window', async () => {
    const dir = await tempDir();
    await writeDays(dir);
    // A misfiled event inside the window: counted only if the 2024-01-05 file were (wrongly) read.
    const misfiled = event({
      exchange: 'bybit',
      symbol: 'BTCUSDT',
      asset: 'BTC',
      side: 'long',
      price: 40000,
      quantity: 9,
      time: at('2024-01-04T05:00:00Z'),
    });
    await appendFile(join(dir, '2024-01-05.jsonl'), serializeEvent(misfiled));
    expect(utcDaysCovering(window.start, window.end)).toEqual(['2024-01-03', '2024-01-04']);
    expect(utcDaysCovering(at('2024-01-04T00:00:00Z'), at('2024-01-05T00:00:00Z'))).toEqual(['2024-01-04']);
    expect(utcDaysCovering(5, 5)).toEqual([]);
    // A window of the UTC day 2024-01-04 alone: binanceLong, ethShort (atStart/okxShort are on the 3rd).
    const utcDay = await aggregateCollected(dir, { start: at('2024-01-04T00:00:00Z'), end: at('2024-01-05T00:00:00Z') }, ['BTC', 'ETH']);
    // BTC: binanceLong 10125 long + atEnd 43000 × 0.1 = 4300 short (2024-01-04T16:00Z is inside this window).
    expect(utcDay?.totals.map((t) => [t.asset, t.longUsd, t.shortUsd])).toEqual([
      ['BTC', 10125, 4300],
      ['ETH', 0, 6600],
    ]);
  });
});
