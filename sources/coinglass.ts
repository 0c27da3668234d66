/**
 * Coinglass v4 (key `COINGLASS_API_KEY`, header `CG-API-KEY`):
 * - per asset, liquidations on three exchanges (`aggregated-history`, exchange_list=Binance,OKX,
 *   Bybit: long/short USD in 4-hour bars, which align with UTC+8 days, for the window's totals and
 *   a 30-day daily history), stored with scope 'exchanges' naming the three: complete for those
 *   venues, not for the market;
 * - the market-wide total (`exchange-list?range=24h` without a symbol: the "All" row, all coins on
 *   all exchanges Coinglass tracks), stored with scope 'market-wide' and no asset, so the analysis
 *   leads with it. This endpoint only has rolling windows ending now (1h/4h/12h/24h): no start or
 *   end time, no history. It is therefore fetched only when the run starts within
 *   MARKET_WIDE_MAX_LAG_MS of the window's end, and stored over the 24 hours it actually covers
 *   (fetch time − 24 h to fetch time); later runs (back-fills, re-fetches) get a 'not-historical'
 *   gap instead of a total of the wrong day. A window-aligned market-wide total for a past day is
 *   not available from this API;
 * - spot-ETF net flows per trading day.
 * Envelope `{code: "0", msg, data}`; any other code is an error. Hobbyist plans: 30 req/min.
 */
import { z } from 'zod';
import type { EnvelopeProblem } from './http.js';
import { LOOKBACK } from './ranges.js';
import { EmptyResultError, provenance, runTasks, type Task, type TaskOutput } from './tasks.js';
import { DAY_MS, HOUR_MS, dateIn, utcDate } from '../kernel/time.js';
import type { Source, SourceContext } from './types.js';
import { decimal, epochMillis, nonNegativeDecimal, parseWith, schemaViolation, type ParseContext } from './validate.js';

const P = {
  liquidations: '/api/futures/liquidation/aggregated-history',
  marketWide: '/api/futures/liquidation/exchange-list',
  etfFlows: '/api/etf/{asset}/flow-history',
} as const;
/** The exchanges the per-asset totals sum (the `exchange_list` asked for): their scope. */
export const PER_ASSET_EXCHANGES = ['Binance', 'OKX', 'Bybit'] as const;
/**
 * The rolling 24 hours ending at the fetch stand for the window only when the fetch is this close
 * to the window's end (1 h of 24: the total's window overlaps the brief's by ≥ 23/24).
 */
export const MARKET_WIDE_MAX_LAG_MS = HOUR_MS;
const ETF_ASSETS: Record<string, string> = { BTC: 'bitcoin', ETH: 'ethereum' };
const BAR_MS = 4 * HOUR_MS;

export function coinglassEnvelope(body: unknown): EnvelopeProblem | undefined {
  // Not an envelope at all: the schema check reports it with a field path.
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { code, msg } = body as { code?: unknown; msg?: unknown };
  if (code === '0' || code === 0 || code === undefined) return undefined;
  const text = typeof code === 'string' || typeof code === 'number' ? String(code) : 'missing';
  const detail = typeof msg === 'string' && msg ? msg : `code ${text}`;
  if (/limit|too many|frequent/i.test(detail)) return { kind: 'RateLimitExceeded', code: text, detail, retryable: true };
  if (/api.?key|unauthori[sz]ed|upgrade|plan/i.test(detail)) return { kind: 'ExchangeNotAvailable', code: text, detail };
  return { kind: 'BadResponse', code: text, detail };
}

const LiquidationsSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      time: epochMillis,
      aggregated_long_liquidation_usd: nonNegativeDecimal,
      aggregated_short_liquidation_usd: nonNegativeDecimal,
    }),
  ),
});

/** 4-hour bars ascending: `{time, longUsd, shortUsd}` (a long liquidation is a forced sell). */
export function parseLiquidationBars(raw: unknown, context: ParseContext) {
  return parseWith(LiquidationsSchema, raw, context)
    .data.map((row) => ({ time: row.time, longUsd: row.aggregated_long_liquidation_usd, shortUsd: row.aggregated_short_liquidation_usd }))
    .sort((a, b) => a.time - b.time);
}

const ExchangeListSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      exchange: z.string(),
      liquidation_usd: nonNegativeDecimal,
      long_liquidation_usd: nonNegativeDecimal,
      short_liquidation_usd: nonNegativeDecimal,
    }),
  ),
});

/**
 * The "All" row of `exchange-list` (all exchanges; without a symbol, all coins): long and short
 * USD over the range asked for. A response without it is refused, never read as zero.
 */
export function parseMarketWide(raw: unknown, context: ParseContext): { longUsd: number; shortUsd: number; totalUsd: number } {
  const rows = parseWith(ExchangeListSchema, raw, context).data;
  const index = rows.findIndex((row) => row.exchange.toLowerCase() === 'all');
  if (index < 0) throw schemaViolation(context, '.data', 'expected an "All" row (the total over all exchanges)');
  const row = rows[index]!;
  // The total is long + short; a published total that disagrees by more than rounding is not trusted.
  const sum = row.long_liquidation_usd + row.short_liquidation_usd;
  if (Math.abs(sum - row.liquidation_usd) > Math.max(1, sum * 1e-6))
    throw schemaViolation(context, `.data[${index}].liquidation_usd`, `expected long + short (${sum}), got ${row.liquidation_usd}`);
  return { longUsd: row.long_liquidation_usd, shortUsd: row.short_liquidation_usd, totalUsd: sum };
}

const FlowsSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      timestamp: epochMillis,
      flow_usd: decimal,
      etf_flows: z
        .array(z.looseObject({ etf_ticker: z.string(), flow_usd: z.union([z.null(), decimal]).optional() }))
        .optional()
        .default([]),
    }),
  ),
});

/** Net flows per US trading day (UTC date of the row's timestamp), ascending; per-ticker rows without a figure are left out. */
export function parseEtfFlows(raw: unknown, context: ParseContext) {
  return parseWith(FlowsSchema, raw, context)
    .data.map((row) => ({
      date: utcDate(row.timestamp),
      netFlowUsd: row.flow_usd,
      perTicker: row.etf_flows.flatMap((f) =>
        f.flow_usd === null || f.flow_usd === undefined ? [] : [{ ticker: f.etf_ticker, netFlowUsd: f.flow_usd }],
      ),
    }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

export function createCoinglassSource(): Source {
  return {
    id: 'coinglass',
    families: ['liquidations', 'etfFlows'],
    http: { envelope: coinglassEnvelope },
    parse: { parseLiquidationBars, parseMarketWide, parseEtfFlows },
    fetch(context) {
      const tasks: Task[] = [{ family: 'liquidations', run: () => fetchMarketWide(context) }];
      for (const asset of context.request.assets) {
        tasks.push({ family: 'liquidations', asset, run: () => fetchLiquidations(context, asset) });
        if (ETF_ASSETS[asset]) tasks.push({ family: 'etfFlows', asset, run: () => fetchFlows(context, asset) });
      }
      return runTasks('coinglass', tasks);
    },
  };
}

async function fetchLiquidations(context: SourceContext, asset: string): Promise<TaskOutput> {
  const { window } = context.request;
  const start = window.start - LOOKBACK.liquidationHistoryDays * DAY_MS;
  const response = await context.http.getJson(P.liquidations, {
    symbol: asset,
    exchange_list: PER_ASSET_EXCHANGES.join(','),
    interval: '4h',
    start_time: start,
    end_time: window.end,
    limit: 1000,
  });
  const bars = parseLiquidationBars(response.body, {
    source: 'coinglass',
    endpoint: `GET ${P.liquidations}`,
    label: `coinglass.liquidations[${asset}]`,
  }).filter((bar) => bar.time >= start && bar.time + BAR_MS <= window.end);
  const inWindow = bars.filter((bar) => bar.time >= window.start);
  if (inWindow.length === 0) throw new EmptyResultError('coinglass', `GET ${P.liquidations}`, `for ${asset} in the window`);
  const longUsd = inWindow.reduce((sum, bar) => sum + bar.longUsd, 0);
  const shortUsd = inWindow.reduce((sum, bar) => sum + bar.shortUsd, 0);
  // Daily totals per calendar day in the brief's zone; only days with all six 4-hour bars.
  const byDay = new Map<string, { longUsd: number; shortUsd: number; bars: number }>();
  for (const bar of bars) {
    const day = dateIn(window.timezone, bar.time);
    const entry = byDay.get(day) ?? { longUsd: 0, shortUsd: 0, bars: 0 };
    entry.longUsd += bar.longUsd;
    entry.shortUsd += bar.shortUsd;
    entry.bars += 1;
    byDay.set(day, entry);
  }
  const daily = [...byDay.entries()]
    .filter(([, entry]) => entry.bars === DAY_MS / BAR_MS)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, entry]) => ({ date, totalUsd: entry.longUsd + entry.shortUsd, longUsd: entry.longUsd, shortUsd: entry.shortUsd }));
  const prov = provenance(
    context.http,
    `${P.liquidations}?symbol=${asset}&interval=4h`,
    response.fetchedAt,
    inWindow.at(-1)!.time + BAR_MS,
  );
  return {
    liquidationTotals: [
      {
        source: 'coinglass',
        asset,
        start: window.start,
        end: window.end,
        totalUsd: longUsd + shortUsd,
        longUsd,
        shortUsd,
        coverage: 'complete',
        scope: 'exchanges',
        exchanges: [...PER_ASSET_EXCHANGES],
        provenance: prov,
      },
    ],
    liquidationHistory: [{ source: 'coinglass', asset, daily, provenance: prov }],
  };
}

