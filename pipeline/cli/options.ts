/**
 * Parsers for command-line values. Each rejects a bad value with a one-line message; commander
 * turns it into "error: option '--lang <list>' argument 'fr' is invalid. …" and exit 2.
 */
import { InvalidArgumentError } from 'commander';
import { UsageError } from '../../kernel/errors.js';

import { FORMATS, LANGS, type Format, type Lang } from '../../kernel/lang.js';

export { FORMATS, LANGS, type Format, type Lang };

export function listOf<T extends string>(allowed: readonly T[], what: string) {
  return (value: string): T[] => {
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (items.length === 0) throw new InvalidArgumentError(`expected a comma-separated list of ${what} (${allowed.join(', ')})`);
    for (const item of items) {
      if (!(allowed as readonly string[]).includes(item)) {
        throw new InvalidArgumentError(`unknown ${what} '${item}'; expected ${allowed.join(', ')}`);
      }
    }
    return [...new Set(items)] as T[];
  };
}

/** A calendar date YYYY-MM-DD that exists (no path tricks: the value becomes a file name). */
export function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new InvalidArgumentError(`${value} is not a calendar date`);
  }
  return value;
}

/** `--as-of`: only "now" (a part-day brief of the day in progress). */
export function parseAsOf(value: string): 'now' {
  if (value !== 'now') throw new InvalidArgumentError('the only value is "now" (a brief of the day so far)');
  return value;
}

export function parseAssets(value: string): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim().normalize('NFKC').toUpperCase())
    .filter(Boolean);
  if (items.length === 0) throw new InvalidArgumentError('expected a comma-separated list of tickers such as BTC,ETH');
  for (const item of items) {
    if (!/^[A-Z][A-Z0-9]{1,9}$/.test(item)) throw new InvalidArgumentError(`'${item}' is not a ticker such as BTC`);
  }
  return [...new Set(items)];
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number 0–65535');
  return port;
}

/** The snapshot given as the argument or as --snapshot (one of them, or both the same). */
export function snapshotArgument(positional: string | undefined, flag: string | undefined, verb: string): string {
  if (positional !== undefined && flag !== undefined && positional !== flag) {
    throw new UsageError(`two snapshots given (${positional} and --snapshot ${flag}); give one`);
  }
  const file = positional ?? flag;
  if (file === undefined) throw new UsageError(`which snapshot? e.g. brief ${verb} snapshots/2024-01-04.json`);
  return file;
}

/** Refuses a range whose start is after its end (it would select nothing and look like success). */
export function assertOrderedRange(from: string | undefined, to: string | undefined, names = ['--from', '--to']): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw new UsageError(`${names[0]} ${from} is after ${names[1]} ${to}; nothing would be selected (swap them?)`);
  }
}
