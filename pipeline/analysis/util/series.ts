/**
 * Choosing among series when several venues publish the same asset, and naming the snapshot
 * paths a finding used.
 */
import type { PriceSeries, Snapshot } from '../../../kernel/snapshot/index.js';

export interface Indexed<T> {
  readonly item: T;
  /** Index in the snapshot array, for provenance paths. */
  readonly index: number;
}

/** Items with their snapshot index, keeping the snapshot's order. */
export function indexed<T>(items: readonly T[]): Indexed<T>[] {
  return items.map((item, index) => ({ item, index }));
}

/** Sort key for a venue: its place in the preference list, unknown venues after, by name. */
function venueRank(venue: string, preference: readonly string[]): [number, string] {
  const i = preference.indexOf(venue);
  return [i === -1 ? preference.length : i, venue];
}

/** Compare two venues by preference, then name (deterministic). */
export function compareVenues(a: string, b: string, preference: readonly string[]): number {
  const [ra, na] = venueRank(a, preference);
  const [rb, nb] = venueRank(b, preference);
  return ra - rb || (na < nb ? -1 : na > nb ? 1 : 0);
}

/**
 * The preferred spot price series of an asset at an interval: the first by venue preference
 * that has any candle at all (then by snapshot index).
 */
export function pickSpotSeries(
  snapshot: Snapshot,
  asset: string,
  interval: '1h' | '1d',
  preference: readonly string[],
): Indexed<PriceSeries> | undefined {
  const candidates = indexed(snapshot.prices).filter(
    ({ item }) => item.asset === asset && item.market === 'spot' && item.interval === interval && item.candles.length > 0,
  );
  candidates.sort((a, b) => compareVenues(a.item.venue, b.item.venue, preference) || a.index - b.index);
  return candidates[0];
}

/** Provider ids, de-duplicated and sorted, for a finding's `sources`. */
export function sourceIds(providers: readonly string[]): string[] {
  return [...new Set(providers)].sort();
}
