import { describe, expect, it } from 'vitest';
import { parseBinanceFrame } from '../../sources/collector/binance.js';
import { bybitSubscribeMessages, parseBybitFrame } from '../../sources/collector/bybit.js';
import { eventId } from '../../sources/collector/event.js';
import { FALLBACK_CONTRACT_SIZES, parseInstruments } from '../../sources/collector/okx-instruments.js';
import { okxSubscribeMessage, parseOkxFrame } from '../../sources/collector/okx.js';
import { fixture } from './helpers.js';

const BTC_ETH = new Set(['BTC', 'ETH']);

describe('Binance forceOrder', () => {
  it('normalises the documented sample: SELL means a long was liquidated, notional = z × ap', async () => {
    const sample = await fixture('binance-ws-forceOrder.json');
    const result = parseBinanceFrame(JSON.stringify(sample), BTC_ETH);
    expect(result.problems).toEqual([]);
    expect(result.events).toEqual([
      {
        id: eventId({ exchange: 'binance', symbol: 'BTCUSDT', time: 1568014460893, price: 9910, nativeSize: 0.014, side: 'long' }),
        exchange: 'binance',
        symbol: 'BTCUSDT',
        asset: 'BTC',
        side: 'long',
        price: 9910,
        quantity: 0.014,
        notionalUsd: 138.74, // 0.014 × 9910 = 138.74
        time: 1568014460893,
      },
    ]);
  });

  it('BUY means a short was liquidated; uses z (filled) and ap (average), not q and p', async () => {
    const sample = await fixture('binance-ws-forceOrder.json');
    const order = { ...(sample.o as Record<string, unknown>), s: 'ETHUSDT', S: 'BUY', q: '5', p: '2000', z: '2.5', ap: '2200.4' };
    const [event] = parseBinanceFrame(JSON.stringify({ ...sample, o: order }), BTC_ETH).events;
    expect(event?.side).toBe('short');
    expect(event?.asset).toBe('ETH');
    expect(event?.quantity).toBe(2.5);
    expect(event?.notionalUsd).toBe(5501); // 2.5 × 2200.4 = 5501
  });

  it('accepts an array frame and a combined-stream wrapper, and ignores untracked symbols', async () => {
    const sample = await fixture('binance-ws-forceOrder.json');
    const other = { ...sample, o: { ...(sample.o as Record<string, unknown>), s: 'DOGEUSDT' } };
    expect(parseBinanceFrame(JSON.stringify([sample, other]), BTC_ETH).events.map((e) => e.symbol)).toEqual(['BTCUSDT']);
    const wrapped = { stream: '!forceOrder@arr', data: sample };
    expect(parseBinanceFrame(JSON.stringify(wrapped), BTC_ETH).events).toHaveLength(1);
  });

  it('rejects empty strings, NaN, 1e309, a zero quantity and missing fields with a path', async () => {
    const sample = await fixture('binance-ws-forceOrder.json');
    const base = sample.o as Record<string, unknown>;
    const bad = [
      { ...base, ap: '' },
      { ...base, ap: 'NaN' },
      { ...base, z: '1e309' },
      { ...base, z: '0' },
      { ...base, S: 'SIDEWAYS' },
      Object.fromEntries(Object.entries(base).filter(([key]) => key !== 'T')),
    ];
    for (const order of bad) {
      const result = parseBinanceFrame(JSON.stringify({ ...sample, o: order }), BTC_ETH);
      expect(result.events).toEqual([]);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatch(/^binance\.forceOrder\.o\./);
    }
    expect(parseBinanceFrame('{"e":"forceOrder",', BTC_ETH).problems[0]).toMatch(/^binance: not JSON/);
  });
});