async function fetchMarketWide(context: SourceContext): Promise<TaskOutput> {
  const { window, startedAt } = context.request;
  const lag = startedAt - window.end;
  if (lag < 0 || lag > MARKET_WIDE_MAX_LAG_MS) {
    const reason = `coinglass ${P.marketWide} gives only the last 24 hours, not the window of ${window.date}`;
    return { gaps: [{ family: 'liquidations', source: 'coinglass', kind: 'not-historical', reason, endpoint: `GET ${P.marketWide}` }] };
  }
  const response = await context.http.getJson(P.marketWide, { range: '24h' });
  const total = parseMarketWide(response.body, {
    source: 'coinglass',
    endpoint: `GET ${P.marketWide}`,
    label: 'coinglass.liquidationExchangeList[all coins]',
  });
  return {
    liquidationTotals: [
      {
        source: 'coinglass',
        // The rolling 24 hours the figure covers, ending when it was fetched: not the window's bounds.
        start: response.fetchedAt - DAY_MS,
        end: response.fetchedAt,
        ...total,
        coverage: 'complete',
        scope: 'market-wide',
        provenance: provenance(context.http, `${P.marketWide}?range=24h`, response.fetchedAt, response.fetchedAt),
      },
    ],
  };
}

async function fetchFlows(context: SourceContext, asset: string): Promise<TaskOutput> {
  const { window } = context.request;
  const path = P.etfFlows.replace('{asset}', ETF_ASSETS[asset]!);
  const response = await context.http.getJson(path);
  const firstDate = utcDate(window.end - LOOKBACK.etfDays * DAY_MS);
  const daily = parseEtfFlows(response.body, {
    source: 'coinglass',
    endpoint: `GET ${path}`,
    label: `coinglass.etfFlows[${asset}]`,
  }).filter((day) => day.date >= firstDate && day.date <= window.date);
  if (daily.length === 0) throw new EmptyResultError('coinglass', `GET ${path}`, `ETF flows for ${asset} up to ${window.date}`);
  return {
    etfFlows: [
      {
        source: 'coinglass',
        asset,
        daily,
        provenance: provenance(context.http, path, response.fetchedAt, Date.parse(`${daily.at(-1)!.date}T21:00:00Z`)),
      },
    ],
  };
}
