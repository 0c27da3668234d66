/**
 * Limits on the files a user hands to `brief` (snapshots, notes), in one place. A file beyond its
 * size is refused before it is read (exit 2, the limit named), so a 50 MB notes file or a snapshot
 * with millions of candles costs a stat, not gigabytes of memory and a crash.
 */
import { stat } from 'node:fs/promises';
import { InputError } from './errors.js';

const MIB = 1_048_576;

export const INPUT_LIMITS = {
  /** Notes are a few hand-written paragraphs (the bundled day: 2 KB). */
  notesMaxBytes: 1 * MIB,
  /** A fetched day is about 1 MB (four years of daily and 31 days of hourly candles per series). */
  snapshotMaxBytes: 64 * MIB,
  /** YAML aliases a notes file may expand (anchors are handy; a billion-laughs file is not). */
  notesMaxAliasCount: 100,
  /** Candles in one price series: 20 years of daily or 5 years of hourly candles. */
  candlesPerSeriesMax: 50_000,
} as const;

function megabytes(bytes: number): string {
  return `${(bytes / MIB).toFixed(bytes < 10 * MIB ? 1 : 0)} MB`;
}

/**
 * Throws InputError (exit 2) when `file` is larger than `maxBytes`; `what` names the kind of file
 * ("notes", "snapshot"). A missing or unreadable file is left to the reader, which names it.
 */
export async function assertFileSize(file: string, maxBytes: number, what: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return;
  }
  if (size > maxBytes) {
    throw new InputError(file, `is ${megabytes(size)}, more than the ${megabytes(maxBytes)} limit for ${what} files; nothing was read`);
  }
}
