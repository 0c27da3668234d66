/**
 * Fake Binance, Binance futures, OKX and Bybit endpoints over the market model, answering
 * exactly like the real APIs (field names, strings vs numbers, ordering, pagination semantics
 * of startTime/endTime/limit and OKX `after`). `now` is the instant the fake exchange lives at.
 */
import { Reply } from './reply.js';
import { DAY, HOUR, annualizedBasis, dayBar, fundingRate, hourBar, liquidations4h, openInterest, price, unit } from './market.js';

export type Query = URLSearchParams;
export type Json = unknown;

const ASSETS: Record<string, string> = { BTCUSDT: 'BTC', ETHUSDT: 'ETH', BNBUSDT: 'BNB' };
const f = (n: number, digits: number): string => n.toFixed(digits);
const num = (q: Query, name: string, fallback: number): number => (q.has(name) ? Number(q.get(name)) : fallback);

function bars(asset: string, interval: string, start: number, end: number, limit: number, now: number, venue: number) {
  const step = interval === '1h' || interval === '1H' ? HOUR : DAY;
  const first = Math.ceil(start / step) * step;
  const out = [];
  for (let t = first; t <= end && t <= now && out.length < limit; t += step)
    out.push(step === HOUR ? hourBar(asset, t, venue) : dayBar(asset, t, venue));
  return { out, step };
}

function binanceKlines(q: Query, now: number, venue: number, digits: number, maxLimit: number): Json {
  const asset = ASSETS[q.get('symbol') ?? ''];
  if (!asset) return new Reply(400, { code: -1121, msg: 'Invalid symbol.' });
  const interval = q.get('interval') ?? '1h';
  const limit = Math.min(num(q, 'limit', 500), maxLimit);
  const { out, step } = bars(asset, interval, num(q, 'startTime', 0), num(q, 'endTime', now), limit, now, venue);
  return out.map((b) => [
    b.t,
    f(b.o, digits),
    f(b.h, digits),
    f(b.l, digits),
    f(b.c, digits),
    f(b.v, 5) + (digits === 8 ? '000' : ''),
    b.t + step - 1,
    f(b.v * b.c, 8),
    Math.round(b.v * 9),
    f(b.v * 0.48, 5),
    f(b.v * 0.48 * b.c, 8),
    '0',
  ]);
}

export function binanceSpot(path: string, q: Query, now: number): Json {
  if (path === '/api/v3/klines') return binanceKlines(q, now, 0, 8, 1000);
  return undefined;
}

const QUARTERLIES = ['2023-03-31', '2023-06-30', '2023-09-29', '2023-12-29', '2024-03-29', '2024-06-28'].map((d) =>
  Date.parse(`${d}T08:00:00Z`),
);

export function binanceFutures(path: string, q: Query, now: number): Json {
  const symbol = q.get('symbol') ?? q.get('pair') ?? '';
  const asset = ASSETS[symbol];
  switch (path) {
    case '/fapi/v1/klines':
      return binanceKlines(q, now, 1, 1, 1500);
    case '/fapi/v1/premiumIndex': {
      if (!asset) return new Reply(400, { code: -1121, msg: 'Invalid symbol.' });
      const next = Math.ceil(now / (8 * HOUR)) * 8 * HOUR;
      const index = price(asset, now);
      return {
        symbol,
        markPrice: f(index * 1.0002, 8),
        indexPrice: f(index, 8),
        estimatedSettlePrice: f(index * 1.0001, 8),
        lastFundingRate: f(fundingRate(asset, next, 'binance'), 8),
        interestRate: '0.00010000',
        nextFundingTime: next,
        time: now - 1000,
      };
    }
    case '/fapi/v1/fundingInfo':
      return [
        {
          symbol: 'BLZUSDT',
          adjustedFundingRateCap: '0.02500000',
          adjustedFundingRateFloor: '-0.02500000',
          fundingIntervalHours: 4,
          disclaimer: false,
        },
      ];
    case '/fapi/v1/fundingRate': {
      if (!asset) return [];
      const out = [];
      const end = Math.min(num(q, 'endTime', now), now);
      for (
        let t = Math.ceil(num(q, 'startTime', 0) / (8 * HOUR)) * 8 * HOUR;
        t <= end && out.length < num(q, 'limit', 100);
        t += 8 * HOUR
      ) {
        // Binance's funding times are a few ms past the hour.
        out.push({
          symbol,
          fundingTime: t + (t % 3 === 0 ? 0 : 1),
          fundingRate: f(fundingRate(asset, t, 'binance'), 8),
          markPrice: f(price(asset, t), 8),
        });
      }
      return out;
    }
    case '/fapi/v1/openInterest':
      return { openInterest: f(openInterest(asset ?? 'BTC', now), 3), symbol, time: now - 500 };
    case '/futures/data/openInterestHist': {
      const out = [];
      const end = Math.min(num(q, 'endTime', now), now);
      for (let t = Math.ceil(num(q, 'startTime', now - 30 * HOUR) / HOUR) * HOUR; t <= end && out.length < num(q, 'limit', 30); t += HOUR) {
        const oi = openInterest(asset ?? 'BTC', t);
        out.push({
          symbol,
          sumOpenInterest: f(oi, 8),
          sumOpenInterestValue: f(oi * price(asset ?? 'BTC', t), 8),
          CMCCirculatingSupply: '19582012.000000',
          timestamp: t,
        });
      }
      return out;
    }
    case '/futures/data/basis': {
      const contractType = q.get('contractType') ?? 'CURRENT_QUARTER';
      const tenor = contractType === 'NEXT_QUARTER' ? 1 : 0;
      const out = [];
      const end = Math.min(num(q, 'endTime', now), now);
      for (let t = Math.ceil(num(q, 'startTime', now - 30 * HOUR) / HOUR) * HOUR; t <= end && out.length < num(q, 'limit', 30); t += HOUR) {
        const expiry = QUARTERLIES.filter((d) => d > t)[tenor]!;
        const index = price(asset ?? 'BTC', t);
        const rate = Math.round(annualizedBasis(t, tenor) * 10000) / 10000;
        const futures = Math.round(index * (1 + (rate * (expiry - t)) / (365 * DAY)) * 10) / 10;
        out.push({
          indexPrice: f(index, 8),
          contractType,
          basisRate: f(futures / index - 1, 4),
          futuresPrice: f(futures, 1),
          annualizedBasisRate: f(rate, 4),
          basis: f(futures - index, 8),
          pair: symbol,
          timestamp: t,
        });
      }
      return out;
    }
    case '/futures/data/delivery-price':
      return (
        QUARTERLIES.filter((d) => d < now)
          .reverse()
          // Like the real endpoint: the delivery day at 00:00 UTC, though the contract settles at 08:00.
          .map((d) => ({ deliveryTime: Math.floor(d / 86_400_000) * 86_400_000, deliveryPrice: Math.round(price('BTC', d) * 10) / 10 }))
      );
    default:
      return undefined;
  }
}

