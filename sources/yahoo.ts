/**
 * Yahoo Finance chart API (`/v8/finance/chart/{symbol}`, unofficial, no key): daily close and
 * share volume for the spot ETFs in `config.etfs` (dollar volume ≈ volume × close) and the
 * optional macro series in `config.macro`. Timestamps are seconds at the session open; entries
 * can be null (halts); a range with no sessions has no `timestamp` at all. Dates are trading
 * days in the exchange's zone (America/New_York). Limits are undocumented: go gently.
 */
import { z } from 'zod';
import type { EnvelopeProblem } from './http.js';
import { LOOKBACK } from './ranges.js';
import { EmptyResultError, provenance, runTasks, type Task, type TaskOutput } from './tasks.js';
import { DAY_MS, HOUR_MS, briefWindow, dateIn } from '../kernel/time.js';
import type { Source, SourceContext } from './types.js';
import { nonNegativeDecimalOrNull, parseWith, positiveDecimalOrNull, schemaViolation, type ParseContext } from './validate.js';

const CHART = '/v8/finance/chart';
/** A regular US session lasts 6.5 h; a bar is complete once its session has closed. */
const SESSION_MS = 6.5 * HOUR_MS;

/** `chart.error` (or `finance.error`, e.g. "Invalid Crumb") is an error at any status. */
export function yahooEnvelope(body: unknown): EnvelopeProblem | undefined {
  // Not an envelope at all: the schema check reports it with a field path.
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as { chart?: { error?: unknown }; finance?: { error?: unknown } };
  const error = record.chart?.error ?? record.finance?.error;
  if (error === undefined || error === null) return undefined;
  const { code, description } = error as { code?: unknown; description?: unknown };
  const text = typeof code === 'string' ? code : 'error';
  const detail = typeof description === 'string' ? `${text}: ${description}` : text;
  if (/unauthori[sz]ed|crumb/i.test(detail)) return { kind: 'ExchangeNotAvailable', code: text, detail };
  if (/too many/i.test(detail)) return { kind: 'RateLimitExceeded', code: text, detail, retryable: true };
  return { kind: 'BadResponse', code: text, detail };
}

const ChartSchema = z.looseObject({
  chart: z.looseObject({
    result: z
      .array(
        z.looseObject({
          meta: z.looseObject({ symbol: z.string(), exchangeTimezoneName: z.string(), instrumentType: z.string().optional() }),
          timestamp: z.array(z.number().int().nonnegative()).optional(),
          indicators: z.looseObject({
            quote: z
              .array(
                z.looseObject({ close: z.array(positiveDecimalOrNull).optional(), volume: z.array(nonNegativeDecimalOrNull).optional() }),
              )
              .min(1),
          }),
        }),
      )
      .min(1, 'expected one chart result'),
  }),
});

export interface ChartDay {
  /** Trading day in the exchange's zone. */
  date: string;
  /** Session open, ms UTC. */
  t: number;
  close: number;
  /** Shares. */
  volume: number;
}

/** Instruments that trade in one regular session a day; anything else (indices such as DX-Y.NYB, currencies, futures) may trade around the clock. */
const SESSION_TYPES = new Set(['EQUITY', 'ETF', 'MUTUALFUND']);

/**
 * Complete trading days before `end` (ms UTC), ascending; null entries (halts) left out. A bar of a
 * session instrument is complete 6.5 h after its open; one of an instrument that may trade around
 * the clock (Yahoo stamps DX-Y.NYB's bar at 09:30 ET too, though it trades nearly 24 h) only once
 * its calendar day has ended in the exchange's zone. Every result must be for the symbol asked for
 * (`expectSymbol`): a response for another instrument is refused, not filed under this one.
 */