describe('OKX liquidation-orders', () => {
  it('normalises the documented sample with a contract size: short + buy = a short was liquidated', async () => {
    const sample = await fixture('okx-ws-liquidation-orders.json');
    const contracts = new Map([['IOST-USDT-SWAP', { ctVal: 1000, ctValCcy: 'IOST' }]]);
    const result = parseOkxFrame(JSON.stringify(sample), new Set(['IOST']), contracts);
    expect(result.problems).toEqual([]);
    expect(result.events).toEqual([
      {
        id: eventId({ exchange: 'okx', symbol: 'IOST-USDT-SWAP', time: 1692266434010, price: 0.007831, nativeSize: 13, side: 'short' }),
        exchange: 'okx',
        symbol: 'IOST-USDT-SWAP',
        asset: 'IOST',
        side: 'short',
        price: 0.007831, // bankruptcy price bkPx
        quantity: 13000, // 13 contracts × 1000 IOST
        notionalUsd: 101.803, // 13000 × 0.007831 = 101.803
        time: 1692266434010,
      },
    ]);
  });

  function okxFrame(instId: string, detail: Record<string, unknown>): string {
    return JSON.stringify({
      arg: { channel: 'liquidation-orders', instType: 'SWAP' },
      data: [
        {
          details: [{ bkLoss: '0', ccy: '', ...detail }],
          instFamily: instId.replace(/-SWAP$/, ''),
          instId,
          instType: 'SWAP',
          uly: instId.replace(/-SWAP$/, ''),
        },
      ],
    });
  }

  it('multiplies contracts by ctVal (BTC-USDT-SWAP 0.01 BTC, ETH-USDT-SWAP 0.1 ETH); long + sell = long', () => {
    const btc = parseOkxFrame(
      okxFrame('BTC-USDT-SWAP', { side: 'sell', posSide: 'long', bkPx: '42000', sz: '2', ts: '1704300000000' }),
      BTC_ETH,
      FALLBACK_CONTRACT_SIZES,
    );
    expect(btc.events[0]).toMatchObject({ side: 'long', asset: 'BTC', quantity: 0.02, notionalUsd: 840 }); // 2 × 0.01 = 0.02 BTC; × 42000 = 840
    const eth = parseOkxFrame(
      okxFrame('ETH-USDT-SWAP', { side: 'buy', posSide: 'short', bkPx: '2250.5', sz: '37', ts: 1704300000001 }),
      BTC_ETH,
      FALLBACK_CONTRACT_SIZES,
    );
    expect(eth.events[0]).toMatchObject({ side: 'short', asset: 'ETH', quantity: 3.7, notionalUsd: 8326.85 }); // 37 × 0.1 = 3.7 ETH; × 2250.5 = 8326.85
  });

  it('inverse swaps: ctVal in USD gives the notional, quantity = notional / price; net mode follows the order side', () => {
    const contracts = new Map([['BTC-USD-SWAP', { ctVal: 100, ctValCcy: 'USD' }]]);
    const result = parseOkxFrame(
      okxFrame('BTC-USD-SWAP', { side: 'sell', posSide: 'net', bkPx: '40000', sz: '3', ts: '1704300000000' }),
      BTC_ETH,
      contracts,
    );
    expect(result.events[0]).toMatchObject({ side: 'long', notionalUsd: 300, quantity: 0.0075 }); // 3 × 100 USD = 300; 300 / 40000 = 0.0075 BTC
    const shortNet = parseOkxFrame(
      okxFrame('BTC-USD-SWAP', { side: 'buy', posSide: 'net', bkPx: '40000', sz: '3', ts: '1704300000000' }),
      BTC_ETH,
      contracts,
    );
    expect(shortNet.events[0]?.side).toBe('short');
  });

  it('rejects a contradictory side, an unknown contract size, and bad decimals; keeps the good details', () => {
    const contradictory = parseOkxFrame(
      okxFrame('BTC-USDT-SWAP', { side: 'buy', posSide: 'long', bkPx: '42000', sz: '1', ts: '1704300000000' }),
      BTC_ETH,
      FALLBACK_CONTRACT_SIZES,
    );
    expect(contradictory.events).toEqual([]);
    expect(contradictory.problems[0]).toMatch(/contradictory/);
    const unknown = parseOkxFrame(
      okxFrame('BTC-USDC-SWAP', { side: 'sell', posSide: 'long', bkPx: '42000', sz: '1', ts: '1704300000000' }),
      BTC_ETH,
      FALLBACK_CONTRACT_SIZES,
    );
    expect(unknown.problems[0]).toMatch(/no contract size known for "BTC-USDC-SWAP"/);
    const mixed = JSON.stringify({
      arg: { channel: 'liquidation-orders', instType: 'SWAP' },
      data: [
        {
          instId: 'BTC-USDT-SWAP',
          details: [
            { side: 'sell', posSide: 'long', bkPx: '', sz: '1', ts: '1704300000000' },
            { side: 'sell', posSide: 'long', bkPx: 'Infinity', sz: '1', ts: '1704300000000' },
            { side: 'sell', posSide: 'long', bkPx: '42000', sz: '1', ts: '1704300000000' },
          ],
        },
      ],
    });
    const result = parseOkxFrame(mixed, BTC_ETH, FALLBACK_CONTRACT_SIZES);
    expect(result.events).toHaveLength(1);
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatch(/^okx\.data\[0\]\.details\[0\]\.bkPx: expected a decimal string, got ""/);
  });

  it('treats pong and subscribe acks as control frames and reports error events', () => {
    expect(parseOkxFrame('pong', BTC_ETH, FALLBACK_CONTRACT_SIZES).control).toBe('okx pong');
    expect(
      parseOkxFrame(
        '{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"},"connId":"a4d3ae55"}',
        BTC_ETH,
        FALLBACK_CONTRACT_SIZES,
      ).control,
    ).toBe('okx subscribe');
    expect(parseOkxFrame('{"event":"error","code":"60012","msg":"Invalid request"}', BTC_ETH, FALLBACK_CONTRACT_SIZES).problems[0]).toMatch(
      /server error/,
    );
    expect(JSON.parse(okxSubscribeMessage())).toEqual({ op: 'subscribe', args: [{ channel: 'liquidation-orders', instType: 'SWAP' }] });
  });

  it('reads contract sizes from the instruments response, skipping entries without ctVal', () => {
    const body = {
      code: '0',
      msg: '',
      data: [
        { instId: 'BTC-USDT-SWAP', ctVal: '0.01', ctValCcy: 'BTC', ctType: 'linear' },
        { instId: 'BNB-USDT-SWAP', ctVal: '0.01', ctValCcy: 'BNB', ctType: 'linear' },
        { instId: 'XYZ-USDT-SWAP', ctVal: '', ctValCcy: 'XYZ' },
      ],
    };
    const { sizes, problems } = parseInstruments(body);
    expect([...sizes]).toEqual([
      ['BTC-USDT-SWAP', { ctVal: 0.01, ctValCcy: 'BTC' }],
      ['BNB-USDT-SWAP', { ctVal: 0.01, ctValCcy: 'BNB' }],
    ]);
    expect(problems).toHaveLength(1);
    expect(parseInstruments({ code: '50011', msg: 'Too Many Requests', data: [] }).problems[0]).toMatch(/error code 50011/);
  });
});

