/**
 * Pieces shared by the Binance spot and USDⓈ-M futures sources: the 12-field kline array, kline
 * pagination, and the error envelope (`{"code":-1121,"msg":"Invalid symbol."}`).
 */
import { z } from 'zod';
import type { Candle } from '../kernel/snapshot/index.js';
import type { EnvelopeProblem, ProviderHttp } from './http.js';
import { normalizeSeries } from './series.js';
import { epochMillis, nonNegativeDecimal, parseWith, positiveDecimal, type ParseContext } from './validate.js';

/** [openTime, open, high, low, close, volume(base), closeTime, quoteVolume, trades, takerBase, takerQuote, ignore]. */
const KlineSchema = z
  .tuple([
    epochMillis,
    positiveDecimal,
    positiveDecimal,
    positiveDecimal,
    positiveDecimal,
    nonNegativeDecimal,
    epochMillis,
    nonNegativeDecimal,
  ])
  .rest(z.unknown());
const KlinesSchema = z.array(KlineSchema);

export interface ParsedKline extends Candle {
  /** Close time, ms UTC (openTime + interval − 1). */
  closeTime: number;
}

/** Pure: a klines response → candles ascending, duplicates merged, conflicts rejected. */
export function parseKlines(raw: unknown, context: ParseContext): ParsedKline[] {
  const rows = parseWith(KlinesSchema, raw, context).map(([t, o, h, l, c, v, closeTime, qv]) => ({ t, o, h, l, c, v, qv, closeTime }));
  return normalizeSeries(rows, (row) => row.t, context);
}

export const INTERVAL_MS = { '1h': 3_600_000, '1d': 86_400_000 } as const;

/**
 * All klines with open time in [start, end), paging forward by startTime (≤ `limit` rows per
 * call). Bars not closed at `now` are dropped: the last bar may still be forming.
 */
export async function fetchKlinePages(
  http: ProviderHttp,
  options: {
    path: string;
    symbol: string;
    interval: '1h' | '1d';
    start: number;
    end: number;
    limit: number;
    weight: number;
    now: number;
    label: string;
  },
): Promise<{ candles: Candle[]; fetchedAt: number }> {
  const step = INTERVAL_MS[options.interval];
  const rows: ParsedKline[] = [];
  let startTime = options.start;
  let fetchedAt = 0;
  for (let page = 0; page < 50 && startTime < options.end; page += 1) {
    const response = await http.getJson(
      options.path,
      { symbol: options.symbol, interval: options.interval, startTime, endTime: options.end - 1, limit: options.limit },
      { weight: options.weight },
    );
    fetchedAt = response.fetchedAt;
    const parsed = parseKlines(response.body, { source: http.id, endpoint: `GET ${options.path}`, label: options.label });
    rows.push(...parsed);
    const last = parsed.at(-1);
    if (parsed.length < options.limit || !last) break;
    startTime = last.t + step;
  }
  const context = { source: http.id, endpoint: `GET ${options.path}`, label: options.label };
  const candles = normalizeSeries(rows, (row) => row.t, context)
    .filter((row) => row.t >= options.start && row.t < options.end && row.closeTime < options.now)
    .map(({ closeTime: _closeTime, ...candle }) => candle);
  return { candles, fetchedAt };
}

/** Binance puts errors in `{code, msg}`; -1003 is "too many requests". */
export function binanceEnvelope(body: unknown): EnvelopeProblem | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { code, msg } = body as { code?: unknown; msg?: unknown };
  if (typeof code !== 'number' || typeof msg !== 'string' || code === 200) return undefined;
  return { kind: code === -1003 ? 'RateLimitExceeded' : 'BadResponse', code: String(code), detail: msg, retryable: code === -1003 };
}

/** `BTC` → `BTCUSDT`. */
export function usdtSymbol(asset: string): string {
  return `${asset}USDT`;
}