export function parseChart(raw: unknown, end: number, context: ParseContext, expectSymbol?: string): ChartDay[] {
  const result = parseWith(ChartSchema, raw, context).chart.result[0]!;
  if (expectSymbol !== undefined && result.meta.symbol.toUpperCase() !== expectSymbol.toUpperCase())
    throw schemaViolation(
      context,
      '.chart.result[0].meta.symbol',
      `expected ${expectSymbol}, got ${JSON.stringify(result.meta.symbol).slice(0, 30)}`,
    );
  const tz = result.meta.exchangeTimezoneName;
  const sessionOnly = SESSION_TYPES.has((result.meta.instrumentType ?? 'EQUITY').toUpperCase());
  const complete = (t: number): boolean => (sessionOnly ? t + SESSION_MS <= end : briefWindow(dateIn(tz, t), tz).end <= end);
  const times = result.timestamp ?? [];
  const quote = result.indicators.quote[0]!;
  const closes = quote.close ?? [];
  const volumes = quote.volume ?? [];
  if (times.length > 0 && (closes.length !== times.length || volumes.length !== times.length)) {
    throw schemaViolation(
      context,
      '.chart.result[0].indicators.quote[0]',
      `arrays of different lengths (${times.length} timestamps, ${closes.length} closes, ${volumes.length} volumes)`,
    );
  }
  const days: ChartDay[] = [];
  times.forEach((seconds, i) => {
    const close = closes[i];
    const volume = volumes[i];
    const t = seconds * 1000;
    if (close === null || close === undefined || volume === null || volume === undefined || !complete(t)) return;
    days.push({ date: dateIn(tz, t), t, close, volume });
  });
  return days.sort((a, b) => a.t - b.t).filter((day, i, all) => i === 0 || all[i - 1]!.date !== day.date);
}

export function createYahooSource(): Source {
  return {
    id: 'yahoo',
    families: ['etfs', 'macro'],
    http: {
      envelope: yahooEnvelope,
      // Yahoo refuses clients without a browser-like User-Agent.
      headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36' },
    },
    parse: { parseChart },
    fetch(context) {
      const { config, assets } = context.request;
      const tasks: Task[] = [];
      for (const asset of assets) {
        for (const ticker of config.etfs[asset] ?? []) tasks.push({ family: 'etfs', asset, run: () => fetchEtf(context, asset, ticker) });
      }
      for (const series of config.macro) tasks.push({ family: 'macro', run: () => fetchMacro(context, series.symbol, series.name) });
      return runTasks('yahoo', tasks);
    },
  };
}

async function fetchChart(context: SourceContext, symbol: string) {
  const { window } = context.request;
  const path = `${CHART}/${encodeURIComponent(symbol)}`;
  const period1 = Math.floor((window.end - LOOKBACK.etfDays * DAY_MS) / 1000);
  const period2 = Math.floor(window.end / 1000);
  const response = await context.http.getJson(path, { interval: '1d', period1, period2, includePrePost: 'false' });
  const days = parseChart(response.body, window.end, { source: 'yahoo', endpoint: `GET ${path}`, label: `yahoo.chart[${symbol}]` }, symbol);
  if (days.length === 0) throw new EmptyResultError('yahoo', `GET ${path}`, `for ${symbol} (no trading days in range)`);
  return { days, prov: provenance(context.http, `${path}?interval=1d`, response.fetchedAt, days.at(-1)!.t + SESSION_MS) };
}

async function fetchEtf(context: SourceContext, asset: string, ticker: string): Promise<TaskOutput> {
  const { days, prov } = await fetchChart(context, ticker);
  // A fund that traded has a volume: Yahoo's 0 on a session with a close is a missing figure, not
  // zero shares (unknown is never 0). The session is left out; the completeness check names it.
  const traded = days.filter((day) => day.volume > 0);
  return { etfs: [{ ticker, asset, daily: traded.map(({ date, close, volume }) => ({ date, close, volume })), provenance: prov }] };
}

async function fetchMacro(context: SourceContext, symbol: string, name: string): Promise<TaskOutput> {
  const { days, prov } = await fetchChart(context, symbol);
  return { macro: [{ symbol, name, daily: days.map(({ date, close }) => ({ date, close })), provenance: prov }] };
}
