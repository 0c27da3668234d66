/**
 * Blockchair (no key within 1440 requests/day, 30/min): Bitcoin transactions whose output total
 * is at least 1000 BTC. One aggregation call (`a=date,count()`) gives the daily counts for the
 * 30-day baseline (UTC days); list calls give the window's transactions, a page of at most 100
 * rows (the most Blockchair serves without a key) at a time, until `context.total_rows` are in
 * (a crash day can have more than 100: a capped list would undercount it). `output_total` is
 * in satoshi and counts change outputs, so this is "transactions with ≥ 1000 BTC output", not
 * necessarily 1000 BTC moved between parties. HTTP 430 means our IP is banned.
 */
import { z } from 'zod';
import type { EnvelopeProblem } from './http.js';
import { LOOKBACK } from './ranges.js';
import { SourceError } from './errors.js';
import { EmptyResultError, emptyPartGap, provenance, runTasks, type Task, type TaskOutput } from './tasks.js';
import { DAY_MS, utcDate } from '../kernel/time.js';
import type { Source, SourceContext } from './types.js';
import { count, nonNegativeDecimal, parseWith, positiveDecimal, type ParseContext } from './validate.js';

const TRANSACTIONS = '/bitcoin/transactions';
const SATOSHI_PER_BTC = 100_000_000;
export const WHALE_THRESHOLD_BTC = 1000;

/** `context.code` ≠ 200 is an error (402/429/435 limits, 430/434 bans, 503 busy). */
export function blockchairEnvelope(body: unknown): EnvelopeProblem | undefined {
  // Not an envelope at all: the schema check reports it with a field path.
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const context = (body as { context?: { code?: unknown; error?: unknown } }).context;
  // Without a context block this is not Blockchair's envelope; the schema check reports it.
  if (!context || typeof context !== 'object') return undefined;
  if (context.code === 200) return undefined;
  const code = typeof context.code === 'number' ? context.code : 0;
  const detail = typeof context.error === 'string' ? context.error : `context.code ${String(context.code)}`;
  if ([402, 429, 435].includes(code)) return { kind: 'RateLimitExceeded', code: String(code), detail, retryable: code !== 402 };
  if ([430, 434].includes(code)) return { kind: 'IpBanned', code: String(code), detail };
  if (code === 503) return { kind: 'ExchangeNotAvailable', code: String(code), detail, retryable: true };
  return { kind: 'BadResponse', code: String(code), detail };
}

const BLOCKCHAIR_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

const TransactionsSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a 64-hex transaction hash'),
      time: z.string().regex(BLOCKCHAIR_TIME, 'expected "YYYY-MM-DD HH:ii:ss" (UTC)'),
      output_total: positiveDecimal,
      output_total_usd: nonNegativeDecimal.optional(),
    }),
  ),
});

/** The list call's row count before paging (`context.total_rows`), when the provider gives it. */
const TotalRowsSchema = z.looseObject({ context: z.looseObject({ total_rows: count.optional() }).optional() });

export function parseTotalRows(raw: unknown, context: ParseContext): number | undefined {
  return parseWith(TotalRowsSchema, raw, context).context?.total_rows;
}

/** Rows per list call: Blockchair's largest page without a key. */
export const PAGE_ROWS = 100;
/**
 * At most this many list pages (1,000 transactions of 1,000 BTC or more in one day, several times
 * the busiest days seen). A day with more is a gap, never an undercount.
 */
export const MAX_PAGES = 10;

export interface WhaleTransfer {
  hash: string;
  time: number;
  amountCoins: number;
  amountUsd?: number;
}

/** Transactions ascending by time: amounts in BTC (satoshi / 1e8), times ms UTC. */
export function parseTransactions(raw: unknown, context: ParseContext): WhaleTransfer[] {
  return parseWith(TransactionsSchema, raw, context)
    .data.map((row) => ({
      hash: row.hash,
      time: Date.parse(`${row.time.replace(' ', 'T')}Z`),
      amountCoins: row.output_total / SATOSHI_PER_BTC,
      ...(row.output_total_usd !== undefined ? { amountUsd: row.output_total_usd } : {}),
    }))
    .sort((a, b) => a.time - b.time || (a.hash < b.hash ? -1 : 1));
}

const CountsSchema = z.looseObject({
  data: z.array(z.looseObject({ date: z.iso.date(), 'count()': count })),
});

