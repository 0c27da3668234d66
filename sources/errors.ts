/**
 * SourceError: the one shape every provider failure takes (reliability.md §2.1).
 *
 * A source failure is not a validation failure of the user's input and not a bug: the fetch
 * orchestration turns it into a `gap` in the snapshot and carries on with the other providers.
 * Messages name the provider, the endpoint (never with a secret), the kind and, for schema
 * problems, the field path:
 *   `binance GET /api/v3/klines RateLimitExceeded 429 attempt 2/3 (Retry-After 2s)`
 *   `okx.fundingRate[0].fundingRate: expected decimal string, got ""`
 */

export const SOURCE_ERROR_KINDS = [
  'RequestTimeout',
  'NetworkError',
  'RateLimitExceeded',
  'IpBanned',
  'ExchangeNotAvailable',
  'BadResponse',
  'SchemaViolation',
  'Stale',
  'Implausible',
  'PayloadTooLarge',
] as const;
export type SourceErrorKind = (typeof SOURCE_ERROR_KINDS)[number];

/** Longest detail kept; longer text (an HTML page, a long exchange message) is cut. */
export const MAX_DETAIL_CHARS = 200;

export interface SourceErrorInit {
  source: string;
  /** `GET /path` without query secrets. */
  endpoint: string;
  kind: SourceErrorKind;
  status?: number;
  /** The provider's own error code (Binance -1003, OKX "50011", Deribit 10028 …), as a string. */
  code?: string;
  /** 1-based attempt that produced this error, and how many were allowed. */
  attempt?: number;
  maxAttempts?: number;
  retryable?: boolean;
  /** For SchemaViolation: `okx.fundingRate[0].fundingRate`. */
  fieldPath?: string;
  detail?: string;
  /** Requested wait before the next attempt, ms (Retry-After or backoff), for the message. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class SourceError extends Error {
  readonly source: string;
  readonly endpoint: string;
  readonly kind: SourceErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly retryable: boolean;
  readonly fieldPath?: string;
  /** Sanitised (control characters, markup and secrets removed) and at most 200 characters. */
  readonly detail: string;
  readonly retryAfterMs?: number;
  /** Always true: the detail went through sanitizeDetail. */
  readonly sanitized = true;

  constructor(init: SourceErrorInit, secrets: readonly string[] = []) {
    const detail = sanitizeDetail(init.detail ?? '', secrets);
    super(formatSourceErrorMessage({ ...init, detail }), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'SourceError';
    this.source = init.source;
    this.endpoint = sanitizeDetail(init.endpoint, secrets);
    this.kind = init.kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    this.attempt = init.attempt ?? 1;
    this.maxAttempts = init.maxAttempts ?? this.attempt;
    this.retryable = init.retryable ?? false;
    if (init.fieldPath !== undefined) this.fieldPath = init.fieldPath;
    this.detail = detail;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** A copy with another attempt number and retry flag (the HTTP client stamps its attempts). */
  withAttempt(attempt: number, maxAttempts: number, retryable: boolean): SourceError {
    return new SourceError({ ...this.init(), attempt, maxAttempts, retryable });
  }

  /** The fields as a plain object (for logs and tests). */
  init(): SourceErrorInit {
    const out: SourceErrorInit = {
      source: this.source,
      endpoint: this.endpoint,
      kind: this.kind,
      attempt: this.attempt,
      maxAttempts: this.maxAttempts,
      retryable: this.retryable,
      detail: this.detail,
    };
    if (this.status !== undefined) out.status = this.status;
    if (this.code !== undefined) out.code = this.code;
    if (this.fieldPath !== undefined) out.fieldPath = this.fieldPath;
    if (this.retryAfterMs !== undefined) out.retryAfterMs = this.retryAfterMs;
    return out;
  }
}

export function isSourceError(error: unknown): error is SourceError {
  return error instanceof SourceError;
}

export function formatSourceErrorMessage(init: SourceErrorInit): string {
  if (init.kind === 'SchemaViolation' && init.fieldPath) {
    return `${init.fieldPath}: ${init.detail ?? 'invalid'} (${init.source} ${init.endpoint} SchemaViolation)`;
  }
  const parts = [init.source, init.endpoint, init.kind];
  if (init.status !== undefined) parts.push(String(init.status));
  if (init.code !== undefined) parts.push(`code ${init.code}`);
  if (init.attempt !== undefined) parts.push(`attempt ${init.attempt}/${init.maxAttempts ?? init.attempt}`);
  let message = parts.join(' ');
  if (init.retryAfterMs !== undefined) message += ` (Retry-After ${formatSeconds(init.retryAfterMs)})`;
  if (init.detail) message += `: ${init.detail}`;
  return message;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`;
}

/**
 * Makes text from a response safe to log and to show in a brief's gap list: secrets replaced,
 * HTML tags dropped, control and bidi characters removed, whitespace collapsed, cut to 200 chars.
 */
export function sanitizeDetail(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('***');
  }
  out = out
    .replace(/<[^>]*>/g, ' ')
    // C0/C1 controls, zero-width and bidi formatting characters.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (out.length > MAX_DETAIL_CHARS) out = `${out.slice(0, MAX_DETAIL_CHARS - 1)}…`;
  return out;
}
