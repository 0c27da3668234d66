/**
 * The providers `brief fetch` calls, one descriptor each: the one place for a provider's facts.
 * Sources read their base URL, key and pacing here (pipeline/fetch/sources.ts builds each
 * provider's client from it); narrative and charts read the names readers see.
 *
 * Typed `satisfies Record<ProviderId, ProviderDescriptor>`: a provider id added to PROVIDER_IDS
 * does not compile until its descriptor gives every field. The base URL is overridden by
 * `providers.<id>.baseUrl` in the config or BRIEF_<ID>_URL (kernel/config.ts, resolveBaseUrl).
 */
import type { Lang } from './lang.js';

export const PROVIDER_IDS = [
  'binance',
  'binance-futures',
  'okx',
  'bybit',
  'deribit',
  'yahoo',
  'blockchair',
  'whale-alert',
  'coinglass',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** At most `requests` request starts in any stretch of `ms` milliseconds. */
export interface RequestWindowLimit {
  readonly requests: number;
  readonly ms: number;
}

/**
 * How fast a provider may be called: its documented limits as request windows (CONTRACTS.md),
 * which allow a run's burst where an even spacing would queue it. Concurrency is ours to choose
 * (no provider here documents a limit on parallel connections). `providers.<id>.minIntervalMs`
 * in the configuration replaces this pacing (windows included) with an even spacing, and
 * `providers.<id>.concurrency` the concurrency.
 */
export interface ProviderPacing {
  readonly concurrency: number;
  /** Spacing between request starts, ms (0: the windows alone pace). */
  readonly minIntervalMs: number;
  readonly windows: readonly RequestWindowLimit[];
}

/** A key the provider requires: the environment variable holding it, and how it is sent. */
export type ProviderAuth = { readonly keyEnv: string; readonly header: string } | { readonly keyEnv: string; readonly queryParam: string };

export interface ProviderDescriptor {
  /** What a reader calls the provider, per language. */
  readonly name: Readonly<Record<Lang, string>>;
  /** The API's base URL when neither the config nor the environment overrides it. */
  readonly baseUrl: string;
  /** null: a public API without a key. Without its key set, the provider is not called (a 'not-configured' gap). */
  readonly auth: ProviderAuth | null;
  readonly pacing: ProviderPacing;
  /**
   * Its series are one venue's own (an exchange's candles, funding, open interest): the data
   * note names that venue when its part is missing. False for aggregators and other publishers.
   */
  readonly venueSeries: boolean;
  /**
   * Core by default: without its BTC price no brief is written (exit 3). `coreSources` in the
   * configuration replaces the set (kernel/config.ts).
   */
  readonly core: boolean;
  /** The provider whose spot candles stand in for this one's when it cannot answer (fetch step 2b), or null. */
  readonly spotFallback: ProviderId | null;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The same name in every language (a brand). */
const brand = (name: string): Readonly<Record<Lang, string>> => ({ zh: name, en: name });

export const PROVIDERS = {
  // Weight budgets (80 % of 6000/min spot, 2400/min futures) stay in the source modules; no
  // request-count limit beyond them for these endpoints, except futures fundingRate (with
  // fundingInfo): 500 requests / 5 min.
  binance: {
    name: brand('Binance'),
    baseUrl: 'https://api.binance.com',
    auth: null,
    pacing: { concurrency: 4, minIntervalMs: 0, windows: [] },
    venueSeries: true,
    core: true,
    spotFallback: 'okx',
  },
  'binance-futures': {
    name: brand('Binance'),
    baseUrl: 'https://fapi.binance.com',
    auth: null,
    pacing: { concurrency: 8, minIntervalMs: 0, windows: [{ requests: 500, ms: 5 * MINUTE }] },
    venueSeries: true,
    core: false,
    spotFallback: null,
  },
  // Per endpoint: history-candles 20 / 2 s, funding-rate 20 / 2 s, funding-rate-history
  // 10 / 2 s: the strictest, applied to the whole provider.
  okx: {
    name: brand('OKX'),
    baseUrl: 'https://www.okx.com',
    auth: null,
    pacing: { concurrency: 8, minIntervalMs: 0, windows: [{ requests: 10, ms: 2 * SECOND }] },
    venueSeries: true,
    core: false,
    spotFallback: null,
  },
  // 600 requests / 5 s per IP.
  bybit: {
    name: brand('Bybit'),
    baseUrl: 'https://api.bybit.com',
    auth: null,
    pacing: { concurrency: 4, minIntervalMs: 0, windows: [{ requests: 600, ms: 5 * SECOND }] },
    venueSeries: true,
    core: false,
    spotFallback: null,
  },
  // Credit based: about 20 requests/s sustained.
  deribit: {
    name: brand('Deribit'),
    baseUrl: 'https://www.deribit.com',
    auth: null,
    pacing: { concurrency: 4, minIntervalMs: 0, windows: [{ requests: 20, ms: SECOND }] },
    venueSeries: true,
    core: false,
    spotFallback: null,
  },
  // Undocumented: go gently, but a run's eight chart requests need not take two seconds.
  // Eight per two seconds, four at a time, is the pace of one person opening a few charts.
  yahoo: {
    name: brand('Yahoo Finance'),
    baseUrl: 'https://query2.finance.yahoo.com',
    auth: null,
    pacing: { concurrency: 4, minIntervalMs: 0, windows: [{ requests: 8, ms: 2 * SECOND }] },
    venueSeries: false,
    core: false,
    spotFallback: null,
  },
  // No key: 30 requests/min hard, 5/s soft (and 1440/day: a run makes two).
  blockchair: {
    name: brand('Blockchair'),
    baseUrl: 'https://api.blockchair.com',
    auth: null,
    pacing: {
      concurrency: 2,
      minIntervalMs: 0,
      windows: [
        { requests: 5, ms: SECOND },
        { requests: 30, ms: MINUTE },
      ],
    },
    venueSeries: false,
    core: false,
    spotFallback: null,
  },
  // Free plans: 10 requests/min. The key goes in the query (the API takes no header).
  'whale-alert': {
    name: brand('Whale Alert'),
    baseUrl: 'https://api.whale-alert.io',
    auth: { keyEnv: 'WHALE_ALERT_API_KEY', queryParam: 'api_key' },
    pacing: { concurrency: 1, minIntervalMs: 0, windows: [{ requests: 10, ms: MINUTE }] },
    venueSeries: false,
    core: false,
    spotFallback: null,
  },
  // Hobbyist plan: 30 requests/min.
  coinglass: {
    name: brand('Coinglass'),
    baseUrl: 'https://open-api-v4.coinglass.com',
    auth: { keyEnv: 'COINGLASS_API_KEY', header: 'CG-API-KEY' },
    pacing: { concurrency: 2, minIntervalMs: 0, windows: [{ requests: 30, ms: MINUTE }] },
    venueSeries: false,
    core: false,
    spotFallback: null,
  },
} as const satisfies Record<ProviderId, ProviderDescriptor>;

/**
 * Names of the other ids a snapshot can carry in `provenance.provider`, `venue` or a gap's
 * `source`: venues we read through another provider, the liquidation streams and their
 * collector, publishers named in notes. Not fetched, so no descriptor.
 */
const OTHER_NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  coinbase: brand('Coinbase'),
  kraken: brand('Kraken'),
  bitmex: brand('BitMEX'),
  farside: brand('Farside Investors'),
  sosovalue: brand('SoSoValue'),
  cryptoquant: brand('CryptoQuant'),
  glassnode: brand('Glassnode'),
  'binance-stream': brand('Binance'),
  'okx-stream': brand('OKX'),
  'bybit-stream': brand('Bybit'),
  collector: { zh: '交易所强平推送', en: 'exchange liquidation feeds' },
};

export function isProviderId(id: string): id is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(id);
}

/** The name readers see for a provider, venue or stream id (case-insensitive); undefined when unknown. */
export function knownSourceName(id: string, lang: Lang): string | undefined {
  const key = id.toLowerCase();
  if (isProviderId(key)) return PROVIDERS[key].name[lang];
  return Object.hasOwn(OTHER_NAMES, key) ? OTHER_NAMES[key]![lang] : undefined;
}
