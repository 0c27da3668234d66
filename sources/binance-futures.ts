/**
 * Binance USDⓈ-M futures (no key): perpetual candles (`/fapi/v1/klines`, 1h and 1d), funding
 * (`premiumIndex` current rate, `fundingRate` history, `fundingInfo` interval), open interest
 * (`/futures/data/openInterestHist` hourly, `/fapi/v1/openInterest` current) and quarterly basis
 * (`/futures/data/basis` CURRENT_QUARTER and NEXT_QUARTER, expiry from `delivery-price` or the
 * quarterly rule). Rates are fractions per funding interval; open interest in base units and USD.
 * Limits: 2400 weight/min (secondary source; 80 % used); fundingRate shares 500 req/5 min.
 */
import { binanceEnvelope, fetchKlinePages, usdtSymbol } from './binance-common.js';
import {
  parseBasis,
  parseDeliveryPrices,
  parseFundingInfo,
  parseFundingRates,
  parseOpenInterest,
  parseOpenInterestHist,
  parsePremiumIndex,
  quarterlyExpiry,
  type PremiumIndex,
} from './binance-futures-parse.js';
import { LOOKBACK, dailyStart, hourlyStart } from './ranges.js';
import { EmptyResultError, emptyPartGap, gapFromError, provenance, runTasks, type Task, type TaskOutput } from './tasks.js';
import { HOUR_MS } from '../kernel/time.js';
import type { Source, SourceContext } from './types.js';

const P = {
  klines: '/fapi/v1/klines',
  premiumIndex: '/fapi/v1/premiumIndex',
  fundingRate: '/fapi/v1/fundingRate',
  fundingInfo: '/fapi/v1/fundingInfo',
  openInterest: '/fapi/v1/openInterest',
  openInterestHist: '/futures/data/openInterestHist',
  basis: '/futures/data/basis',
  deliveryPrice: '/futures/data/delivery-price',
} as const;

const DEFAULT_FUNDING_INTERVAL_HOURS = 8;

export function createBinanceFuturesSource(): Source {
  return {
    id: 'binance-futures',
    families: ['perpetuals', 'funding', 'openInterest', 'basis'],
    http: {
      banStatuses: [418],
      weightBudget: { perWindow: 2400, windowMs: 60_000, useFraction: 0.8 },
      envelope: binanceEnvelope,
    },
    parse: {
      parseBasis,
      parseDeliveryPrices,
      parseFundingInfo,
      parseFundingRates,
      parseOpenInterest,
      parseOpenInterestHist,
      parsePremiumIndex,
    },
    fetch(context) {
      // Shared by funding and open interest; fetched once per asset.
      const premium = new Map<string, Promise<PremiumIndex>>();
      const premiumFor = (symbol: string): Promise<PremiumIndex> => {
        let pending = premium.get(symbol);
        if (!pending) {
          pending = context.http
            .getJson(P.premiumIndex, { symbol })
            .then((r) => parsePremiumIndex(r.body, ctx(context, P.premiumIndex, `binance.premiumIndex[${symbol}]`), symbol));
          premium.set(symbol, pending);
        }
        return pending;
      };
      let fundingInfo: Promise<Map<string, number>> | undefined;
      const intervals = (): Promise<Map<string, number>> =>
        (fundingInfo ??= context.http
          .getJson(P.fundingInfo)
          .then((r) => parseFundingInfo(r.body, ctx(context, P.fundingInfo, 'binance.fundingInfo'))));
      const deliveries = new Map<string, Promise<number[]>>();

      const tasks: Task[] = [];
      for (const asset of context.request.assets) {
        const symbol = usdtSymbol(asset);
        for (const interval of ['1h', '1d'] as const) {
          tasks.push({ family: 'perpetuals', asset, run: () => fetchPerpCandles(context, asset, symbol, interval) });
        }
        tasks.push({ family: 'funding', asset, run: () => fetchFunding(context, asset, symbol, intervals, premiumFor) });
        tasks.push({ family: 'openInterest', asset, run: () => fetchOpenInterest(context, asset, symbol, premiumFor) });
        for (const tenor of ['CURRENT_QUARTER', 'NEXT_QUARTER'] as const) {
          const deliveryTimes = (): Promise<number[]> => {
            let pending = deliveries.get(symbol);
            if (!pending) {
              pending = context.http
                .getJson(P.deliveryPrice, { pair: symbol })
                .then((r) => parseDeliveryPrices(r.body, ctx(context, P.deliveryPrice, `binance.deliveryPrice[${symbol}]`)));
              deliveries.set(symbol, pending);
            }
            return pending;
          };
          tasks.push({ family: 'basis', asset, run: () => fetchBasis(context, asset, symbol, tenor, deliveryTimes) });
        }
      }
      return runTasks('binance-futures', tasks);
    },
  };
}