const CT_VAL: Record<string, number> = { BTC: 0.01, ETH: 0.1, BNB: 0.01 };

/** OKX `{code:"0", msg:"", data}`. */
const okx = (data: unknown[]): Json => ({ code: '0', msg: '', data });

export function okxApi(path: string, q: Query, now: number): Json {
  const instId = q.get('instId') ?? '';
  const asset = instId.split('-')[0] ?? q.get('uly')?.split('-')[0] ?? 'BTC';
  switch (path) {
    case '/api/v5/market/history-candles': {
      const bar = q.get('bar') ?? '1m';
      const step = bar === '1H' ? HOUR : DAY;
      const limit = Math.min(num(q, 'limit', 100), 100);
      const after = num(q, 'after', now + 1);
      const rows = [];
      const swap = instId.endsWith('-SWAP');
      for (let t = Math.floor((Math.min(after, now + 1) - 1) / step) * step; rows.length < limit && t > now - 5 * 365 * DAY; t -= step) {
        if (t >= after) continue;
        const b = step === HOUR ? hourBar(asset, t, swap ? 2 : 3) : dayBar(asset, t, swap ? 2 : 3);
        const ct = CT_VAL[asset] ?? 0.01;
        // Swaps: vol in contracts, volCcy in base; spot: vol in base, volCcy in quote.
        const [vol, volCcy] = swap ? [f(b.v / ct, 0), f(b.v, 2)] : [f(b.v, 4), f(b.v * b.c, 2)];
        rows.push([String(t), f(b.o, 1), f(b.h, 1), f(b.l, 1), f(b.c, 1), vol, volCcy, f(b.v * b.c, 1), t + step <= now ? '1' : '0']);
      }
      return okx(rows);
    }
    case '/api/v5/public/funding-rate-history': {
      const after = num(q, 'after', now + 1);
      const rows = [];
      for (
        let t = Math.floor((Math.min(after, now + 1) - 1) / (8 * HOUR)) * 8 * HOUR;
        rows.length < num(q, 'limit', 100) && t > now - 90 * DAY;
        t -= 8 * HOUR
      ) {
        if (t >= after) continue;
        const rate = fundingRate(asset, t, 'okx');
        rows.push({
          formulaType: 'withRate',
          fundingRate: f(rate, 16),
          fundingTime: String(t),
          instId,
          instType: 'SWAP',
          method: 'current_period',
          realizedRate: f(rate - 0.0000000031, 16),
        });
      }
      return okx(rows);
    }
    case '/api/v5/public/funding-rate': {
      const next = Math.ceil(now / (8 * HOUR)) * 8 * HOUR;
      return okx([
        {
          formulaType: 'withRate',
          fundingRate: f(fundingRate(asset, next, 'okx'), 16),
          fundingTime: String(next),
          impactValue: '20000.0000000000000000',
          instId,
          instType: 'SWAP',
          interestRate: '0.0001000000000000',
          maxFundingRate: '0.00375',
          method: 'current_period',
          minFundingRate: '-0.00375',
          nextFundingRate: '',
          nextFundingTime: String(next + 8 * HOUR),
          premium: '-0.0000950000000000',
          settFundingRate: f(fundingRate(asset, next - 8 * HOUR, 'okx'), 16),
          settState: 'settled',
          ts: String(now - 700),
        },
      ]);
    }
    case '/api/v5/public/open-interest': {
      const oiCcy = openInterest(asset, now) * 0.31;
      const ct = CT_VAL[asset] ?? 0.01;
      return okx([
        {
          instType: 'SWAP',
          instId,
          oi: f(oiCcy / ct, 2),
          oiCcy: f(oiCcy, 4),
          oiUsd: f(oiCcy * price(asset, now), 4),
          ts: String(now - 3000),
        },
      ]);
    }
    case '/api/v5/public/instruments':
      return okx([
        {
          instType: 'SWAP',
          instId,
          uly: instId.replace('-SWAP', ''),
          instFamily: instId.replace('-SWAP', ''),
          ctVal: String(CT_VAL[asset] ?? 0.01),
          ctValCcy: asset,
          ctMult: '1',
          ctType: 'linear',
          settleCcy: 'USDT',
          lotSz: '0.01',
          tickSz: '0.1',
          minSz: '0.01',
          state: 'live',
        },
      ]);
    case '/api/v5/public/liquidation-orders': {
      const uly = q.get('uly') ?? 'BTC-USDT';
      const base = uly.split('-')[0] ?? 'BTC';
      const after = num(q, 'after', now + 1);
      const limit = Math.min(num(q, 'limit', 100), 100);
      const details = [];
      // About 150 sampled orders a day, dense in the crash; the endpoint keeps 7 days.
      for (let t = Math.floor(now / (5 * 60_000)) * 5 * 60_000; details.length < limit && t > now - 7 * DAY; t -= 5 * 60_000) {
        const bar4 = liquidations4h(base, Math.floor(t / (4 * HOUR)) * 4 * HOUR);
        const heat = (bar4.long + bar4.short) / 60e6;
        if (t >= after || unit('lq', base, t) > Math.min(0.95, 0.45 * heat)) continue;
        const long = unit('side', base, t) < bar4.long / (bar4.long + bar4.short);
        const px = price(base, t) * (long ? 0.997 : 1.003);
        details.push({
          bkLoss: '0',
          bkPx: f(px, 1),
          ccy: '',
          posSide: long ? 'long' : 'short',
          side: long ? 'sell' : 'buy',
          sz: String(1 + Math.floor(unit('sz', base, t) * 400)),
          ts: String(t + 137),
        });
      }
      return okx(details.length ? [{ details, instFamily: uly, instId: `${uly}-SWAP`, instType: 'SWAP', totalLoss: '0', uly }] : []);
    }
    default:
      return undefined;
  }
}

