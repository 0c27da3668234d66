/**
 * The 365 generated days of the batch benchmark: the bundled snapshot and the three hand-made
 * scenarios (rally, quiet, crash), taken in turn and shifted by whole days so that day k of the
 * run is `FIRST_DAY + k`. Shifting moves every instant (epoch-ms series keys, ISO instants,
 * calendar dates) by the same number of days, so windows, histories and expiries stay
 * consistent; contract names (e.g. BTCUSDT_240329) keep their original labels. Deterministic:
 * the same inputs give the same files. Written to a temporary directory, never committed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../kernel/fs/atomic-write.js';
import { parseSnapshot, serializeSnapshot, type Snapshot } from '../../kernel/snapshot/index.js';

const DAY_MS = 86_400_000;
const ROOT = join(import.meta.dirname, '..', '..');

/** Where the base days come from, relative to the repository root. */
export const BASE_SNAPSHOTS = [
  'snapshots/2024-01-04.json',
  'test/fixtures/rally-2024-02-28/snapshot.json',
  'test/fixtures/quiet-2024-06-20/snapshot.json',
  'test/fixtures/crash-2024-08-05/snapshot.json',
] as const;

/** Epoch-ms keys of the snapshot schema (kernel/snapshot/schema.ts). */
const EPOCH_MS_KEYS = new Set(['t', 'time', 'start', 'end', 'expiry']);
/** ISO-instant keys. */
const ISO_INSTANT_KEYS = new Set(['fetchedAt', 'asOf', 'generatedAt']);

/** `YYYY-MM-DD` plus `days` calendar days (UTC arithmetic on a date label). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function shiftValue(key: string | undefined, value: unknown, days: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftValue(undefined, item, days));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = shiftValue(k, v, days);
    return out;
  }
  if (key === undefined) return value;
  if (typeof value === 'number' && EPOCH_MS_KEYS.has(key)) return value + days * DAY_MS;
  if (typeof value === 'string' && ISO_INSTANT_KEYS.has(key)) return new Date(Date.parse(value) + days * DAY_MS).toISOString();
  if (typeof value === 'string' && key === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return addDays(value, days);
  return value;
}

/** The snapshot moved by `days` whole days (instants, dates and the brief's day). */
export function shiftSnapshot(snapshot: Snapshot, days: number): Snapshot {
  const shifted = shiftValue(undefined, snapshot, days) as Snapshot;
  shifted.origin = {
    kind: 'synthetic',
    description: `Benchmark day: ${snapshot.date} (${snapshot.origin.kind}) shifted by ${days} day(s).`,
  };
  return shifted;
}

export async function loadBaseSnapshots(): Promise<Snapshot[]> {
  return Promise.all(BASE_SNAPSHOTS.map(async (file) => parseSnapshot(await readFile(join(ROOT, file), 'utf8'), file)));
}

/**
 * Writes `count` consecutive days starting at `firstDay` into `dir` as `<date>.json` (no notes:
 * editorial notes are tied to their own day) and returns the dates in order.
 */
export async function writeGeneratedDays(dir: string, firstDay: string, count: number): Promise<string[]> {
  const bases = await loadBaseSnapshots();
  const dates: string[] = [];
  for (let k = 0; k < count; k += 1) {
    const base = bases[k % bases.length]!;
    const date = addDays(firstDay, k);
    const snapshot = shiftSnapshot(base, daysBetween(base.date, date));
    // Validate as `brief render` will, so a bad shift fails here rather than mid-benchmark.
    const text = serializeSnapshot(snapshot);
    parseSnapshot(text, `${date}.json`);
    await writeFileAtomic(join(dir, `${date}.json`), text);
    dates.push(date);
  }
  return dates;
}
