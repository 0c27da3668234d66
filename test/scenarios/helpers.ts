/**
 * Shared measurements for the scenario tests: sums over windows, series lookup, medians.
 * (The window statistics themselves come from the builder's checks module, which is small
 * and tested here through the figures.)
 */
import type { Candle, PriceSeries, Snapshot } from '../../kernel/snapshot/index.js';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export const at = (iso: string): number => Date.parse(iso);

export function series(list: readonly PriceSeries[], venue: string, symbol: string, interval: '1h' | '1d'): PriceSeries {
  const found = list.find((s) => s.venue === venue && s.symbol === symbol && s.interval === interval);
  if (!found) throw new Error(`no ${venue} ${symbol} ${interval}`);
  return found;
}

export function spot(s: Snapshot, asset: string, interval: '1h' | '1d'): Candle[] {
  const found = s.prices.find((p) => p.asset === asset && p.interval === interval);
  if (!found) throw new Error(`no ${asset} ${interval} spot`);
  return found.candles;
}

export function sumBetween(candles: readonly Candle[], from: number, to: number, key: 'v' | 'qv'): number {
  return candles.filter((c) => c.t >= from && c.t < to).reduce((s, c) => s + (c[key] ?? 0), 0);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[mid]!;
}

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}
