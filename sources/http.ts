/**
 * The one HTTP client every provider goes through.
 *
 * - axios with `responseType: 'text'` and an identity transform: JSON is parsed here, strictly,
 *   so a truncated body or an HTML page is an error and never a string (axios' silent JSON
 *   parsing would hand back the text).
 * - A deadline per attempt (AbortController) that covers headers and the whole body, so a body
 *   trickling in is cut at the deadline; `maxContentLength` caps the body; `maxRedirects: 0`.
 * - Retries with exponential backoff and jitter on network errors, timeouts and 5xx;
 *   `Retry-After` honoured on 429 (a wait beyond the run budget fails fast); no retry on other
 *   4xx; a ban status (Binance 418, Blockchair 430) stops every call to that provider.
 * - Errors inside a 200 body (OKX `code`, Deribit `error`, …) come from the provider's
 *   `envelope` check and are errors, never "empty data".
 * - Waits use the injected clock and sleep; the deadline uses real timers (real sockets).
 */
import axios, { type AxiosInstance } from 'axios';
import type { BanRegistry } from './bans.js';
import { SourceError, sanitizeDetail, type SourceErrorKind } from './errors.js';
import type { Limiter } from './limiter.js';
import { LimiterOverflowError } from './limiter.js';
import { loadRecording, requestKey, saveRecording } from './recording.js';
import {
  TransportFailure,
  classifyResponse,
  classifyTransportError,
  parseRetryAfter,
  type Problem,
  type RawResponse,
} from './http-classify.js';

export interface HttpEffects {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
  log(line: string): void;
}

export interface EnvelopeProblem {
  kind: SourceErrorKind;
  code?: string;
  detail: string;
  retryable?: boolean;
}

export interface ProviderHttpSpec {
  id: string;
  baseUrl: string;
  /** Deadline per attempt covering headers and body, ms. */
  timeoutMs: number;
  maxAttempts: number;
  maxBodyBytes: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** A Retry-After longer than this fails fast instead of waiting. */
  maxRetryAfterMs: number;
  /** Statuses that mean "this IP is banned" (418 Binance, 430 Blockchair). */
  banStatuses: readonly number[];
  headers?: Record<string, string>;
  /** Secret values (API keys) scrubbed from messages and recordings. */
  secrets?: readonly string[];
  /** Query parameters that carry secrets: sent, but never shown, logged or recorded. */
  secretParams?: readonly string[];
  limiter: Limiter;
  /** Finds an error inside a parsed body (any status). */
  envelope?: (body: unknown) => EnvelopeProblem | undefined;
}

export interface HttpContext {
  effects: HttpEffects;
  bans: BanRegistry;
  axios?: AxiosInstance;
  /** Save every successful raw response here. */
  recordDir?: string;
  /** Serve responses from here instead of the network. */
  replayDir?: string;
  /**
   * The fetch phase's wall-clock end (Date.now() ms): no attempt starts after it and none runs
   * past it, so a run with every provider hanging still ends on time.
   */
  budgetEnd?: number;
}

export interface JsonResponse {
  body: unknown;
  status: number;
  /** When the body was received, ms UTC (injected clock). */
  fetchedAt: number;
  /** `GET /path?query` without secret parameters. */
  endpoint: string;
}

export interface ProviderHttp {
  readonly id: string;
  readonly method: 'fetched' | 'replayed';
  getJson(path: string, query?: Record<string, string | number | undefined>, options?: { weight?: number }): Promise<JsonResponse>;
}

export const DEFAULT_HTTP: Omit<ProviderHttpSpec, 'id' | 'baseUrl' | 'limiter'> = {
  timeoutMs: 15_000,
  maxAttempts: 3,
  maxBodyBytes: 8 * 1024 * 1024,
  backoffBaseMs: 500,
  backoffCapMs: 8_000,
  maxRetryAfterMs: 60_000,
  banStatuses: [],
};

