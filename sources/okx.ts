/**
 * OKX (no key): perpetual candles (`history-candles`, `bar=1H` and `1Dutc` — plain `1D` bars are
 * Hong Kong days), funding (`funding-rate` current with its interval, `funding-rate-history`
 * realized rates), open interest (`public/open-interest`, current only) and, where it still
 * answers, liquidation orders (`public/liquidation-orders`, not in the current docs: optional;
 * the exchange samples at most one order per contract per second, so totals are lower bounds).
 * Limits: history-candles 20 req/2 s, funding-rate-history 10 req/2 s → one request per 200 ms.
 */
import { LOOKBACK, dailyStart, hourlyStart } from './ranges.js';
import {
  inferIntervalHours,
  okxEnvelope,
  okxRowCount,
  parseCandles,
  parseContractValue,
  parseFundingCurrent,
  parseFundingHistory,
  parseLiquidationOrders,
  parseOpenInterest,
} from './okx-parse.js';
import { EmptyResultError, emptyPartGap, gapFromError, provenance, runTasks, type Task, type TaskOutput } from './tasks.js';
import { DAY_MS, HOUR_MS } from '../kernel/time.js';
import type { Source, SourceContext } from './types.js';

const P = {
  candles: '/api/v5/market/history-candles',
  fundingRate: '/api/v5/public/funding-rate',
  fundingHistory: '/api/v5/public/funding-rate-history',
  openInterest: '/api/v5/public/open-interest',
  instruments: '/api/v5/public/instruments',
  liquidations: '/api/v5/public/liquidation-orders',
} as const;

const MAX_PAGES = 20;

export function createOkxSource(): Source {
  return {
    id: 'okx',
    families: ['perpetuals', 'funding', 'openInterest', 'liquidations'],
    http: { envelope: okxEnvelope },
    parse: { parseCandles, parseFundingHistory, parseFundingCurrent, parseOpenInterest, parseContractValue, parseLiquidationOrders },
    fetch(context) {
      const tasks: Task[] = [];
      for (const asset of context.request.assets) {
        const instId = `${asset}-USDT-SWAP`;
        tasks.push({ family: 'perpetuals', asset, run: () => fetchCandles(context, asset, instId, '1H') });
        tasks.push({ family: 'perpetuals', asset, run: () => fetchCandles(context, asset, instId, '1Dutc') });
        tasks.push({ family: 'funding', asset, run: () => fetchFunding(context, asset, instId) });
        tasks.push({ family: 'openInterest', asset, run: () => fetchOpenInterest(context, asset, instId) });
        tasks.push({ family: 'liquidations', asset, run: () => fetchLiquidations(context, asset, instId) });
      }
      return runTasks('okx', tasks);
    },
  };
}

const ctx = (path: string, label: string) => ({ source: 'okx', endpoint: `GET ${path}`, label });

/** Pages backwards with `after` (records older than ts) until the range start is passed. */
async function fetchCandles(context: SourceContext, asset: string, instId: string, bar: '1H' | '1Dutc'): Promise<TaskOutput> {
  const { window } = context.request;
  const start = bar === '1H' ? hourlyStart(window, LOOKBACK.okxHourlyDays) : dailyStart(window, LOOKBACK.perpDailyDays);
  const step = bar === '1H' ? HOUR_MS : DAY_MS;
  const candles = [];
  let after = window.end;
  let fetchedAt = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await context.http.getJson(P.candles, { instId, bar, after, limit: 100 });
    fetchedAt = response.fetchedAt;
    const rows = parseCandles(response.body, ctx(P.candles, `okx.candles[${instId} ${bar}]`));
    candles.push(...rows);
    const oldest = rows[0];
    // Count raw rows: a full page can include the forming bar, which the parser drops.
    if (!oldest || oldest.t <= start || okxRowCount(response.body) < 100) break;
    after = oldest.t;
  }
  const kept = candles
    .filter((c) => c.t >= start && c.t + step <= window.end)
    .sort((a, b) => a.t - b.t)
    .filter((c, i, all) => i === 0 || all[i - 1]!.t !== c.t);
  const last = kept.at(-1);
  if (!last) throw new EmptyResultError('okx', `GET ${P.candles}`, `for ${instId} ${bar}`);
  const interval = bar === '1H' ? '1h' : '1d';
  return {
    perpetuals: [
      {
        asset,
        market: 'perp',
        venue: 'okx',
        symbol: instId,
        interval,
        candles: kept,
        provenance: provenance(context.http, `${P.candles}?instId=${instId}&bar=${bar}`, fetchedAt, last.t + step),
      },
    ],
  };
}

