/**
 * Whale Alert (key `WHALE_ALERT_API_KEY`, sent as the `api_key` query parameter, which is
 * stripped from every endpoint, log line and recording): labelled large transfers on Bitcoin
 * (`/v1/transactions`, legacy v1; timestamps in seconds; owners such as exchanges named).
 * Free plans historically allowed 10 requests/min → one every 6 s. Shapes are UNVERIFIED in
 * CONTRACTS.md (third-party client); the parser is strict so a change shows up as a gap.
 */
import { z } from 'zod';
import { PROVIDERS } from '../kernel/providers.js';
import type { EnvelopeProblem } from './http.js';
import { EmptyResultError, provenance, runTasks, type Task, type TaskOutput } from './tasks.js';
import type { Source, SourceContext } from './types.js';
import { nonNegativeDecimal, parseWith, positiveDecimal, type ParseContext } from './validate.js';

const TRANSACTIONS = '/v1/transactions';
/** The query parameter carrying the key (its descriptor: kernel/providers.ts). */
const KEY_PARAM = PROVIDERS['whale-alert'].auth.queryParam;
const THRESHOLD_BTC = 1000;
/** Whale Alert filters by USD value; 1000 BTC was never worth less than this in the API's lifetime. */
const MIN_VALUE_USD = 3_000_000;

/** `{result: "error", message}` is an error at any status. */
export function whaleAlertEnvelope(body: unknown): EnvelopeProblem | undefined {
  // Not an envelope at all: the schema check reports it with a field path.
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { result, message } = body as { result?: unknown; message?: unknown };
  if (result === 'success' || result === undefined) return undefined;
  const detail = typeof message === 'string' ? message : `result ${String(result)}`;
  if (/limit|too many/i.test(detail)) return { kind: 'RateLimitExceeded', detail, retryable: true };
  if (/api.?key|unauthori[sz]ed|plan/i.test(detail)) return { kind: 'ExchangeNotAvailable', detail };
  return { kind: 'BadResponse', detail };
}

const OwnerSchema = z.looseObject({ address: z.string().optional(), owner: z.string().optional(), owner_type: z.string().optional() });

const TransactionsSchema = z.looseObject({
  result: z.literal('success'),
  cursor: z.string().optional(),
  transactions: z
    .array(
      z.looseObject({
        blockchain: z.string(),
        symbol: z.string(),
        hash: z.string().min(1),
        timestamp: z.number().int().nonnegative(),
        amount: positiveDecimal,
        amount_usd: nonNegativeDecimal.optional(),
        from: OwnerSchema.optional(),
        to: OwnerSchema.optional(),
      }),
    )
    .optional()
    .default([]),
});

type Owner = { address?: string; owner?: string; ownerType?: string };

function owner(raw: z.output<typeof OwnerSchema> | undefined): Owner | undefined {
  if (!raw) return undefined;
  const out: Owner = {};
  if (raw.address) out.address = raw.address;
  if (raw.owner && raw.owner !== 'unknown') out.owner = raw.owner;
  if (raw.owner_type && raw.owner_type !== 'unknown') out.ownerType = raw.owner_type;
  return Object.keys(out).length ? out : undefined;
}

/** Bitcoin transfers of ≥ 1000 BTC, ascending; the cursor for the next page. */
export function parseTransactions(raw: unknown, context: ParseContext) {
  const parsed = parseWith(TransactionsSchema, raw, context);
  const transfers = parsed.transactions
    .filter((t) => t.blockchain === 'bitcoin' && t.symbol.toLowerCase() === 'btc' && t.amount >= THRESHOLD_BTC)
    .map((t) => {
      const from = owner(t.from);
      const to = owner(t.to);
      return {
        hash: t.hash,
        time: t.timestamp * 1000,
        amountCoins: t.amount,
        ...(t.amount_usd !== undefined ? { amountUsd: t.amount_usd } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      };
    })
    .sort((a, b) => a.time - b.time || (a.hash < b.hash ? -1 : 1));
  return { transfers, cursor: parsed.cursor, count: parsed.transactions.length };
}

export function createWhaleAlertSource(): Source {
  return {
    id: 'whale-alert',
    families: ['whaleTransfers'],
    http: { secretParams: [KEY_PARAM], envelope: whaleAlertEnvelope },
    parse: { parseTransactions },
    fetch(context) {
      const tasks: Task[] = context.request.assets.includes('BTC')
        ? [{ family: 'whaleTransfers', asset: 'BTC', run: () => fetchTransfers(context) }]
        : [];
      return runTasks('whale-alert', tasks);
    },
  };
}

async function fetchTransfers(context: SourceContext): Promise<TaskOutput> {
  const { window } = context.request;
  const transfers = [];
  let cursor: string | undefined;
  let fetchedAt = 0;
  for (let page = 0; page < 10; page += 1) {
    const response = await context.http.getJson(TRANSACTIONS, {
      [KEY_PARAM]: context.apiKey,
      start: Math.floor(window.start / 1000),
      end: Math.floor(window.end / 1000) - 1,
      min_value: MIN_VALUE_USD,
      currency: 'btc',
      limit: 100,
      cursor,
    });
    fetchedAt = response.fetchedAt;
    const parsed = parseTransactions(response.body, {
      source: 'whale-alert',
      endpoint: `GET ${TRANSACTIONS}`,
      label: 'whale-alert.transactions',
    });
    transfers.push(...parsed.transfers);
    if (!parsed.cursor || parsed.count < 100 || parsed.cursor === cursor) break;
    cursor = parsed.cursor;
  }
  const inWindow = transfers
    .filter((t) => t.time >= window.start && t.time < window.end)
    .filter((t, i, all) => i === 0 || all[i - 1]!.hash !== t.hash);
  if (inWindow.length === 0) throw new EmptyResultError('whale-alert', `GET ${TRANSACTIONS}`, '≥ 1000 BTC transfers in the window');
  return {
    whaleTransfers: [
      {
        source: 'whale-alert',
        chain: 'bitcoin',
        asset: 'BTC',
        thresholdCoins: THRESHOLD_BTC,
        transfers: inWindow,
        dailyCounts: [],
        provenance: provenance(context.http, `${TRANSACTIONS}?currency=btc&min_value=${MIN_VALUE_USD}`, fetchedAt, window.end),
      },
    ],
  };
}
