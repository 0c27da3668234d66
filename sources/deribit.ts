/**
 * Deribit (no key): the futures curve (`get_book_summary_by_currency?kind=future`, current only:
 * annualized basis per expiry from mark against the estimated delivery price, expiry 08:00 UTC
 * parsed from the name) and DVOL (`get_volatility_index_data`, `resolution=1D` for 60 days and
 * `3600` for the window, in vol points). JSON-RPC envelope: `{jsonrpc, result}` or `{error}`.
 * Only BTC and ETH have these instruments. Public limits are credit based (≈20 req/s).
 */
import { z } from 'zod';
import type { BasisTenor } from '../kernel/snapshot/index.js';
import type { EnvelopeProblem } from './http.js';
import { LOOKBACK } from './ranges.js';
import { normalizeSeries } from './series.js';
import { EmptyResultError, emptyPartGap, provenance, runTasks, type Task, type TaskOutput } from './tasks.js';
import { DAY_MS } from '../kernel/time.js';
import type { Source, SourceContext } from './types.js';
import { assertRowsFor, epochMillis, parseWith, positiveDecimal, type ParseContext } from './validate.js';

const P = { bookSummary: '/api/v2/public/get_book_summary_by_currency', dvol: '/api/v2/public/get_volatility_index_data' } as const;
const CURRENCIES = new Set(['BTC', 'ETH']);
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** An `error` member is an error at any HTTP status; 10028 is "too_many_requests". */
export function deribitEnvelope(body: unknown): EnvelopeProblem | undefined {
  // Not an envelope at all: the schema check reports it with a field path.
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { error } = body as { error?: unknown };
  if (error === undefined || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof code === 'number' || typeof code === 'string' ? String(code) : 'unknown';
  const detail = typeof message === 'string' ? message : `error ${text}`;
  if (text === '10028') return { kind: 'RateLimitExceeded', code: text, detail, retryable: true };
  return { kind: 'BadResponse', code: text, detail };
}

/** `BTC-29MAR24` → 2024-03-29T08:00Z; undefined for perpetuals and other names. */
export function parseExpiry(instrument: string): number | undefined {
  const match = /^[A-Z]+-(\d{1,2})([A-Z]{3})(\d{2})$/.exec(instrument);
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[2]!);
  if (month < 0) return undefined;
  return Date.UTC(2000 + Number(match[3]), month, Number(match[1]), 8);
}

const BookSummarySchema = z.looseObject({
  result: z.array(
    z.looseObject({
      instrument_name: z.string(),
      /** The instrument's currency (Deribit sends it on every row); the name's prefix when absent. */
      base_currency: z.string().optional(),
      mark_price: positiveDecimal,
      estimated_delivery_price: positiveDecimal,
      creation_timestamp: epochMillis,
    }),
  ),
});

/**
 * Dated futures as basis tenors, nearest expiry first: annualized basis =
 * (mark / estimated delivery price − 1) × 365 / days to expiry. Contracts within a day of
 * expiry are left out (annualizing a few hours' premium gives meaningless numbers).
 */
export function parseBookSummary(raw: unknown, asset: string, context: ParseContext, prov: BasisTenor['provenance']): BasisTenor[] {
  const tenors: BasisTenor[] = [];
  const rows = parseWith(BookSummarySchema, raw, context).result;
  // Every row must be of the currency asked for (any kind: a stray ETH future in a BTC answer
  // would become a BTC basis tenor and a BTC index price for the cross-checks).
  assertRowsFor(
    rows,
    (row) => row.base_currency ?? row.instrument_name.split('-')[0]!,
    asset,
    context,
    (i) => `.result[${i}].${rows[i]!.base_currency === undefined ? 'instrument_name' : 'base_currency'}`,
  );
  for (const row of rows) {
    const expiry = parseExpiry(row.instrument_name);
    if (expiry === undefined) continue;
    const days = (expiry - row.creation_timestamp) / DAY_MS;
    if (days < 1) continue;
    const annualizedBasis = (row.mark_price / row.estimated_delivery_price - 1) * (365 / days);
    tenors.push({
      venue: 'deribit',
      asset,
      contract: row.instrument_name,
      tenor: row.instrument_name.slice(row.instrument_name.indexOf('-') + 1),
      expiry,
      history: [{ time: row.creation_timestamp, futuresPrice: row.mark_price, indexPrice: row.estimated_delivery_price, annualizedBasis }],
      provenance: prov,
    });
  }
  return tenors.sort((a, b) => a.expiry - b.expiry);
}

const DvolSchema = z.looseObject({
  result: z.looseObject({
    data: z.array(z.tuple([epochMillis, positiveDecimal, positiveDecimal, positiveDecimal, positiveDecimal]).rest(z.unknown())),
    continuation: z.union([epochMillis, z.null()]).optional(),
  }),
});

/**
 * DVOL bars `{t, o, h, l, c}` ascending (vol points), and the continuation for older data. The
 * response names no currency (bare `[t, o, h, l, c]` rows), so it cannot be checked against the
 * one asked for here.
 */