/** Daily counts by UTC date, ascending. */
export function parseDailyCounts(raw: unknown, context: ParseContext): Array<{ date: string; count: number }> {
  return parseWith(CountsSchema, raw, context)
    .data.map((row) => ({ date: row.date, count: row['count()'] }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

export function createBlockchairSource(): Source {
  return {
    id: 'blockchair',
    families: ['whaleTransfers'],
    // 30 requests/min hard limit → one every 2 s.
    http: { banStatuses: [430], envelope: blockchairEnvelope },
    parse: { parseTransactions, parseDailyCounts },
    fetch(context) {
      const tasks: Task[] = context.request.assets.includes('BTC')
        ? [{ family: 'whaleTransfers', asset: 'BTC', run: () => fetchWhales(context) }]
        : [];
      return runTasks('blockchair', tasks);
    },
  };
}

/** Blockchair datetime literal (UTC). */
function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

async function fetchWhales(context: SourceContext): Promise<TaskOutput> {
  const { window } = context.request;
  const threshold = `output_total(${WHALE_THRESHOLD_BTC * SATOSHI_PER_BTC}..)`;
  const ctx = (label: string) => ({ source: 'blockchair', endpoint: `GET ${TRANSACTIONS}`, label });
  const firstDay = utcDate(window.end - LOOKBACK.whaleBaselineDays * DAY_MS);
  const lastDay = utcDate(window.end - 1);
  // Sequential on purpose: the limiter allows one request at a time anyway.
  const counts = await context.http.getJson(TRANSACTIONS, { q: `time(${firstDay}..${lastDay}),${threshold}`, a: 'date,count()' });
  const dailyCounts = parseDailyCounts(counts.body, ctx('blockchair.transactions[counts]'));
  const q = `time(${stamp(window.start)}..${stamp(window.end - 1000)}),${threshold}`;
  const listed: WhaleTransfer[] = [];
  let fetchedAt = 0;
  for (let page = 0; ; page++) {
    // Ordered by id: a stable order across pages (output totals tie).
    const list = await context.http.getJson(TRANSACTIONS, { q, s: 'id(asc)', limit: PAGE_ROWS, offset: page * PAGE_ROWS });
    fetchedAt = list.fetchedAt;
    const rows = parseTransactions(list.body, ctx(`blockchair.transactions[window,offset ${page * PAGE_ROWS}]`));
    listed.push(...rows);
    const total = parseTotalRows(list.body, ctx('blockchair.transactions[window].context'));
    const more = total !== undefined ? listed.length < total : rows.length === PAGE_ROWS;
    if (!more || rows.length === 0) break;
    if (page + 1 === MAX_PAGES)
      throw new SourceError({
        source: 'blockchair',
        endpoint: `GET ${TRANSACTIONS}`,
        kind: 'BadResponse',
        detail: `more than ${MAX_PAGES * PAGE_ROWS} transactions of ${WHALE_THRESHOLD_BTC} BTC or more in the window (${total ?? 'unknown total'}); not counted rather than undercounted`,
      });
  }
  // Paging by offset can repeat a row when new blocks land between calls: each hash counts once.
  const seen = new Set<string>();
  const transfers = listed
    .filter((t) => t.time >= window.start && t.time < window.end && !seen.has(t.hash) && seen.add(t.hash))
    .sort((a, b) => a.time - b.time || (a.hash < b.hash ? -1 : 1));
  if (dailyCounts.length === 0 && transfers.length === 0)
    throw new EmptyResultError('blockchair', `GET ${TRANSACTIONS}`, 'for ≥ 1000 BTC transactions');
  // No transfers in the window can be a true zero; no daily counts at all cannot.
  const gaps =
    dailyCounts.length === 0
      ? [emptyPartGap('blockchair', 'whaleTransfers', `GET ${TRANSACTIONS}`, 'daily counts for the 30-day baseline', 'BTC')]
      : [];
  return {
    gaps,
    whaleTransfers: [
      {
        source: 'blockchair',
        chain: 'bitcoin',
        asset: 'BTC',
        thresholdCoins: WHALE_THRESHOLD_BTC,
        transfers,
        dailyCounts,
        provenance: provenance(
          context.http,
          `${TRANSACTIONS}?q=output_total(${WHALE_THRESHOLD_BTC * SATOSHI_PER_BTC}..)`,
          fetchedAt,
          window.end,
        ),
      },
    ],
  };
}
