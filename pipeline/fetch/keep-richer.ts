/**
 * A stored snapshot is replaced only by a fetch at least as complete. Fetching a past day again
 * loses what only a live fetch has (current funding, open interest now, order books): such a
 * re-fetch must not overwrite the day's good snapshot — which the daily workflow would commit.
 *
 * Completeness is counted per data family: the series it holds and the data points in them. The
 * new fetch replaces the stored one when no family has fewer series or points than before.
 */
import { DataFamilySchema, type DataFamily, type Snapshot } from '../../kernel/snapshot/index.js';

/** The snapshot's data families, as the schema declares them; liquidations (an object) are counted apart. */
type ListFamily = Exclude<DataFamily, 'liquidations'>;
const FAMILIES = DataFamilySchema.options.filter((family): family is ListFamily => family !== 'liquidations');

export interface FamilyCount {
  family: string;
  series: number;
  points: number;
}

/** Series and data points per family (liquidations as totals and order lists). */
export function completeness(snapshot: Snapshot): FamilyCount[] {
  const count = (family: string, entries: readonly unknown[]): FamilyCount => ({
    family,
    series: entries.length,
    points: entries.reduce<number>((sum, entry) => sum + pointsIn(entry), 0),
  });
  return [
    ...FAMILIES.map((family) => count(family, snapshot[family] as readonly unknown[])),
    count('liquidations', [...snapshot.liquidations.totals, ...snapshot.liquidations.orders]),
  ];
}

/** A series' data points: the lengths of its arrays (candles, rows, orders), or 1 for a single value. */
function pointsIn(entry: unknown): number {
  if (!entry || typeof entry !== 'object') return 1;
  const arrays = Object.values(entry).filter(Array.isArray);
  return arrays.length ? arrays.reduce((sum, a) => sum + a.length, 0) : 1;
}

export interface Comparison {
  richer: boolean;
  /** Families the new fetch has less of, e.g. "funding 3 → 1 series". */
  losses: string[];
}

export function compareCompleteness(stored: Snapshot, fetched: Snapshot): Comparison {
  const before = new Map(completeness(stored).map((c) => [c.family, c]));
  const losses: string[] = [];
  for (const now of completeness(fetched)) {
    const was = before.get(now.family)!;
    if (now.series < was.series) losses.push(`${now.family} ${was.series} → ${now.series} series`);
    else if (now.points < was.points) losses.push(`${now.family} ${was.points} → ${now.points} data points`);
  }
  return { richer: losses.length === 0, losses };
}
