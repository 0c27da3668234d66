/**
 * Bybit v5 (no key): funding history (`/v5/market/funding/history`, linear perps) and the
 * current rate with its interval (`/v5/market/tickers`: `fundingRate`, `nextFundingTime`,
 * `fundingIntervalHour`). All numbers are strings; lists are newest first; the envelope is
 * `{retCode: 0, retMsg, result}`. Limit: 600 req / 5 s per IP.
 */
import { z } from 'zod';
import type { EnvelopeProblem } from './http.js';
import { LOOKBACK } from './ranges.js';
import { normalizeSeries } from './series.js';
import { EmptyResultError, emptyPartGap, gapFromError, provenance, runTasks, type Task, type TaskOutput } from './tasks.js';
import { DAY_MS } from '../kernel/time.js';
import type { Source, SourceContext } from './types.js';
import { assertRowsFor, decimal, epochMillis, parseWith, type ParseContext } from './validate.js';

const P = { fundingHistory: '/v5/market/funding/history', tickers: '/v5/market/tickers' } as const;

/** `retCode` ≠ 0 is an error inside a 200; 10006 is "too many visits", 10016 a server error. */
export function bybitEnvelope(body: unknown): EnvelopeProblem | undefined {
  // Not an envelope at all: the schema check reports it with a field path.
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { retCode, retMsg } = body as { retCode?: unknown; retMsg?: unknown };
  if (retCode === 0 || retCode === undefined) return undefined;
  const code = typeof retCode === 'number' || typeof retCode === 'string' ? String(retCode) : 'missing';
  const detail = typeof retMsg === 'string' && retMsg ? retMsg : `retCode ${code}`;
  if (code === '10006') return { kind: 'RateLimitExceeded', code, detail, retryable: true };
  if (code === '10016') return { kind: 'ExchangeNotAvailable', code, detail, retryable: true };
  return { kind: 'BadResponse', code, detail };
}

const FundingHistorySchema = z.looseObject({
  retCode: z.literal(0),
  result: z.looseObject({ list: z.array(z.looseObject({ symbol: z.string(), fundingRate: decimal, fundingRateTimestamp: epochMillis })) }),
});

/** Settled funding, ascending, fraction per interval. */
export function parseFundingHistory(raw: unknown, context: ParseContext, symbol?: string): Array<{ time: number; rate: number }> {
  const { list } = parseWith(FundingHistorySchema, raw, context).result;
  // A row of another symbol (a proxy or cache answering a different request) is refused, never filed under this asset.
  assertRowsFor(
    list,
    (row) => row.symbol,
    symbol,
    context,
    (i) => `.result.list[${i}].symbol`,
  );
  const rows = list.map((row) => ({
    time: row.fundingRateTimestamp,
    rate: row.fundingRate,
  }));
  return normalizeSeries(rows, (row) => row.time, context);
}

const TickerSchema = z.looseObject({
  retCode: z.literal(0),
  result: z.looseObject({
    list: z
      .array(
        z.looseObject({
          symbol: z.string(),
          fundingRate: decimal,
          nextFundingTime: epochMillis,
          fundingIntervalHour: decimal.refine((n) => n > 0, 'expected hours > 0'),
        }),
      )
      .min(1, 'expected one ticker'),
  }),
});

/** The current period's rate (settling at nextFundingTime) and the interval in hours. */
export function parseTicker(raw: unknown, context: ParseContext, symbol?: string): { rate: number; time: number; intervalHours: number } {
  const row = parseWith(TickerSchema, raw, context).result.list[0]!;
  assertRowsFor(
    [row],
    (r) => r.symbol,
    symbol,
    context,
    () => '.result.list[0].symbol',
  );
  return { rate: row.fundingRate, time: row.nextFundingTime, intervalHours: row.fundingIntervalHour };
}

export function createBybitSource(): Source {
  return {
    id: 'bybit',
    families: ['funding'],
    http: { envelope: bybitEnvelope },
    parse: { parseFundingHistory, parseTicker },
    fetch(context) {
      const tasks: Task[] = context.request.assets.map((asset) => ({
        family: 'funding',
        asset,
        run: () => fetchFunding(context, asset, `${asset}USDT`),
      }));
      return runTasks('bybit', tasks);
    },
  };
}

async function fetchFunding(context: SourceContext, asset: string, symbol: string): Promise<TaskOutput> {
  const { window, live } = context.request;
  const start = window.start - LOOKBACK.fundingDays * DAY_MS;
  const label = `bybit.fundingHistory[${symbol}]`;
  const history: Array<{ time: number; rate: number }> = [];
  let endTime = window.end - 1;
  let fetchedAt = 0;
  // Newest first, ≤ 200 rows: page backwards by moving endTime below the oldest row.
  for (let page = 0; page < 20; page += 1) {
    const response = await context.http.getJson(P.fundingHistory, { category: 'linear', symbol, startTime: start, endTime, limit: 200 });
    fetchedAt = response.fetchedAt;
    const rows = parseFundingHistory(response.body, { source: 'bybit', endpoint: `GET ${P.fundingHistory}`, label }, symbol);
    history.push(...rows);
    const oldest = rows[0];
    if (!oldest || rows.length < 200 || oldest.time <= start) break;
    endTime = oldest.time - 1;
  }
  const kept = normalizeSeries(history, (row) => row.time, { source: 'bybit', endpoint: `GET ${P.fundingHistory}`, label }).filter(
    (row) => row.time >= start && row.time < window.end,
  );
  const gaps: NonNullable<TaskOutput['gaps']> = [];
  let current: { rate: number; time: number } | undefined;
  let intervalHours = 8;
  if (live) {
    try {
      const response = await context.http.getJson(P.tickers, { category: 'linear', symbol });
      const ticker = parseTicker(
        response.body,
        { source: 'bybit', endpoint: `GET ${P.tickers}`, label: `bybit.tickers[${symbol}]` },
        symbol,
      );
      current = { rate: ticker.rate, time: ticker.time };
      intervalHours = ticker.intervalHours;
      fetchedAt = response.fetchedAt;
    } catch (error) {
      gaps.push(gapFromError(error, 'funding', 'bybit', asset));
    }
  }
  if (!current && kept.length > 1) {
    const spacing = Math.round((kept.at(-1)!.time - kept.at(-2)!.time) / 3_600_000);
    if (spacing > 0) intervalHours = spacing;
  }
  const last = kept.at(-1);
  if (!last && !current) throw new EmptyResultError('bybit', `GET ${P.fundingHistory}`, `for ${symbol}`);
  if (!last) gaps.push(emptyPartGap('bybit', 'funding', `GET ${P.fundingHistory}`, `funding history for ${symbol}`, asset));
  return {
    gaps,
    funding: [
      {
        venue: 'bybit',
        symbol,
        asset,
        intervalHours,
        ...(current ? { current } : {}),
        history: kept,
        provenance: provenance(
          context.http,
          `${P.fundingHistory}?category=linear&symbol=${symbol}`,
          fetchedAt,
          Math.max(last?.time ?? 0, current ? fetchedAt : 0),
        ),
      },
    ],
  };
}
