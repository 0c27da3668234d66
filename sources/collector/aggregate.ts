/**
 * `brief fetch`'s side of the collector: the day files overlapping a window → liquidation
 * totals per asset and the individual orders, in the snapshot's types. The streams sample
 * (Binance and OKX push at most one liquidation per symbol per second) and the collector may
 * not have run the whole window, so every figure is a lower bound: coverage 'lower-bound'.
 */
import { join } from 'node:path';
import type { LiquidationOrder, LiquidationTotals, Provenance } from '../../kernel/snapshot/index.js';
import { readDayFile } from './day-file.js';
import { EXCHANGES, dayFileName, utcDay, type CollectedEvent, type Exchange } from './event.js';
import { DAY_MS } from '../../kernel/time.js';

export interface CollectedLiquidations {
  totals: LiquidationTotals[];
  orders: { source: 'collector'; coverage: 'lower-bound'; orders: LiquidationOrder[]; provenance: Provenance }[];
}

/** The streams behind each exchange's events, for provenance. */
const STREAM_NAMES: Record<Exchange, string> = {
  binance: 'binance ws !forceOrder@arr',
  okx: 'okx ws liquidation-orders',
  bybit: 'bybit ws allLiquidation',
};

/** UTC days (`YYYY-MM-DD`) that overlap [start, end), ms. */
export function utcDaysCovering(start: number, end: number): string[] {
  const days: string[] = [];
  if (!(end > start)) return days;
  const first = Math.floor(start / DAY_MS) * DAY_MS;
  for (let day = first; day < end; day += DAY_MS) days.push(utcDay(day));
  return days;
}

/** USD sums rounded to cents: float sums of many notionals otherwise carry binary noise. */
function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

function provenanceOf(events: CollectedEvent[]): Provenance {
  const exchanges = EXCHANGES.filter((exchange) => events.some((event) => event.exchange === exchange));
  return {
    provider: 'collector',
    endpoint: exchanges.map((exchange) => STREAM_NAMES[exchange]).join(', '),
    // When the newest of these events reached the collector, and the newest event's own time.
    fetchedAt: new Date(Math.max(...events.map((event) => event.receivedAt))).toISOString(),
    asOf: new Date(Math.max(...events.map((event) => event.time))).toISOString(),
    method: 'fetched',
  };
}

/**
 * Reads `<dir>/<YYYY-MM-DD>.jsonl` for every UTC day overlapping [window.start, window.end)
 * (ms), keeps the events of `assets` inside the window (end exclusive), each id once.
 * Returns undefined when no day file exists for the window. Totals are given for each asset
 * with at least one event in the window (no events means the collector saw nothing, which is
 * not evidence of zero liquidations, so no total is invented); `orders` holds one group with
 * every event, sorted by time, or is empty when there are none.
 */
export async function aggregateCollected(
  dir: string,
  window: { start: number; end: number },
  assets: string[],
): Promise<CollectedLiquidations | undefined> {
  const wanted = new Set(assets.map((asset) => asset.toUpperCase()));
  const seen = new Set<string>();
  const events: CollectedEvent[] = [];
  let anyFile = false;
  for (const day of utcDaysCovering(window.start, window.end)) {
    const contents = await readDayFile(join(dir, dayFileName(day)));
    if (!contents.exists) continue;
    anyFile = true;
    for (const event of contents.events) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      if (event.time >= window.start && event.time < window.end && wanted.has(event.asset)) events.push(event);
    }
  }
  if (!anyFile) return undefined;
  events.sort(
    (a, b) => a.time - b.time || a.exchange.localeCompare(b.exchange) || a.symbol.localeCompare(b.symbol) || a.id.localeCompare(b.id),
  );

  const totals: LiquidationTotals[] = [];
  for (const asset of wanted) {
    const own = events.filter((event) => event.asset === asset);
    if (own.length === 0) continue;
    const longUsd = cents(own.filter((event) => event.side === 'long').reduce((sum, event) => sum + event.notionalUsd, 0));
    const shortUsd = cents(own.filter((event) => event.side === 'short').reduce((sum, event) => sum + event.notionalUsd, 0));
    totals.push({
      source: 'collector',
      asset,
      start: window.start,
      end: window.end,
      totalUsd: cents(longUsd + shortUsd),
      longUsd,
      shortUsd,
      coverage: 'lower-bound',
      provenance: provenanceOf(own),
    });
  }

  const orders: LiquidationOrder[] = events.map((event) => ({
    venue: event.exchange,
    symbol: event.symbol,
    asset: event.asset,
    side: event.side,
    price: event.price,
    quantity: event.quantity,
    notionalUsd: event.notionalUsd,
    time: event.time,
  }));
  return {
    totals,
    orders: orders.length > 0 ? [{ source: 'collector', coverage: 'lower-bound', orders, provenance: provenanceOf(events) }] : [],
  };
}
