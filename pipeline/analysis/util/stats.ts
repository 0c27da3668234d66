/**
 * Small numeric helpers. None of them can return NaN or ±Infinity: where a result would be
 * undefined (empty input, zero denominator) they return `undefined`, and callers omit the field
 * or suppress the finding.
 */

/** Finite number guard (rejects NaN and ±Infinity). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Sum of the values (0 for none). */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Arithmetic mean, or undefined for no values. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return sum(values) / values.length;
}

/** Median (mean of the middle two for an even count), or undefined for no values. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid];
  const lo = sorted[mid - 1];
  const hi = sorted[mid];
  return lo === undefined || hi === undefined ? undefined : (lo + hi) / 2;
}

/** numerator / denominator, or undefined when the denominator is 0 or the result is not finite. */
export function safeRatio(numerator: number, denominator: number): number | undefined {
  if (denominator === 0) return undefined;
  const r = numerator / denominator;
  return Number.isFinite(r) ? r : undefined;
}

/** now / before − 1 (a fraction), or undefined when `before` is 0. */
export function changeFraction(now: number, before: number): number | undefined {
  const r = safeRatio(now, before);
  return r === undefined ? undefined : r - 1;
}

/** Minimum and maximum of the values, or undefined for none. */
export function range(values: readonly number[]): { low: number; high: number } | undefined {
  if (values.length === 0) return undefined;
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return { low, high };
}

/** Clamp into [lo, hi]. */
export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/**
 * Round to `digits` decimals, removing binary noise (0.1 + 0.2 → 0.3) so that findings are
 * byte-stable across runs and platforms. Turns −0 into 0.
 */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}

/** Round to `significant` significant digits (for ratios and fractions). Turns −0 into 0. */
export function roundSignificant(value: number, significant = 10): number {
  if (value === 0 || !Number.isFinite(value)) return 0;
  const r = Number(value.toPrecision(significant));
  return r === 0 ? 0 : r;
}