export function createProviderHttp(spec: ProviderHttpSpec, context: HttpContext): ProviderHttp {
  const client = context.axios ?? axios.create();
  const { effects } = context;
  const secrets = spec.secrets ?? [];

  async function sendOnce(url: string): Promise<RawResponse> {
    const controller = new AbortController();
    const remaining = context.budgetEnd === undefined ? spec.timeoutMs : context.budgetEnd - Date.now();
    if (remaining <= 0)
      throw new TransportFailure({ kind: 'RequestTimeout', detail: 'not sent: the fetch phase ran out of time', retryable: false });
    const timeoutMs = Math.min(spec.timeoutMs, remaining);
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await client.request<string>({
        url,
        method: 'GET',
        headers: { Accept: 'application/json', ...spec.headers },
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
        maxContentLength: spec.maxBodyBytes,
        maxBodyLength: spec.maxBodyBytes,
        maxRedirects: 0,
        validateStatus: () => true,
        signal: controller.signal,
        proxy: false,
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
      }
      return { status: response.status, headers, text: typeof response.data === 'string' ? response.data : '' };
    } catch (error) {
      throw new TransportFailure(classifyTransportError(error, controller.signal.aborted, timeoutMs));
    } finally {
      clearTimeout(timer);
    }
  }

  async function send(key: string, url: string): Promise<RawResponse> {
    if (!context.replayDir) return sendOnce(url);
    const recorded = await loadRecording(context.replayDir, spec.id, key);
    if (!recorded) throw new TransportFailure({ kind: 'NetworkError', detail: `no recording for ${key}`, retryable: false });
    return { status: recorded.status, headers: { 'content-type': recorded.contentType }, text: recorded.body };
  }

  function backoff(attempt: number): number {
    const ceiling = Math.min(spec.backoffCapMs, spec.backoffBaseMs * 2 ** (attempt - 1));
    // "Equal jitter": half fixed, half random, so waits grow but never line up across clients.
    return Math.round(ceiling / 2 + effects.random() * (ceiling / 2));
  }

  return {
    id: spec.id,
    method: context.replayDir ? 'replayed' : 'fetched',
    async getJson(path, query = {}, options = {}) {
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(query)) if (value !== undefined) params[name] = String(value);
      const key = requestKey(path, params, spec.secretParams);
      // Errors name the path only (readable, and never a query secret); the key keeps the query.
      const endpoint = `GET ${path}`;
      const search = new URLSearchParams(params).toString();
      const url = `${spec.baseUrl.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
      const fail = (init: Omit<ConstructorParameters<typeof SourceError>[0], 'source' | 'endpoint'>): SourceError =>
        new SourceError({ source: spec.id, endpoint, ...init }, secrets);

      const bannedProblem = (): Problem | undefined => {
        const bannedUntil = context.bans.bannedUntil(spec.id, effects.now());
        if (bannedUntil === undefined) return undefined;
        const until = Number.isFinite(bannedUntil) ? new Date(bannedUntil).toISOString() : 'the end of this run';
        return { kind: 'IpBanned', detail: `not called: ${spec.id} banned this IP until ${until}`, retryable: false };
      };

      for (let attempt = 1; ; attempt += 1) {
        let raw: RawResponse | undefined;
        let problem: Problem;
        try {
          const response = await spec.limiter.schedule(() => {
            // Checked when the slot comes up, so requests queued before a ban are not sent either.
            const banned = bannedProblem();
            return banned ? Promise.reject(new TransportFailure(banned)) : send(key, url);
          }, options.weight ?? 1);
          raw = response;
          const usedWeight = response.headers['x-mbx-used-weight-1m'];
          if (usedWeight !== undefined) spec.limiter.reportUsedWeight(Number(usedWeight));
          const outcome = classifyResponse(response, spec);
          if (outcome.ok) {
            const fetchedAt = effects.now();
            if (context.recordDir && !context.replayDir) {
              const recorded = {
                provider: spec.id,
                request: key,
                status: response.status,
                contentType: response.headers['content-type'] ?? '',
                body: response.text,
              };
              await saveRecording(context.recordDir, recorded, secrets);
            }
            return { body: outcome.body, status: response.status, fetchedAt, endpoint: key };
          }
          problem = outcome.problem;
        } catch (error) {
          if (error instanceof LimiterOverflowError) throw fail({ kind: 'RateLimitExceeded', attempt, detail: error.message });
          if (!(error instanceof TransportFailure)) throw error;
          problem = error.problem;
        }
        const { kind, status, code, detail, retryable } = problem;
        if (kind === 'IpBanned' && raw && spec.banStatuses.includes(raw.status)) {
          const retryAfter = parseRetryAfter(raw.headers['retry-after'], effects.now());
          await context.bans.ban(spec.id, retryAfter === undefined ? Number.POSITIVE_INFINITY : effects.now() + retryAfter, effects.now());
        }
        const retryAfterMs = kind === 'RateLimitExceeded' && raw ? parseRetryAfter(raw.headers['retry-after'], effects.now()) : undefined;
        const base = { kind, attempt, maxAttempts: spec.maxAttempts, detail } as const;
        const extra = {
          ...(status !== undefined ? { status } : {}),
          ...(code !== undefined ? { code } : {}),
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        };
        if (!retryable || attempt >= spec.maxAttempts) {
          throw fail({
            ...base,
            ...extra,
            retryable: false,
            detail: attempt > 1 ? `${base.detail} (gave up after ${attempt} attempts)` : base.detail,
          });
        }
        if (retryAfterMs !== undefined && retryAfterMs > spec.maxRetryAfterMs) {
          throw fail({
            ...base,
            ...extra,
            retryable: false,
            detail: `Retry-After ${Math.round(retryAfterMs / 1000)}s exceeds the run budget of ${Math.round(spec.maxRetryAfterMs / 1000)}s`,
          });
        }
        const wait = Math.max(retryAfterMs ?? 0, backoff(attempt));
        if (context.budgetEnd !== undefined && Date.now() + wait >= context.budgetEnd) {
          throw fail({ ...base, ...extra, retryable: false, detail: `${base.detail} (no time left in the fetch phase to retry)` });
        }
        const error = fail({ ...base, ...extra, retryable: true });
        // Several requests share a path (Deribit DVOL daily and hourly): the query tells their retries apart.
        const query = key.includes('?') ? ` (${sanitizeDetail(key.slice(key.indexOf('?')), secrets)})` : '';
        effects.log(`${error.message}; retrying in ${wait} ms${query}`);
        await effects.sleep(wait);
      }
    },
  };
}
