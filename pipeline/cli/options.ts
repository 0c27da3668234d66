/**
 * Parsers for command-line values. Each rejects a bad value with a one-line message; commander
 * turns it into "error: option '--lang <list>' argument 'fr' is invalid. …" and exit 2.
 */
import { InvalidArgumentError } from 'commander';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const FORMATS = ['md', 'html', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

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