describe('Bybit allLiquidation', () => {
  it('normalises the documented sample: Sell means a SHORT was liquidated (Bybit docs: Buy = long liquidated)', async () => {
    const sample = await fixture('bybit-ws-allLiquidation.json');
    const result = parseBybitFrame(JSON.stringify(sample), new Set(['ROSE']));
    expect(result.problems).toEqual([]);
    expect(result.events).toEqual([
      {
        id: eventId({ exchange: 'bybit', symbol: 'ROSEUSDT', time: 1739502302929, price: 0.04499, nativeSize: 20000, side: 'short' }),
        exchange: 'bybit',
        symbol: 'ROSEUSDT',
        asset: 'ROSE',
        side: 'short',
        price: 0.04499,
        quantity: 20000,
        notionalUsd: 899.8, // 20000 × 0.04499 = 899.8
        time: 1739502302929,
      },
    ]);
  });

  it('Buy means a long was liquidated; several entries in one push', async () => {
    const sample = await fixture('bybit-ws-allLiquidation.json');
    const frame = {
      ...sample,
      topic: 'allLiquidation.BTCUSDT',
      data: [
        { T: 1704300000000, s: 'BTCUSDT', S: 'Buy', v: '0.5', p: '42100' },
        { T: 1704300000400, s: 'BTCUSDT', S: 'Sell', v: '0.25', p: '42300.5' },
      ],
    };
    const result = parseBybitFrame(JSON.stringify(frame), BTC_ETH);
    expect(result.events.map((e) => [e.side, e.notionalUsd])).toEqual([
      ['long', 21050], // 0.5 × 42100 = 21050
      ['short', 10575.125], // 0.25 × 42300.5 = 10575.125
    ]);
  });

  it('rejects malformed entries with their path and treats op replies as control', () => {
    const frame = JSON.stringify({
      topic: 'allLiquidation.BTCUSDT',
      type: 'snapshot',
      ts: 1,
      data: [{ T: 1704300000000, s: 'BTCUSDT', S: 'Buy', v: '-1', p: '42100' }],
    });
    const result = parseBybitFrame(frame, BTC_ETH);
    expect(result.events).toEqual([]);
    expect(result.problems[0]).toMatch(/^bybit\.data\[0\]\.v:/);
    expect(parseBybitFrame('{"success":true,"ret_msg":"pong","conn_id":"x","op":"ping"}', BTC_ETH).control).toBe('bybit ping');
    expect(parseBybitFrame('{"success":false,"ret_msg":"error:handler not found","op":"subscribe"}', BTC_ETH).problems[0]).toMatch(
      /refused/,
    );
  });

  it('subscribes to at most 10 topics per request', () => {
    const assets = Array.from({ length: 12 }, (_, i) => `A${String(i).padStart(2, '0')}`);
    const messages = bybitSubscribeMessages(assets).map((m) => JSON.parse(m) as { op: string; args: string[] });
    expect(messages.map((m) => m.args.length)).toEqual([10, 2]);
    expect(messages[0]?.args[0]).toBe('allLiquidation.A00USDT');
  });
});

describe('event ids', () => {
  it('are stable for equal fields and differ when any field differs', () => {
    const base = { exchange: 'bybit' as const, symbol: 'BTCUSDT', time: 1, price: 42000, nativeSize: 0.5, side: 'long' as const };
    expect(eventId(base)).toBe(eventId({ ...base }));
    expect(eventId(base)).toMatch(/^[0-9a-f]{32}$/);
    for (const changed of [
      { time: 2 },
      { price: 42001 },
      { nativeSize: 0.6 },
      { side: 'short' as const },
      { symbol: 'ETHUSDT' },
      { exchange: 'okx' as const },
    ]) {
      expect(eventId({ ...base, ...changed })).not.toBe(eventId(base));
    }
  });
});
