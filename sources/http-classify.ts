/**
 * How the HTTP client reads an outcome: a transport error (timeout, reset, refused, body too
 * large) or a response (status, headers, text) becomes either a parsed JSON body or a Problem
 * with a SourceError kind and whether a retry makes sense. Pure apart from reading axios' error
 * fields, so every rule here is unit-testable without a socket.
 */
import type { SourceErrorKind } from './errors.js';

export interface RawResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  text: string;
}

export interface Problem {
  kind: SourceErrorKind;
  status?: number;
  code?: string;
  detail: string;
  retryable: boolean;
}

export type Outcome = { ok: true; body: unknown } | { ok: false; problem: Problem };

/** A transport-level failure already classified; thrown inside the limiter, caught by the retry loop. */
export class TransportFailure extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'TransportFailure';
  }
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_NETWORK',
  'ECONNABORTED',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

export function classifyTransportError(error: unknown, deadlineFired: boolean, timeoutMs: number): Problem {
  // Our own deadline wins over whatever axios reports for the abort (CanceledError, "aborted").
  if (deadlineFired) return { kind: 'RequestTimeout', detail: `no complete response within ${timeoutMs} ms`, retryable: true };
  const record = (error ?? {}) as { code?: unknown; message?: unknown; cause?: { code?: unknown } };
  const code = typeof record.code === 'string' ? record.code : typeof record.cause?.code === 'string' ? record.cause.code : undefined;
  const message = typeof record.message === 'string' ? record.message : String(error);
  if (/maxContentLength/i.test(message)) return { kind: 'PayloadTooLarge', detail: message, retryable: false };
  if ((code && NETWORK_CODES.has(code)) || /socket hang up|aborted|network/i.test(message)) {
    return { kind: 'NetworkError', detail: code ? `${code}: ${message}` : message, retryable: true };
  }
  return { kind: 'NetworkError', detail: message, retryable: true };
}

/** Retry-After as a wait in ms: delta-seconds or an HTTP-date (relative to `now`). */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function looksLikeHtml(raw: RawResponse): boolean {
  return /text\/html/i.test(raw.headers['content-type'] ?? '') || /^\s*</.test(raw.text);
}

/** JSON.parse, or the parser's message. Never returns text for a body that is not JSON. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Provider error code and message from a JSON error body (`{"code":-1003,"msg":"…"}`). */
function bodyError(value: unknown): { code?: string; message?: string } {
  if (!value || typeof value !== 'object') return {};
  const record = value as Record<string, unknown>;
  const code = record.code ?? record.retCode;
  const message = record.msg ?? record.message ?? record.retMsg;
  return {
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}

export function classifyResponse(
  raw: RawResponse,
  rules: {
    banStatuses: readonly number[];
    envelope?: (body: unknown) => { kind: SourceErrorKind; code?: string; detail: string; retryable?: boolean } | undefined;
  },
): Outcome {
  const { status } = raw;
  const html = looksLikeHtml(raw);
  const parsed = html ? undefined : parseJson(raw.text);
  const value = parsed?.ok ? parsed.value : undefined;
  const envelope = value !== undefined && rules.envelope ? rules.envelope(value) : undefined;
  const fromBody = bodyError(value);
  const code = envelope?.code ?? fromBody.code;
  const snippet = html
    ? `HTML page instead of JSON: ${raw.text.slice(0, 300)}`
    : (envelope?.detail ?? fromBody.message ?? raw.text.slice(0, 300));
  const withCode = code !== undefined ? { code } : {};

  if (rules.banStatuses.includes(status)) {
    return { ok: false, problem: { kind: 'IpBanned', status, ...withCode, detail: snippet, retryable: false } };
  }
  if (status === 429) return { ok: false, problem: { kind: 'RateLimitExceeded', status, ...withCode, detail: snippet, retryable: true } };
  if (status >= 500) return { ok: false, problem: { kind: 'ExchangeNotAvailable', status, ...withCode, detail: snippet, retryable: true } };
  if (status >= 300 && status < 400) {
    const location = raw.headers.location ?? '(no location)';
    return { ok: false, problem: { kind: 'ExchangeNotAvailable', status, detail: `redirect to ${location} refused`, retryable: false } };
  }
  if (status >= 400) {
    // Refused access (auth, geo-block) stays that, whatever the body's own code says.
    if (status === 401 || status === 403 || status === 451)
      return { ok: false, problem: { kind: 'ExchangeNotAvailable', status, ...withCode, detail: snippet, retryable: false } };
    if (envelope)
      return {
        ok: false,
        problem: { kind: envelope.kind, status, ...withCode, detail: envelope.detail, retryable: envelope.retryable ?? false },
      };
    const kind: SourceErrorKind = status === 401 || status === 403 || status === 451 || html ? 'ExchangeNotAvailable' : 'BadResponse';
    return { ok: false, problem: { kind, status, ...withCode, detail: snippet, retryable: false } };
  }
  if (status < 200) return { ok: false, problem: { kind: 'BadResponse', status, detail: `unexpected status ${status}`, retryable: false } };
  // 2xx from here.
  if (html) return { ok: false, problem: { kind: 'ExchangeNotAvailable', status, detail: snippet, retryable: false } };
  if (raw.text.trim() === '') return { ok: false, problem: { kind: 'BadResponse', status, detail: 'empty body', retryable: false } };
  if (!parsed?.ok) {
    const message = parsed && !parsed.ok ? parsed.message : 'not JSON';
    return {
      ok: false,
      problem: { kind: 'BadResponse', status, detail: `invalid JSON (${raw.text.length} chars): ${message}`, retryable: false },
    };
  }
  if (envelope)
    return {
      ok: false,
      problem: { kind: envelope.kind, status, ...withCode, detail: envelope.detail, retryable: envelope.retryable ?? false },
    };
  return { ok: true, body: value };
}
