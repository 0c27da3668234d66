/**
 * Step 2 of `brief fetch`: every registered source (or the `only` ones) in parallel, each with
 * its own limiter and HTTP client built from the source's documented limits (pacing.ts), the configuration
 * (`providers.<id>`: baseUrl, enabled, concurrency, minIntervalMs, timeoutMs) and the
 * environment (`BRIEF_<PROVIDER>_URL`, API keys). Keyed sources without a key, and disabled
 * ones, become 'not-configured' gaps without a request.
 */
import { resolveBaseUrl } from '../../kernel/config.js';
import type { BanRegistry } from '../../sources/index.js';
import { DEFAULT_HTTP, createProviderHttp, type HttpEffects } from '../../sources/index.js';
import { createSources } from '../../sources/index.js';
import { createOkxSpotFallback } from '../../sources/index.js';
import { createLimiter } from '../../sources/index.js';
import type { Source, SourceRequest, SourceResult } from '../../sources/index.js';
import { PROVIDERS } from '../../kernel/providers.js';
import type { AxiosInstance } from 'axios';

export interface SourceRunOptions {
  request: SourceRequest;
  effects: HttpEffects & { env: Record<string, string | undefined>; axios?: AxiosInstance };
  bans: BanRegistry;
  record?: string;
  replay?: string;
  /** Run only these provider ids (tests, partial refreshes). */
  only?: readonly string[];
  /** Wall-clock end of the fetch phase (Date.now() ms). */
  budgetEnd?: number;
}

export async function fetchSources(options: SourceRunOptions): Promise<SourceResult[]> {
  const sources = createSources().filter((source) => !options.only || options.only.includes(source.id));
  return Promise.all(sources.map((source) => runSource(source, options)));
}

/**
 * OKX spot candles for the assets whose Binance spot series (daily or hourly) did not arrive:
 * Binance refuses some regions (451), and the price is the brief's core.
 */
export async function fetchSpotFallback(options: SourceRunOptions, assets: readonly string[]): Promise<SourceResult> {
  if (assets.length === 0) return { parts: {}, gaps: [] };
  return runSource(createOkxSpotFallback(), { ...options, request: { ...options.request, assets } });
}

export async function runSource(source: Source, run: SourceRunOptions): Promise<SourceResult> {
  const { effects } = run;
  const { config } = run.request;
  const providerConfig = config.providers[source.id];
  if (providerConfig?.enabled === false) {
    return {
      parts: {},
      gaps: source.families.map((family) => ({
        family,
        source: source.id,
        kind: 'not-configured',
        reason: `${source.id} is disabled in the configuration`,
      })),
    };
  }
  // Base URL, key and pacing: the provider's descriptor (kernel/providers.ts).
  const descriptor = PROVIDERS[source.id];
  const auth = descriptor.auth;
  const apiKey = auth ? effects.env[auth.keyEnv]?.trim() || undefined : undefined;
  if (auth && !apiKey) {
    return {
      parts: {},
      gaps: source.families.map((family) => ({
        family,
        source: source.id,
        kind: 'not-configured',
        reason: `${source.id}: no API key (set ${auth.keyEnv} to use it)`,
      })),
    };
  }
  const { weightBudget, ...httpSettings } = source.http;
  // A spacing from the configuration replaces the documented pacing, windows included.
  const { pacing } = descriptor;
  const windows = providerConfig?.minIntervalMs === undefined ? pacing.windows : [];
  const limiter = createLimiter(
    {
      concurrency: providerConfig?.concurrency ?? pacing.concurrency,
      minIntervalMs: providerConfig?.minIntervalMs ?? pacing.minIntervalMs,
      ...(windows.length ? { windows } : {}),
      ...(weightBudget ? { weightBudget } : {}),
      maxQueue: 1000,
    },
    effects,
  );
  // A key sent as a header goes here; one sent in the query is the source's parameter (a secret either way).
  const headers = { ...httpSettings.headers, ...(auth && 'header' in auth && apiKey ? { [auth.header]: apiKey } : {}) };
  const http = createProviderHttp(
    {
      ...DEFAULT_HTTP,
      ...httpSettings,
      ...(providerConfig?.timeoutMs ? { timeoutMs: providerConfig.timeoutMs } : {}),
      id: source.id,
      baseUrl: resolveBaseUrl(config, source.id, descriptor.baseUrl, effects.env as NodeJS.ProcessEnv),
      headers,
      secrets: apiKey ? [apiKey] : [],
      limiter,
    },
    {
      effects,
      bans: run.bans,
      ...(effects.axios ? { axios: effects.axios } : {}),
      ...(run.record ? { recordDir: run.record } : {}),
      ...(run.replay ? { replayDir: run.replay } : {}),
      ...(run.budgetEnd !== undefined ? { budgetEnd: run.budgetEnd } : {}),
    },
  );
  return source.fetch({ http, request: run.request, log: effects.log, ...(apiKey ? { apiKey } : {}) });
}
