/**
 * Reading an editorial notes file. YAML (`.yaml`, `.yml`) or JSON (`.json`) by extension; a
 * syntax error or a schema violation is an InputError that names the file, the line and the
 * field path, e.g. `line 12: notes[2].source.url: expected an http(s) URL`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { isMap, isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError, formatPath } from '../../kernel/errors.js';
import { INPUT_LIMITS, assertFileSize } from '../../kernel/input-limits.js';
import { parseStrictJson } from '../../kernel/json.js';
import { NotesSchema, type Notes } from './notes.js';

export async function loadNotes(file: string): Promise<Notes> {
  await assertFileSize(file, INPUT_LIMITS.notesMaxBytes, 'notes');
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'no such notes file' : `cannot read notes (${code ?? String(error)})`);
  }
  return parseNotes(source, file);
}

/** Parses and validates notes text; `file` names the format (by extension) and the errors. */
export function parseNotes(source: string, file: string): Notes {
  const ext = extname(file).toLowerCase();
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.json') {
    throw new InputError(file, `notes must be .yaml, .yml or .json (got "${ext || 'no extension'}")`);
  }
  // Callers that read the text themselves (preview) get the same limit as loadNotes.
  if (source.length > INPUT_LIMITS.notesMaxBytes)
    throw new InputError(file, `is more than the ${INPUT_LIMITS.notesMaxBytes / 1_048_576} MB limit for notes files`);
  if (source.charCodeAt(0) === 0xfeff) throw new InputError(file, 'starts with a byte-order mark (BOM); save it as plain UTF-8');
  if (ext === '.json') parseStrictJson(source, file); // JSON syntax errors name the byte, as for snapshots

  const lineCounter = new LineCounter();
  // JSON is a subset of YAML 1.2 for our purposes: parsing it as YAML gives positions for errors.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => `line ${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
    throw new InputError(file, 'is not valid YAML', issues);
  }
  const raw = resolveAliases(doc, lineCounter, file);
  const result = NotesSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => describeIssue(issue, doc, lineCounter));
    throw new InputError(file, 'does not match the notes schema', issues);
  }
  for (const [i, note] of result.data.notes.entries()) {
    if (
      note.kind === 'macro' &&
      note.implied &&
      typeof note.implied.after === 'object' &&
      note.implied.after.low > note.implied.after.high
    ) {
      const line = lineOf(doc, lineCounter, ['notes', i, 'implied', 'after']);
      throw new InputError(file, 'does not match the notes schema', [`line ${line}: notes[${i}].implied.after: low is above high`]);
    }
  }
  return result.data;
}

/**
 * The document as plain data, aliases (`*name`) resolved within a small budget: a harmless anchor
 * reuse works, an alias bomb is refused (exit 2) naming the line of the first alias.
 */
function resolveAliases(doc: Document, lineCounter: LineCounter, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: INPUT_LIMITS.notesMaxAliasCount });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let line = 1;
    visit(doc, {
      Alias(_key, node) {
        if (node.range) line = lineCounter.linePos(node.range[0]).line;
        return visit.BREAK;
      },
    });
    throw new InputError(file, 'is not valid notes', [
      `line ${line}: YAML aliases expand beyond the limit of ${INPUT_LIMITS.notesMaxAliasCount} (${error.message.split('\n')[0]})`,
    ]);
  }
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document, lineCounter: LineCounter): string {
  const path = [...issue.path];
  // For an unknown key, point at the key itself rather than at its object.
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  const line = lineOf(doc, lineCounter, path);
  return `line ${line}: ${formatPath('', path)}: ${issue.message}`;
}

/** Line (1-based) of the deepest node on `path` that exists in the document. */
function lineOf(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number {
  const keys = path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  for (let depth = keys.length; depth >= 0; depth -= 1) {
    const prefix = keys.slice(0, depth);
    const parent = depth > 0 ? doc.getIn(prefix.slice(0, -1), true) : undefined;
    const last = prefix[prefix.length - 1];
    // A key's own position, so that `x: <bad>` points at the line of `x`.
    if (isMap(parent) && last !== undefined) {
      const pair = parent.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === last);
      const range = pair && isNode(pair.key) ? pair.key.range : undefined;
      if (range) return lineCounter.linePos(range[0]).line;
    }
    const node = depth === 0 ? doc.contents : doc.getIn(prefix, true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

/**
 * The notes file for a snapshot, by convention beside it: `<dir>/<date>.notes.yaml` (or `.yml`,
 * `.json`) for `<dir>/<date>.json`, and `<dir>/notes.yaml` for a fixture's `<dir>/snapshot.json`.
 */
export function findNotesFor(snapshotFile: string): string | undefined {
  const dir = dirname(snapshotFile);
  const stem = basename(snapshotFile, extname(snapshotFile));
  const stems = stem === 'snapshot' ? ['notes', 'snapshot.notes'] : [`${stem}.notes`];
  for (const s of stems) {
    for (const ext of ['.yaml', '.yml', '.json']) {
      const candidate = join(dir, `${s}${ext}`);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}