export function parseDvol(
  raw: unknown,
  context: ParseContext,
): { bars: Array<{ t: number; o: number; h: number; l: number; c: number }>; continuation: number | null } {
  const parsed = parseWith(DvolSchema, raw, context);
  const bars = normalizeSeries(
    parsed.result.data.map(([t, o, h, l, c]) => ({ t, o, h, l, c })),
    (bar) => bar.t,
    context,
  );
  return { bars, continuation: parsed.result.continuation ?? null };
}

export function createDeribitSource(): Source {
  return {
    id: 'deribit',
    families: ['basis', 'volatility'],
    http: { envelope: deribitEnvelope },
    parse: { parseBookSummary, parseDvol, parseExpiry },
    fetch(context) {
      const tasks: Task[] = [];
      for (const asset of context.request.assets.filter((a) => CURRENCIES.has(a))) {
        tasks.push({ family: 'basis', asset, run: () => fetchCurve(context, asset) });
        tasks.push({ family: 'volatility', asset, run: () => fetchDvol(context, asset) });
      }
      return runTasks('deribit', tasks);
    },
  };
}

async function fetchCurve(context: SourceContext, asset: string): Promise<TaskOutput> {
  if (!context.request.live) {
    const reason = `deribit book summaries are current only, not for ${context.request.window.date}`;
    return { gaps: [{ family: 'basis', source: 'deribit', asset, kind: 'not-historical', reason, endpoint: `GET ${P.bookSummary}` }] };
  }
  const response = await context.http.getJson(P.bookSummary, { currency: asset, kind: 'future' });
  const endpoint = `${P.bookSummary}?currency=${asset}&kind=future`;
  const prov = provenance(context.http, endpoint, response.fetchedAt, response.fetchedAt);
  const tenors = parseBookSummary(
    response.body,
    asset,
    { source: 'deribit', endpoint: `GET ${P.bookSummary}`, label: `deribit.bookSummary[${asset}]` },
    prov,
  );
  if (tenors.length === 0) throw new EmptyResultError('deribit', `GET ${P.bookSummary}`, `dated futures for ${asset}`);
  const asOf = Math.max(...tenors.map((t) => t.history[0]!.time));
  return { basis: tenors.map((t) => ({ ...t, provenance: { ...prov, asOf: new Date(asOf).toISOString() } })) };
}

async function fetchDvolBars(context: SourceContext, asset: string, resolution: '1D' | '3600', start: number, end: number) {
  const bars = [];
  let endTimestamp = end;
  let fetchedAt = 0;
  for (let page = 0; page < 20; page += 1) {
    const response = await context.http.getJson(P.dvol, {
      currency: asset,
      start_timestamp: start,
      end_timestamp: endTimestamp,
      resolution,
    });
    fetchedAt = response.fetchedAt;
    const parsed = parseDvol(response.body, {
      source: 'deribit',
      endpoint: `GET ${P.dvol}`,
      label: `deribit.dvol[${asset} ${resolution}]`,
    });
    bars.push(...parsed.bars);
    if (parsed.continuation === null || parsed.continuation >= endTimestamp || parsed.bars.length === 0) break;
    endTimestamp = parsed.continuation;
  }
  const context2 = { source: 'deribit', endpoint: `GET ${P.dvol}`, label: `deribit.dvol[${asset} ${resolution}]` };
  return { bars: normalizeSeries(bars, (bar) => bar.t, context2), fetchedAt };
}

async function fetchDvol(context: SourceContext, asset: string): Promise<TaskOutput> {
  const { window } = context.request;
  const dailyFrom = window.end - LOOKBACK.dvolDailyDays * DAY_MS;
  const [daily, hourly] = await Promise.all([
    fetchDvolBars(context, asset, '1D', dailyFrom, window.end - 1),
    fetchDvolBars(context, asset, '3600', window.start, window.end - 1),
  ]);
  // Daily bars open at 00:00 UTC; keep those complete by the window's end.
  const days = daily.bars.filter((bar) => bar.t >= dailyFrom && bar.t + DAY_MS <= window.end);
  const hours = hourly.bars.filter((bar) => bar.t >= window.start && bar.t < window.end);
  const last = hours.at(-1)?.t ?? days.at(-1)?.t;
  if (last === undefined) throw new EmptyResultError('deribit', `GET ${P.dvol}`, `for ${asset}`);
  const gaps = [];
  if (days.length === 0) gaps.push(emptyPartGap('deribit', 'volatility', `GET ${P.dvol}`, `daily DVOL for ${asset}`, asset));
  if (hours.length === 0)
    gaps.push(emptyPartGap('deribit', 'volatility', `GET ${P.dvol}`, `hourly DVOL for ${asset} in the window`, asset));
  return {
    gaps,
    volatility: [
      {
        source: 'deribit',
        index: 'DVOL',
        asset,
        unit: 'vol-points',
        daily: days,
        hourly: hours,
        provenance: provenance(context.http, `${P.dvol}?currency=${asset}`, Math.max(daily.fetchedAt, hourly.fetchedAt), last),
      },
    ],
  };
}