function ctx(context: SourceContext, path: string, label: string) {
  return { source: context.http.id, endpoint: `GET ${path}`, label };
}

async function fetchPerpCandles(context: SourceContext, asset: string, symbol: string, interval: '1h' | '1d'): Promise<TaskOutput> {
  const { window, startedAt } = context.request;
  const start = interval === '1h' ? hourlyStart(window, LOOKBACK.hourlyDays) : dailyStart(window, LOOKBACK.perpDailyDays);
  const { candles, fetchedAt } = await fetchKlinePages(context.http, {
    path: P.klines,
    symbol,
    interval,
    start,
    end: window.end,
    limit: 1000,
    weight: 5,
    now: startedAt,
    label: `binance-futures.klines[${symbol} ${interval}]`,
  });
  const last = candles.at(-1);
  if (!last) throw new EmptyResultError('binance-futures', `GET ${P.klines}`, `for ${symbol} ${interval}`);
  const endpoint = `${P.klines}?symbol=${symbol}&interval=${interval}`;
  const asOf = last.t + (interval === '1h' ? HOUR_MS : 24 * HOUR_MS);
  return {
    perpetuals: [
      {
        asset,
        market: 'perp',
        venue: 'binance',
        symbol,
        interval,
        candles,
        provenance: provenance(context.http, endpoint, fetchedAt, asOf),
      },
    ],
  };
}

async function fetchFunding(
  context: SourceContext,
  asset: string,
  symbol: string,
  intervals: () => Promise<Map<string, number>>,
  premiumFor: (symbol: string) => Promise<PremiumIndex>,
): Promise<TaskOutput> {
  const { window, live } = context.request;
  const gaps: NonNullable<TaskOutput['gaps']> = [];
  const start = window.start - LOOKBACK.fundingDays * 24 * HOUR_MS;
  const response = await context.http.getJson(P.fundingRate, { symbol, startTime: start, endTime: window.end - 1, limit: 1000 });
  const history = parseFundingRates(response.body, ctx(context, P.fundingRate, `binance.fundingRate[${symbol}]`), symbol).filter(
    (row) => row.time >= start && row.time < window.end,
  );
  let intervalHours = DEFAULT_FUNDING_INTERVAL_HOURS;
  try {
    // fundingInfo lists only symbols whose settings were adjusted; others use the 8 h default.
    intervalHours = (await intervals()).get(symbol) ?? DEFAULT_FUNDING_INTERVAL_HOURS;
  } catch (error) {
    context.log(
      `binance-futures: funding interval for ${symbol} unknown, assuming ${DEFAULT_FUNDING_INTERVAL_HOURS} h (${(error as Error).message})`,
    );
  }
  let current: { rate: number; time: number } | undefined;
  if (live) {
    try {
      const premium = await premiumFor(symbol);
      current = { rate: premium.lastFundingRate, time: premium.nextFundingTime };
    } catch (error) {
      gaps.push(gapFromError(error, 'funding', 'binance-futures', asset));
    }
  }
  const last = history.at(-1);
  if (!last && !current) throw new EmptyResultError('binance-futures', `GET ${P.fundingRate}`, `for ${symbol}`);
  if (!last) gaps.push(emptyPartGap('binance-futures', 'funding', `GET ${P.fundingRate}`, `funding history for ${symbol}`, asset));
  const asOf = Math.max(last?.time ?? 0, current ? response.fetchedAt : 0);
  return {
    gaps,
    funding: [
      {
        venue: 'binance',
        symbol,
        asset,
        intervalHours,
        ...(current ? { current } : {}),
        history,
        provenance: provenance(context.http, `${P.fundingRate}?symbol=${symbol}`, response.fetchedAt, asOf),
      },
    ],
  };
}

