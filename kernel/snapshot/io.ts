/**
 * Reading and writing snapshot files. Reading is strict: a BOM, trailing garbage, a truncated
 * file, another schema version or any schema violation is an InputError naming the file and
 * each field path. Writing is atomic, with keys sorted so the same data gives the same bytes.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError, formatZodIssues } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { INPUT_LIMITS, assertFileSize } from '../input-limits.js';
import { parseStrictJson } from '../json.js';
import { SCHEMA_VERSION, SnapshotSchema, type Snapshot } from './schema.js';

export async function loadSnapshot(file: string): Promise<Snapshot> {
  await assertFileSize(file, INPUT_LIMITS.snapshotMaxBytes, 'snapshot');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'no such snapshot file' : `cannot read snapshot (${code ?? String(error)})`);
  }
  return assertNamedForItsDate(file, parseSnapshot(text, file));
}

const DATED_NAME = /^(\d{4}-\d{2}-\d{2})\.json$/;

/**
 * A snapshot stored as `<date>.json` must hold that date: briefs are written to the folder of
 * the date inside, so a copy saved under another day's name would overwrite the other day's
 * briefs while being reported as its own.
 */
export function assertNamedForItsDate(file: string, snapshot: Snapshot): Snapshot {
  const named = DATED_NAME.exec(basename(file))?.[1];
  if (named !== undefined && named !== snapshot.date) {
    throw new InputError(
      file,
      `is named for ${named} but holds the snapshot of ${snapshot.date}; rename it to ${snapshot.date}.json or fetch ${named} again`,
    );
  }
  return snapshot;
}

export function parseSnapshot(text: string, file: string): Snapshot {
  const raw = parseStrictJson(text, file);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(file, 'a snapshot must be a JSON object');
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new InputError(file, `schemaVersion: expected an integer, got ${JSON.stringify(version) ?? 'nothing'}`);
  }
  if (version > SCHEMA_VERSION) {
    throw new InputError(
      file,
      `schemaVersion ${version} > supported ${SCHEMA_VERSION}: this snapshot was written by a newer version of brief; upgrade to read it`,
    );
  }
  if (version < SCHEMA_VERSION) {
    throw new InputError(file, `schemaVersion ${version} is not supported (this version reads ${SCHEMA_VERSION})`);
  }
  const result = SnapshotSchema.safeParse(raw);
  if (!result.success) {
    throw new InputError(file, 'does not match the snapshot schema', formatZodIssues(result.error.issues));
  }
  return result.data;
}

/** Writes `dir/<date>.json` atomically and returns its path. */
export async function saveSnapshot(dir: string, snapshot: Snapshot): Promise<string> {
  const checked = SnapshotSchema.parse(snapshot);
  const target = join(dir, `${checked.date}.json`);
  await writeFileAtomic(target, serializeSnapshot(checked));
  return target;
}

export function serializeSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(sortKeys(snapshot), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
