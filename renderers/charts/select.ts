/**
 * Choosing what a chart shows from a snapshot and its findings: the primary asset, the hourly
 * series for the brief's window, findings of a kind, and the window's hour slots.
 */
import type { Findings, FindingKind, FindingOf } from '../../pipeline/analysis/index.js';
import type { PriceSeries, Snapshot } from '../../kernel/snapshot/index.js';
import { wallClockHHMM } from './time.js';
import { HOUR_MS } from '../../kernel/time.js';

/** The asset the brief leads with: the snapshot's first asset (BTC in the default config). */
export function primaryAsset(snapshot: Snapshot): string {
  const asset = snapshot.assets[0];
  if (!asset) throw new RangeError('snapshot lists no assets');
  return asset;
}

/**
 * The hourly price series for `asset`: spot before perpetual, Binance before other venues,
 * and only one that has candles in the window.
 */
export function hourlySeries(snapshot: Snapshot, asset: string): PriceSeries | undefined {
  const candidates = [...snapshot.prices, ...snapshot.perpetuals].filter(
    (s) => s.asset === asset && s.interval === '1h' && s.candles.some((c) => inWindow(c.t, snapshot.window)),
  );
  const rank = (s: PriceSeries): number => (s.market === 'spot' ? 0 : 2) + (s.venue.toLowerCase().startsWith('binance') ? 0 : 1);
  return candidates.sort((a, b) => rank(a) - rank(b))[0];
}

export function inWindow(t: number, window: { start: number; end: number }): boolean {
  return t >= window.start && t < window.end;
}

/** Findings of one kind, in the findings' order (highest importance first), optionally for one asset. */
export function findingsOfKind<K extends FindingKind>(findings: Findings, kind: K, asset?: string): FindingOf<K>[] {
  return findings.findings.filter(
    (f): f is FindingOf<K> => f.kind === kind && (asset === undefined || !('asset' in f) || f.asset === asset),
  );
}

export interface HourSlot {
  /** Slot start, ms UTC. */
  start: number;
  /** Position in the window, 0-based, for sorting. */
  index: number;
  /** Wall-clock hour in the brief's zone, `00`–`23`; a repeated hour (DST fall-back) gets a prime. */
  label: string;
}

/** The window's one-hour slots with wall-clock labels (24 on an ordinary day). */
export function hourSlots(window: { start: number; end: number }, timeZone: string): HourSlot[] {
  const slots: HourSlot[] = [];
  const seen = new Set<string>();
  for (let start = window.start, index = 0; start < window.end; start += HOUR_MS, index++) {
    let label = wallClockHHMM(start, timeZone).slice(0, 2);
    while (seen.has(label)) label += '′';
    seen.add(label);
    slots.push({ start, index, label });
  }
  return slots;
}

/** Index of the slot holding `t`, or −1 outside the window. */
export function slotIndex(window: { start: number; end: number }, t: number): number {
  return inWindow(t, window) ? Math.floor((t - window.start) / HOUR_MS) : -1;
}

/** Hourly label tick positions: every `stepHours` from the window start, as ms UTC. */
export function hourTicks(window: { start: number; end: number }, stepHours: number): number[] {
  const ticks: number[] = [];
  for (let t = window.start; t <= window.end; t += stepHours * HOUR_MS) ticks.push(t);
  return ticks;
}

export { HOUR_MS };
