/**
 * OKX spot candles (`history-candles`, `BTC-USDT`, `bar=1Dutc` and `1H`): the fallback for
 * Binance spot prices (CONTRACTS.md §1a: Binance answers 451 in some regions, US IPs among
 * them). The orchestration runs it only for assets whose Binance spot series are missing.
 * For spot, `vol` is in base units and `volCcyQuote` in USDT.
 */
import { z } from 'zod';
import type { Candle } from '../kernel/snapshot/index.js';
import { CandleRowSchema, okxEnvelope, okxRowCount } from './okx-parse.js';
import { LOOKBACK, dailyStart, hourlyStart } from './ranges.js';
import { normalizeSeries } from './series.js';
import { EmptyResultError, provenance, runTasks, type Task, type TaskOutput } from './tasks.js';
import { DAY_MS, HOUR_MS } from '../kernel/time.js';
import type { Source, SourceContext } from './types.js';
import { parseWith, type ParseContext } from './validate.js';

const CANDLES = '/api/v5/market/history-candles';
const PAGE = 100;

const SpotCandlesSchema = z.looseObject({ code: z.literal('0'), data: z.array(CandleRowSchema) });

/** Closed spot candles ascending: base volume `vol`, quote volume `volCcyQuote`. */
export function parseSpotCandles(raw: unknown, context: ParseContext): Candle[] {
  const rows = parseWith(SpotCandlesSchema, raw, context)
    .data.filter((row) => row[8] === '1')
    .map(([t, o, h, l, c, vol, , volCcyQuote]) => ({ t, o, h, l, c, v: vol, qv: volCcyQuote }));
  return normalizeSeries(rows, (row) => row.t, context);
}

export function createOkxSpotFallback(): Source {
  return {
    id: 'okx',
    families: ['prices'],
    // history-candles: 20 requests / 2 s per IP.
    http: { envelope: okxEnvelope },
    parse: { parseSpotCandles },
    fetch(context) {
      const tasks: Task[] = [];
      for (const asset of context.request.assets) {
        for (const bar of ['1Dutc', '1H'] as const) tasks.push({ family: 'prices', asset, run: () => fetchSpot(context, asset, bar) });
      }
      return runTasks('okx', tasks);
    },
  };
}

async function fetchSpot(context: SourceContext, asset: string, bar: '1Dutc' | '1H'): Promise<TaskOutput> {
  const { window } = context.request;
  const instId = `${asset}-USDT`;
  const step = bar === '1H' ? HOUR_MS : DAY_MS;
  const start = bar === '1H' ? hourlyStart(window, LOOKBACK.hourlyDays) : dailyStart(window, LOOKBACK.spotDailyDays);
  const label = `okx.spotCandles[${instId} ${bar}]`;
  const candles: Candle[] = [];
  let after = window.end;
  let fetchedAt = 0;
  for (let page = 0; page < 40; page += 1) {
    const response = await context.http.getJson(CANDLES, { instId, bar, after, limit: PAGE });
    fetchedAt = response.fetchedAt;
    const rows = parseSpotCandles(response.body, { source: 'okx', endpoint: `GET ${CANDLES}`, label });
    candles.push(...rows);
    const oldest = rows[0];
    // A full page may still contain the forming bar (dropped above), so count the raw rows.
    if (!oldest || oldest.t <= start || okxRowCount(response.body) < PAGE) break;
    after = oldest.t;
  }
  const kept = normalizeSeries(candles, (c) => c.t, { source: 'okx', endpoint: `GET ${CANDLES}`, label }).filter(
    (c) => c.t >= start && c.t + step <= window.end,
  );
  const last = kept.at(-1);
  if (!last) throw new EmptyResultError('okx', `GET ${CANDLES}`, `for ${instId} ${bar}`);
  return {
    prices: [
      {
        asset,
        market: 'spot',
        venue: 'okx',
        symbol: instId,
        interval: bar === '1H' ? '1h' : '1d',
        candles: kept,
        provenance: provenance(context.http, `${CANDLES}?instId=${instId}&bar=${bar}`, fetchedAt, last.t + step),
      },
    ],
  };
}
