/**
 * Parser fixes of issue 16, each on a real captured response (the 2024-01-04 recordings):
 * Yahoo's unfinished daily bar of an around-the-clock instrument, a response for another symbol,
 * and OKX REST liquidation rows whose side contradicts posSide or whose contract is another asset's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFundingRates, parseOpenInterestHist } from '../../sources/binance-futures-parse.js';
import { parseFundingCurrent, parseLiquidationOrders, parseOpenInterest } from '../../sources/okx-parse.js';
import { parseChart } from '../../sources/yahoo.js';
import { parseFundingHistory as parseBybitFundingHistory, parseTicker } from '../../sources/bybit.js';
import { parseBookSummary } from '../../sources/deribit.js';
import { FIXTURE_DIR } from '../replay/record-fixtures.js';

const sample = (name: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'replay', 'docs-samples', name), 'utf8')) as unknown;

function recorded(provider: string, file: string): { request: string; body: string } {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, provider, file), 'utf8')) as { request: string; body: string };
}
const ctx = (label: string) => ({ source: 'test', endpoint: 'GET /x', label });

describe('Yahoo daily bars', () => {
  const dxy = JSON.parse(recorded('yahoo', 'v8-finance-chart-DX-Y-NYB-2e1d6c127c2b0f07.json').body) as unknown;
  const gbtc = JSON.parse(recorded('yahoo', 'v8-finance-chart-GBTC-628ba34cca99780a.json').body) as unknown;
  // 21:30Z on 4 January: 6.5 h after the 14:30Z stamp of the day's bar, 16:30 in New York.
  const afterSession = Date.parse('2024-01-04T21:30:00Z');

  it('an around-the-clock index (DX-Y.NYB, INDEX) keeps its bar of the day only after the day ends in New York', () => {
    expect(parseChart(dxy, afterSession, ctx('dxy'), 'DX-Y.NYB').at(-1)!.date).toBe('2024-01-03');
    // Midnight in New York on 5 January = 05:00Z.
    expect(parseChart(dxy, Date.parse('2024-01-05T05:00:00Z'), ctx('dxy'), 'DX-Y.NYB').at(-1)!.date).toBe('2024-01-04');
  });

  it('a fund (GBTC) keeps the session rule: complete 6.5 h after the open', () => {
    expect(parseChart(gbtc, afterSession, ctx('gbtc'), 'GBTC').at(-1)!.date).toBe('2024-01-04');
    // The bar opens at 14:30Z: one minute before 21:00Z it is still forming.
    expect(parseChart(gbtc, Date.parse('2024-01-04T20:59:00Z'), ctx('gbtc'), 'GBTC').at(-1)!.date).toBe('2024-01-03');
  });

  it('a response for another symbol is refused, not filed under the one asked for', () => {
    expect(() => parseChart(gbtc, afterSession, ctx('yahoo.chart[IBIT]'), 'IBIT')).toThrow(
      /yahoo\.chart\[IBIT\]\.chart\.result\[0\]\.meta\.symbol: expected IBIT, got "GBTC"/,
    );
  });
});

describe('OKX REST liquidation orders', () => {
  const body = () =>
    JSON.parse(recorded('okx', 'api-v5-public-liquidation-orders-4b6dfdb8851bc9f4.json').body) as {
      data: { instId: string; details: { side: string; posSide: string }[] }[];
    };

  it('the recorded page parses: 71 longs (sell/long) and 29 shorts (buy/short), 0.01 BTC per contract', () => {
    const orders = parseLiquidationOrders(body(), 'BTC', 0.01, ctx('okx'));
    expect(orders.filter((o) => o.side === 'long')).toHaveLength(71);
    expect(orders.filter((o) => o.side === 'short')).toHaveLength(29);
    // The first recorded row: 357 contracts × 0.01 BTC at 43,219.2 = 3.57 BTC, 154,292.544 USD.
    const first = orders.find((o) => o.time === 1704384300137)!;
    expect(first.quantity).toBeCloseTo(3.57, 10);
    expect(first.notionalUsd).toBeCloseTo(154_292.544, 6);
  });

  it('a row whose side contradicts posSide is refused (like the stream parser)', () => {
    const raw = body();
    raw.data[0]!.details[3]!.side = raw.data[0]!.details[3]!.posSide === 'long' ? 'buy' : 'sell';
    expect(() => parseLiquidationOrders(raw, 'BTC', 0.01, ctx('okx.liquidations'))).toThrow(
      /okx\.liquidations\.data\[0\]\.details\[3\]: side (buy|sell) contradicts posSide (long|short)/,
    );
  });

  it("another asset's contract is refused", () => {
    const raw = body();
    raw.data[0]!.instId = 'ETH-USDT-SWAP';
    expect(() => parseLiquidationOrders(raw, 'BTC', 0.01, ctx('okx.liquidations'))).toThrow(/expected a BTC contract, got "ETH-USDT-SWAP"/);
  });
});

describe('Binance futures rows belong to the symbol asked for', () => {
  it('funding rates and open-interest history of BTCUSDT parse for BTCUSDT and are refused for ETHUSDT', () => {
    expect(parseFundingRates(sample('binance-fapi-fundingRate.json'), ctx('f'), 'BTCUSDT').length).toBeGreaterThan(0);
    expect(() => parseFundingRates(sample('binance-fapi-fundingRate.json'), ctx('binance.fundingRate[ETHUSDT]'), 'ETHUSDT')).toThrow(
      /binance\.fundingRate\[ETHUSDT\]\[0\]\.symbol: expected ETHUSDT, got "BTCUSDT"/,
    );
    expect(parseOpenInterestHist(sample('binance-futures-data-openInterestHist.json'), ctx('o'), 'BTCUSDT').length).toBeGreaterThan(0);
    expect(() => parseOpenInterestHist(sample('binance-futures-data-openInterestHist.json'), ctx('o'), 'ETHUSDT')).toThrow(
      /expected ETHUSDT/,
    );
  });
});

describe('OKX rows belong to the instrument asked for', () => {
  it('the BTC-USDT-SWAP funding rate and open interest parse for it and are refused for ETH-USDT-SWAP', () => {
    expect(parseFundingCurrent(sample('okx-public-funding-rate.json'), ctx('f'), 'BTC-USDT-SWAP').intervalHours).toBeGreaterThan(0);
    expect(() =>
      parseFundingCurrent(sample('okx-public-funding-rate.json'), ctx('okx.fundingRate[ETH-USDT-SWAP]'), 'ETH-USDT-SWAP'),
    ).toThrow(/okx\.fundingRate\[ETH-USDT-SWAP\]\.data\[0\]\.instId: expected ETH-USDT-SWAP, got "BTC-USDT-SWAP"/);
    expect(parseOpenInterest(sample('okx-public-open-interest.json'), ctx('o'), 'BTC-USDT-SWAP')).toHaveLength(1);
    expect(() => parseOpenInterest(sample('okx-public-open-interest.json'), ctx('o'), 'ETH-USDT-SWAP')).toThrow(/expected ETH-USDT-SWAP/);
  });
});

describe('Bybit and Deribit rows belong to the symbol or currency asked for (recorded 2024-01-04 responses)', () => {
  const body = (provider: string, file: string): unknown => JSON.parse(recorded(provider, file).body) as unknown;
  const history = () => body('bybit', 'v5-market-funding-history-7b02d6bd6b913903.json');
  const ticker = () => body('bybit', 'v5-market-tickers-8f7a95dbb859702b.json');
  const book = () => body('deribit', 'api-v2-public-get-book-summary-by-currency-dd09662b5e4622e3.json');
  const prov = {
    provider: 'deribit',
    endpoint: '/x',
    fetchedAt: '2024-01-04T16:05:00Z',
    asOf: '2024-01-04T16:05:00Z',
    method: 'fetched' as const,
  };

  it('Bybit funding history and ticker of BTCUSDT parse for BTCUSDT and are refused for ETHUSDT', () => {
    // Newest row: −0.00004723 settled at 1704355200000 (2024-01-04T08:00Z).
    expect(parseBybitFundingHistory(history(), ctx('h'), 'BTCUSDT').at(-1)).toEqual({ time: 1704355200000, rate: -0.00004723 });
    expect(() => parseBybitFundingHistory(history(), ctx('bybit.fundingHistory[ETHUSDT]'), 'ETHUSDT')).toThrow(
      /bybit\.fundingHistory\[ETHUSDT\]\.result\.list\[0\]\.symbol: expected ETHUSDT, got "BTCUSDT"/,
    );
    expect(parseTicker(ticker(), ctx('t'), 'BTCUSDT').intervalHours).toBe(8);
    expect(() => parseTicker(ticker(), ctx('bybit.tickers[ETHUSDT]'), 'ETHUSDT')).toThrow(
      /bybit\.tickers\[ETHUSDT\]\.result\.list\[0\]\.symbol: expected ETHUSDT, got "BTCUSDT"/,
    );
  });

  it('Deribit BTC futures parse as BTC tenors (the perpetual and 5JAN24, under a day from expiry, skipped) and are refused as ETH', () => {
    expect(parseBookSummary(book(), 'BTC', ctx('b'), prov).map((t) => t.contract)).toEqual([
      'BTC-12JAN24',
      'BTC-26JAN24',
      'BTC-29MAR24',
      'BTC-28JUN24',
      'BTC-27SEP24',
      'BTC-27DEC24',
    ]);
    expect(() => parseBookSummary(book(), 'ETH', ctx('deribit.bookSummary[ETH]'), prov)).toThrow(
      /deribit\.bookSummary\[ETH\]\.result\[0\]\.base_currency: expected ETH, got "BTC"/,
    );
  });

  it('a stray ETH row inside a BTC answer is refused by its instrument name when base_currency is absent', () => {
    const raw = book() as { result: Array<Record<string, unknown>> };
    const { base_currency: _dropped, ...rest } = raw.result[1]!;
    const stray = { ...rest, instrument_name: 'ETH-12JAN24' };
    raw.result.splice(1, 1, stray);
    expect(() => parseBookSummary(raw, 'BTC', ctx('d'), prov)).toThrow(/d\.result\[1\]\.instrument_name: expected BTC, got "ETH"/);
  });
});