async function fetchFunding(context: SourceContext, asset: string, instId: string): Promise<TaskOutput> {
  const { window, live } = context.request;
  const start = window.start - LOOKBACK.fundingDays * DAY_MS;
  const history: Array<{ time: number; rate: number }> = [];
  let after = window.end;
  let fetchedAt = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await context.http.getJson(P.fundingHistory, { instId, after, limit: 100 });
    fetchedAt = response.fetchedAt;
    const rows = parseFundingHistory(response.body, ctx(P.fundingHistory, `okx.fundingRateHistory[${instId}]`), instId);
    history.push(...rows);
    const oldest = rows[0];
    if (!oldest || oldest.time <= start || rows.length < 100) break;
    after = oldest.time;
  }
  const kept = history.filter((row) => row.time >= start && row.time < window.end).sort((a, b) => a.time - b.time);
  const gaps: NonNullable<TaskOutput['gaps']> = [];
  let current: { rate: number; time: number } | undefined;
  let intervalHours = inferIntervalHours(kept.map((row) => row.time));
  if (live) {
    try {
      const response = await context.http.getJson(P.fundingRate, { instId });
      const parsed = parseFundingCurrent(response.body, ctx(P.fundingRate, `okx.fundingRate[${instId}]`), instId);
      current = { rate: parsed.rate, time: parsed.time };
      intervalHours = parsed.intervalHours;
      fetchedAt = response.fetchedAt;
    } catch (error) {
      gaps.push(gapFromError(error, 'funding', 'okx', asset));
    }
  }
  const last = kept.at(-1);
  if (!last && !current) throw new EmptyResultError('okx', `GET ${P.fundingHistory}`, `for ${instId}`);
  if (!last) gaps.push(emptyPartGap('okx', 'funding', `GET ${P.fundingHistory}`, `funding history for ${instId}`, asset));
  return {
    gaps,
    funding: [
      {
        venue: 'okx',
        symbol: instId,
        asset,
        intervalHours,
        ...(current ? { current } : {}),
        history: kept,
        provenance: provenance(
          context.http,
          `${P.fundingHistory}?instId=${instId}`,
          fetchedAt,
          Math.max(last?.time ?? 0, current ? fetchedAt : 0),
        ),
      },
    ],
  };
}

async function fetchOpenInterest(context: SourceContext, asset: string, instId: string): Promise<TaskOutput> {
  if (!context.request.live) {
    const reason = `okx ${P.openInterest} gives only the current value, not one for ${context.request.window.date}`;
    return { gaps: [{ family: 'openInterest', source: 'okx', asset, kind: 'not-historical', reason, endpoint: `GET ${P.openInterest}` }] };
  }
  const response = await context.http.getJson(P.openInterest, { instType: 'SWAP', instId });
  const history = parseOpenInterest(response.body, ctx(P.openInterest, `okx.openInterest[${instId}]`), instId);
  const last = history.at(-1);
  if (!last) throw new EmptyResultError('okx', `GET ${P.openInterest}`, `for ${instId}`);
  return {
    openInterest: [
      {
        venue: 'okx',
        symbol: instId,
        asset,
        history,
        provenance: provenance(context.http, `${P.openInterest}?instType=SWAP&instId=${instId}`, response.fetchedAt, last.time),
      },
    ],
  };
}

async function fetchLiquidations(context: SourceContext, asset: string, instId: string): Promise<TaskOutput> {
  const { window } = context.request;
  const instrument = await context.http.getJson(P.instruments, { instType: 'SWAP', instId });
  const contractValue = parseContractValue(instrument.body, ctx(P.instruments, `okx.instruments[${instId}]`));
  const uly = instId.replace(/-SWAP$/, '');
  const orders = [];
  let after: number | undefined;
  let fetchedAt = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await context.http.getJson(P.liquidations, {
      instType: 'SWAP',
      uly,
      state: 'filled',
      limit: 100,
      ...(after ? { after } : {}),
    });
    fetchedAt = response.fetchedAt;
    const rows = parseLiquidationOrders(response.body, asset, contractValue, ctx(P.liquidations, `okx.liquidationOrders[${uly}]`));
    orders.push(...rows);
    const oldest = rows[0];
    if (!oldest || oldest.time < window.start || rows.length < 100) break;
    after = oldest.time;
  }
  const inWindow = orders
    .filter((o) => o.time >= window.start && o.time < window.end)
    .filter((o, i, all) => i === 0 || JSON.stringify(all[i - 1]) !== JSON.stringify(o));
  if (inWindow.length === 0) throw new EmptyResultError('okx', `GET ${P.liquidations}`, `for ${uly} in the window`);
  const endpoint = `${P.liquidations}?instType=SWAP&uly=${uly}&state=filled`;
  const prov = provenance(context.http, endpoint, fetchedAt, inWindow.at(-1)!.time);
  const longUsd = inWindow.filter((o) => o.side === 'long').reduce((sum, o) => sum + o.notionalUsd, 0);
  const shortUsd = inWindow.filter((o) => o.side === 'short').reduce((sum, o) => sum + o.notionalUsd, 0);
  return {
    liquidationOrders: [{ source: 'okx', coverage: 'lower-bound', orders: inWindow, provenance: prov }],
    liquidationTotals: [
      {
        source: 'okx',
        asset,
        start: window.start,
        end: window.end,
        totalUsd: longUsd + shortUsd,
        longUsd,
        shortUsd,
        coverage: 'lower-bound',
        provenance: prov,
      },
    ],
  };
}
