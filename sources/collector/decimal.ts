/**
 * zod schemas for the numbers in exchange frames. Exchanges send decimals as strings (and
 * sometimes as numbers); both are accepted, but an empty string, "NaN", "Infinity", "1e309"
 * or anything that is not a plain decimal is rejected, never turned into 0 (CONTRACTS.md §0).
 */
import { z } from 'zod';

const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A finite decimal given as a string or a number. */
export const decimal = z.union([z.number(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value; // z.number() already rejects NaN and ±Infinity
  if (!DECIMAL.test(value)) {
    ctx.addIssue({ code: 'custom', message: `expected a decimal string, got ${JSON.stringify(value.slice(0, 40))}` });
    return z.NEVER;
  }
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) {
    ctx.addIssue({ code: 'custom', message: `decimal out of range: ${JSON.stringify(value.slice(0, 40))}` });
    return z.NEVER;
  }
  return parsed;
});

/** A decimal > 0 (prices, sizes). */
export const positiveDecimal = decimal.pipe(z.number().positive());

/** Epoch milliseconds as a number or a string of digits (OKX sends strings). */
export const epochMsField = z
  .union([z.number(), z.string().regex(/^\d{1,16}$/, 'expected epoch milliseconds as digits')])
  .transform((value) => Number(value))
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

/** A non-empty string (an empty symbol or side is malformed, not "unknown"). */
export const nonEmpty = z.string().min(1);