async function fetchOpenInterest(
  context: SourceContext,
  asset: string,
  symbol: string,
  premiumFor: (symbol: string) => Promise<PremiumIndex>,
): Promise<TaskOutput> {
  const { window, live } = context.request;
  const start = window.start - LOOKBACK.openInterestDays * 24 * HOUR_MS;
  const response = await context.http.getJson(P.openInterestHist, {
    symbol,
    period: '1h',
    limit: 500,
    startTime: start,
    endTime: window.end - 1,
  });
  const history = parseOpenInterestHist(
    response.body,
    ctx(context, P.openInterestHist, `binance.openInterestHist[${symbol}]`),
    symbol,
  ).filter((row) => row.time >= start && row.time < window.end);
  const gaps: NonNullable<TaskOutput['gaps']> = [];
  let fetchedAt = response.fetchedAt;
  if (live) {
    try {
      const [currentResponse, premium] = await Promise.all([context.http.getJson(P.openInterest, { symbol }), premiumFor(symbol)]);
      const current = parseOpenInterest(currentResponse.body, ctx(context, P.openInterest, `binance.openInterest[${symbol}]`), symbol);
      fetchedAt = currentResponse.fetchedAt;
      const latest = history.at(-1);
      if (current.time < window.end && (!latest || current.time > latest.time)) {
        history.push({ time: current.time, oiBase: current.oiBase, oiUsd: current.oiBase * premium.markPrice });
      }
    } catch (error) {
      gaps.push(gapFromError(error, 'openInterest', 'binance-futures', asset));
    }
  }
  const last = history.at(-1);
  if (!last) throw new EmptyResultError('binance-futures', `GET ${P.openInterestHist}`, `for ${symbol}`);
  return {
    gaps,
    openInterest: [
      {
        venue: 'binance',
        symbol,
        asset,
        history,
        provenance: provenance(context.http, `${P.openInterestHist}?symbol=${symbol}&period=1h`, fetchedAt, last.time),
      },
    ],
  };
}

async function fetchBasis(
  context: SourceContext,
  asset: string,
  symbol: string,
  tenor: 'CURRENT_QUARTER' | 'NEXT_QUARTER',
  deliveryTimes: () => Promise<number[]>,
): Promise<TaskOutput> {
  const { window } = context.request;
  const start = window.start - LOOKBACK.basisDays * 24 * HOUR_MS;
  let deliveries: number[] = [];
  try {
    deliveries = await deliveryTimes();
  } catch (error) {
    context.log(`binance-futures: delivery-price unavailable, expiries from the quarterly rule (${(error as Error).message})`);
  }
  const expiry = quarterlyExpiry(window.end - 1, tenor === 'CURRENT_QUARTER' ? 0 : 1, deliveries);
  const response = await context.http.getJson(P.basis, {
    pair: symbol,
    contractType: tenor,
    period: '1h',
    limit: 500,
    startTime: start,
    endTime: window.end - 1,
  });
  const history = parseBasis(response.body, expiry, ctx(context, P.basis, `binance.basis[${symbol} ${tenor}]`)).filter(
    (row) => row.time >= start && row.time < window.end,
  );
  const last = history.at(-1);
  if (!last) throw new EmptyResultError('binance-futures', `GET ${P.basis}`, `for ${symbol} ${tenor}`);
  const yymmdd = new Date(expiry).toISOString().slice(2, 10).replace(/-/g, '');
  return {
    basis: [
      {
        venue: 'binance',
        asset,
        contract: `${symbol}_${yymmdd}`,
        tenor,
        expiry,
        history,
        provenance: provenance(context.http, `${P.basis}?pair=${symbol}&contractType=${tenor}&period=1h`, response.fetchedAt, last.time),
      },
    ],
  };
}