export function bybitApi(path: string, q: Query, now: number): Json {
  const symbol = q.get('symbol') ?? '';
  const asset = ASSETS[symbol] ?? 'BTC';
  const envelope = (result: unknown) => ({ retCode: 0, retMsg: 'OK', result, retExtInfo: {}, time: now - 50 });
  if (path === '/v5/market/funding/history') {
    const list = [];
    const start = num(q, 'startTime', now - 60 * DAY);
    for (
      let t = Math.floor(Math.min(num(q, 'endTime', now), now) / (8 * HOUR)) * 8 * HOUR;
      t >= start && list.length < num(q, 'limit', 200);
      t -= 8 * HOUR
    ) {
      list.push({
        symbol,
        fundingRate: f(fundingRate(asset, t, 'bybit'), 8)
          .replace(/0+$/, '')
          .replace(/\.$/, '.0'),
        fundingRateTimestamp: String(t),
      });
    }
    return envelope({ category: 'linear', list });
  }
  if (path === '/v5/market/tickers') {
    const next = Math.ceil(now / (8 * HOUR)) * 8 * HOUR;
    const p = price(asset, now);
    return envelope({
      category: 'linear',
      list: [
        {
          symbol,
          lastPrice: f(p, 2),
          indexPrice: f(p * 0.9998, 2),
          markPrice: f(p * 1.0001, 2),
          prevPrice24h: f(price(asset, now - DAY), 2),
          price24hPcnt: f(p / price(asset, now - DAY) - 1, 6),
          highPrice24h: f(p * 1.05, 2),
          lowPrice24h: f(p * 0.97, 2),
          prevPrice1h: f(price(asset, now - HOUR), 2),
          openInterest: f(openInterest(asset, now) * 0.7, 3),
          openInterestValue: f(openInterest(asset, now) * 0.7 * p, 2),
          turnover24h: '11289711036.5810',
          volume24h: '262004.5430',
          fundingRate: f(fundingRate(asset, next, 'bybit'), 8),
          nextFundingTime: String(next),
          predictedDeliveryPrice: '',
          basisRate: '',
          deliveryFeeRate: '',
          deliveryTime: '0',
          ask1Size: '5.142',
          bid1Price: f(p - 0.1, 2),
          ask1Price: f(p, 2),
          bid1Size: '11.803',
          basis: '',
          preOpenPrice: '',
          preQty: '',
          curPreListingPhase: '',
          fundingIntervalHour: '8',
          basisRateYear: '',
          fundingCap: '0.005',
        },
      ],
    });
  }
  return undefined;
}
