/**
 * zod building blocks for provider responses, and `parseWith`, which validates a raw response
 * and turns the first problem into a SchemaViolation naming the field.
 *
 * Providers send numbers as strings (Binance, OKX, Bybit) or as numbers (Deribit, Coinglass),
 * sometimes both for one field across versions (CONTRACTS.md §0.1). `decimal` accepts either,
 * explicitly: no `z.coerce`, so `""`, `null`, `"NaN"`, `"Infinity"`, `1e309` (parsed by JSON as
 * Infinity) and booleans are rejected instead of silently becoming 0 or NaN.
 */
import { z } from 'zod';
import { formatPath } from '../kernel/errors.js';
import { SourceError } from './errors.js';

const DECIMAL_TEXT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** What the value looked like, for messages: `""`, `null`, `"abc"`, `nothing` (missing field). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (missing field)';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A finite number from a decimal string or a JSON number, or undefined. */
export function toDecimal(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && DECIMAL_TEXT.test(value)) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** A required finite decimal, given as string or number. `-0` becomes 0. */
export const decimal = z.unknown().transform((value, ctx): number => {
  const parsed = toDecimal(value);
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: `expected decimal string, got ${describeValue(value)}` });
    return z.NEVER;
  }
  return parsed === 0 ? 0 : parsed;
});

/** A decimal where the provider sends `""` for "not applicable" (CONTRACTS.md §0.4): `""` → null, never 0. */
export const decimalOrEmpty = z.unknown().transform((value, ctx): number | null => {
  if (value === '') return null;
  const parsed = toDecimal(value);
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: `expected decimal string or "", got ${describeValue(value)}` });
    return z.NEVER;
  }
  return parsed === 0 ? 0 : parsed;
});

/** A decimal that must be > 0 (prices). */
export const positiveDecimal = decimal.refine((n) => n > 0, { message: 'expected a positive decimal' });

/** A decimal that must be ≥ 0 (volumes, open interest). */
export const nonNegativeDecimal = decimal.refine((n) => n >= 0, { message: 'expected a non-negative decimal' });

/** A positive decimal or null (Yahoo sends null for halted sessions); `""` and NaN are still rejected. */
export const positiveDecimalOrNull = z.unknown().transform((value, ctx): number | null => {
  if (value === null) return null;
  const parsed = toDecimal(value);
  if (parsed === undefined || !(parsed > 0)) {
    ctx.addIssue({ code: 'custom', message: `expected positive decimal or null, got ${describeValue(value)}` });
    return z.NEVER;
  }
  return parsed;
});

/** A non-negative decimal or null. */
export const nonNegativeDecimalOrNull = z.unknown().transform((value, ctx): number | null => {
  if (value === null) return null;
  const parsed = toDecimal(value);
  if (parsed === undefined || parsed < 0) {
    ctx.addIssue({ code: 'custom', message: `expected non-negative decimal or null, got ${describeValue(value)}` });
    return z.NEVER;
  }
  return parsed === 0 ? 0 : parsed;
});

/** A count: a non-negative integer, as a JSON number or an integer string. */
export const count = z.unknown().transform((value, ctx): number => {
  const parsed = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isSafeInteger(parsed) || parsed < 0) {
    ctx.addIssue({ code: 'custom', message: `expected a non-negative integer, got ${describeValue(value)}` });
    return z.NEVER;
  }
  return parsed;
});

/** Milliseconds since the epoch, as a JSON integer or an integer string (OKX, Bybit). */
export const epochMillis = z.unknown().transform((value, ctx): number => {
  const parsed = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isSafeInteger(parsed) || parsed < 0) {
    ctx.addIssue({ code: 'custom', message: `expected epoch milliseconds, got ${describeValue(value)}` });
    return z.NEVER;
  }
  return parsed;
});

/** Seconds since the epoch as a JSON integer (Yahoo, Whale Alert). */
export const epochSeconds = z.number().int().nonnegative();

export interface ParseContext {
  source: string;
  endpoint: string;
  /** Root of field paths in messages, e.g. `binance.klines[BTCUSDT 1d]`. */
  label: string;
}

/**
 * Validates `raw` with `schema`. On failure throws a SchemaViolation whose fieldPath is the first
 * issue's path under `label` and whose detail is that issue (plus how many more there were).
 */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown, context: ParseContext): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const [first] = result.error.issues;
  const fieldPath = formatPath(context.label, first?.path ?? []);
  const more = result.error.issues.length > 1 ? ` (+${result.error.issues.length - 1} more issues)` : '';
  throw new SourceError({
    source: context.source,
    endpoint: context.endpoint,
    kind: 'SchemaViolation',
    fieldPath,
    detail: `${first?.message ?? 'invalid'}${more}`,
  });
}

/** A SchemaViolation raised by a parse function for a rule zod cannot express (conflicting duplicates …). */
export function schemaViolation(context: ParseContext, path: string, detail: string): SourceError {
  return new SourceError({
    source: context.source,
    endpoint: context.endpoint,
    kind: 'SchemaViolation',
    fieldPath: `${context.label}${path}`,
    detail,
  });
}

/**
 * Every row must be for the symbol or contract asked for: a response for another one (a proxy's
 * cache mix-up, a renamed contract) is refused naming the first stray row, never filed under the
 * wrong asset. `expected` undefined skips the check (callers that asked for no symbol).
 */
export function assertRowsFor<T>(
  rows: readonly T[],
  symbolOf: (row: T) => string,
  expected: string | undefined,
  context: ParseContext,
  path: (index: number) => string,
): void {
  if (expected === undefined) return;
  const index = rows.findIndex((row) => symbolOf(row).toUpperCase() !== expected.toUpperCase());
  if (index >= 0)
    throw schemaViolation(context, path(index), `expected ${expected}, got ${JSON.stringify(symbolOf(rows[index]!)).slice(0, 30)}`);
}
