/**
 * Series hygiene shared by the providers (reliability F17): rows sorted ascending by time,
 * exact duplicates dropped (pagination overlaps), two different rows for one time rejected as a
 * conflict, and only rows inside the requested range kept.
 */
import { schemaViolation, type ParseContext } from './validate.js';

/** Sorted ascending by `key`, exact duplicates removed; conflicting duplicates throw SchemaViolation. */
export function normalizeSeries<T extends object>(rows: readonly T[], key: (row: T) => number, context: ParseContext): T[] {
  const byKey = new Map<number, T>();
  for (const row of rows) {
    const k = key(row);
    const existing = byKey.get(k);
    if (existing === undefined) byKey.set(k, row);
    else if (JSON.stringify(existing) !== JSON.stringify(row)) {
      throw schemaViolation(context, `[t=${k}]`, `two different rows for the same time ${new Date(k).toISOString()}`);
    }
  }
  return [...byKey.values()].sort((a, b) => key(a) - key(b));
}

/** Rows with `start ≤ key < end`. */
export function inRange<T>(rows: readonly T[], key: (row: T) => number, start: number, end: number): T[] {
  return rows.filter((row) => key(row) >= start && key(row) < end);
}
