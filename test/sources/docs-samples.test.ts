/**
 * The pure parsers against the providers' own documentation samples (copied from
 * shared/reference/api into test/fixtures/replay/docs-samples), with values worked out by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKlines } from '../../sources/binance-common.js';
import {
  parseBasis,
  parseDeliveryPrices,
  parseFundingRates,
  parseOpenInterest as parseBinanceOpenInterest,
  parseOpenInterestHist,
  parsePremiumIndex,
} from '../../sources/binance-futures-parse.js';
import { parseTransactions as parseBlockchair } from '../../sources/blockchair.js';
import { parseFundingHistory as parseBybitFunding, parseTicker } from '../../sources/bybit.js';
import { parseEtfFlows, parseLiquidationBars } from '../../sources/coinglass.js';
import { parseDvol, parseExpiry } from '../../sources/deribit.js';
import { SourceError } from '../../sources/errors.js';
import {
  parseCandles,
  parseFundingCurrent,
  parseFundingHistory as parseOkxFunding,
  parseOpenInterest as parseOkxOpenInterest,
} from '../../sources/okx-parse.js';
import { parseSpotCandles } from '../../sources/okx-spot.js';
import { parseChart } from '../../sources/yahoo.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'replay', 'docs-samples');
const sample = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'));
const ctx = (label: string) => ({ source: 'test', endpoint: 'GET /sample', label });

function schemaError(run: () => unknown): SourceError {
  try {
    run();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('Binance samples', () => {
  it('spot klines: strings become numbers, quote volume kept', () => {
    expect(parseKlines(sample('binance-spot-klines.json'), ctx('k'))).toEqual([
      { t: 1499040000000, o: 0.0163479, h: 0.8, l: 0.015758, c: 0.015771, v: 148976.11427815, qv: 2434.19055334, closeTime: 1499644799999 },
    ]);
  });

  it('funding history: fraction per interval, ascending', () => {
    expect(parseFundingRates(sample('binance-fapi-fundingRate.json'), ctx('f'))).toEqual([
      { time: 1570608000000, rate: -0.0375 },
      { time: 1570636800000, rate: 0.0001 },
    ]);
  });

  it('premiumIndex and open interest', () => {
    const premium = parsePremiumIndex(sample('binance-fapi-premiumIndex.json'), ctx('p'));
    expect([premium.markPrice, premium.lastFundingRate, premium.nextFundingTime]).toEqual([11793.63104562, 0.00038246, 1597392000000]);
    expect(parseBinanceOpenInterest(sample('binance-fapi-openInterest.json'), ctx('oi'))).toEqual({
      time: 1589437530011,
      oiBase: 10659.509,
    });
  });

  it('openInterestHist accepts the documented string timestamps as well as live numbers', () => {
    expect(parseOpenInterestHist(sample('binance-futures-data-openInterestHist.json'), ctx('h'))).toEqual([
      { time: 1583127900000, oiBase: 20403.637, oiUsd: Number('150570784.07809979') },
      { time: 1583128200000, oiBase: 20401.367, oiUsd: Number('149940752.14464448') },
    ]);
  });

  it('basis: Binance annualized rate kept; "" (perpetual) computed from the expiry, never 0', () => {
    const [coinM] = parseBasis(sample('binance-dapi-futures-data-basis.json'), 1656057600000, ctx('b'));
    expect(coinM!.annualizedBasis).toBe(0.0283);
    // Perpetual sample with an expiry 73 days later: (34414.10 / 34400.15945055 − 1) × 365 / 73
    // = 0.00040524665 × 5 = 0.00202623.
    const [perp] = parseBasis(sample('binance-futures-data-basis.json'), 1698742800000 + 73 * 86_400_000, ctx('b'));
    expect(perp!.annualizedBasis).toBeCloseTo(0.00202623, 8);
  });

  it('delivery prices: times ascending, at the 08:00 UTC settlement (the API reports 00:00 of the day)', () => {
    // 2022-03-25, 2023-03-31, 2023-06-30, 2023-09-29, each at 08:00Z.
    expect(parseDeliveryPrices(sample('binance-futures-data-delivery-price.json'), ctx('d'))).toEqual([
      Date.parse('2022-03-25T08:00:00Z'),
      Date.parse('2023-03-31T08:00:00Z'),
      Date.parse('2023-06-30T08:00:00Z'),
      Date.parse('2023-09-29T08:00:00Z'),
    ]);
  });
});

describe('OKX samples', () => {
  it('candles: the forming bar (confirm "0") is dropped; swap volume is volCcy (base) and volCcyQuote', () => {
    expect(parseCandles(sample('okx-market-candles.json'), ctx('c'))).toEqual([
      { t: 1597026383085, o: 3.731, h: 3.799, l: 3.494, c: 3.72, v: 67632347.24399722, qv: 37632347.24399722 },
    ]);
  });

  it('spot candles (the Binance fallback): vol is base units, volCcyQuote the USDT volume', () => {
    expect(parseSpotCandles(sample('okx-market-candles.json'), ctx('s'))).toEqual([
      { t: 1597026383085, o: 3.731, h: 3.799, l: 3.494, c: 3.72, v: 24912403, qv: 37632347.24399722 },
    ]);
  });

  it('history candles: two different rows for one time are a conflict, not silently merged', () => {
    const error = schemaError(() => parseCandles(sample('okx-market-history-candles.json'), ctx('okx.candles')));
    expect(error.kind).toBe('SchemaViolation');
    expect(error.message).toContain('okx.candles[t=1597026383085]: two different rows for the same time');
  });

  it('current funding: interval = nextFundingTime − fundingTime = 28 800 000 ms = 8 h', () => {
    expect(parseFundingCurrent(sample('okx-public-funding-rate.json'), ctx('f'))).toEqual({
      rate: 0.0000182221218054,
      time: 1743609600000,
      intervalHours: 8,
    });
  });

  it('funding history: realizedRate (what was charged), oldest first', () => {
    expect(parseOkxFunding(sample('okx-public-funding-rate-history.json'), ctx('h'))).toEqual([
      { time: 1703030400000, rate: 0.0002279755647389 },
      { time: 1703059200000, rate: 0.0000746572360545 },
    ]);
  });

  it('open interest: coin (oiCcy) and USD (oiUsd)', () => {
    expect(parseOkxOpenInterest(sample('okx-public-open-interest.json'), ctx('oi'))).toEqual([
      { time: 1597026383085, oiBase: 555.55, oiUsd: 50000 },
    ]);
  });
});

describe('Bybit samples', () => {
  it('funding history and ticker (interval from fundingIntervalHour)', () => {
    expect(parseBybitFunding(sample('bybit-market-funding-history.json'), ctx('f'))).toEqual([{ time: 1672041600000, rate: 0.0001 }]);
    expect(parseTicker(sample('bybit-market-tickers-inverse.json'), ctx('t'))).toEqual({
      rate: 0.0001,
      time: 1760371200000,
      intervalHours: 8,
    });
  });
});

describe('Deribit samples', () => {
  it('DVOL bars and continuation', () => {
    const { bars, continuation } = parseDvol(sample('deribit-public-get_volatility_index_data.json'), ctx('d'));
    expect(continuation).toBeNull();
    expect(bars).toHaveLength(3);
    expect(bars[0]).toEqual({ t: 1598019300000, o: 0.210084879, h: 0.212860821, l: 0.210084879, c: 0.212860821 });
  });

  it('expiry from the instrument name at 08:00 UTC; perpetuals and options have none', () => {
    expect(parseExpiry('BTC-29MAR24')).toBe(Date.UTC(2024, 2, 29, 8));
    expect(parseExpiry('ETH-5JAN24')).toBe(Date.UTC(2024, 0, 5, 8));
    expect(parseExpiry('BTC-PERPETUAL')).toBeUndefined();
    expect(parseExpiry('ETH-22FEB19-140-P')).toBeUndefined();
  });
});

describe('Yahoo, Blockchair, Coinglass samples', () => {
  it('Yahoo chart: seconds at the session open, trading day in New York', () => {
    // 1577975400 s = 2020-01-02T14:30Z = 09:30 New York; the session closes 6.5 h later.
    expect(parseChart(sample('yahoo-v8-finance-chart.json'), Date.parse('2020-01-03T00:00:00Z'), ctx('y'))).toEqual([
      { date: '2020-01-02', t: 1577975400000, close: 75.0875015258789, volume: 135480400 },
    ]);
    // Before the session closed (21:00Z) the bar is not complete and is left out.
    expect(parseChart(sample('yahoo-v8-finance-chart.json'), Date.parse('2020-01-02T20:00:00Z'), ctx('y'))).toEqual([]);
  });

  it('Blockchair: satoshi → BTC, "YYYY-MM-DD HH:ii:ss" is UTC', () => {
    // 29 340 274 sat / 1e8 = 0.29340274 BTC.
    expect(parseBlockchair(sample('blockchair-bitcoin-transactions.json'), ctx('b'))).toEqual([
      {
        hash: 'ee13104d4331cad2fff5ab6cd249a9fec940d64df442a6de5f51ea63c34ef8ff',
        time: Date.parse('2019-10-22T19:09:34Z'),
        amountCoins: 0.29340274,
        amountUsd: 2408.89,
      },
    ]);
  });

  it('Coinglass liquidations and ETF flows', () => {
    expect(parseLiquidationBars(sample('coinglass-futures-liquidation-aggregated-history.json'), ctx('l'))).toEqual([
      { time: 1658966400000, longUsd: 5916885.14234, shortUsd: 12969583.87632 },
      { time: 1659052800000, longUsd: 5345708.23191, shortUsd: 6454875.54909 },
    ]);
    // 1721692800000 = 2024-07-23T00:00Z.
    expect(parseEtfFlows(sample('coinglass-etf-ethereum-flow-history.json'), ctx('e'))).toEqual([
      {
        date: '2024-07-23',
        netFlowUsd: 106600000,
        perTicker: [
          { ticker: 'ETHA', netFlowUsd: 266500000 },
          { ticker: 'FETH', netFlowUsd: 71300000 },
        ],
      },
    ]);
  });
});
