/**
 * Strict JSON reading for files: a byte-order mark, an empty file or trailing garbage is an
 * error, and a syntax error names the byte where it happened.
 */
import { jsonErrorIndex, lineAndColumn } from './json-position.js';
import { InputError } from './errors.js';

export function parseStrictJson(text: string, file: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) throw new InputError(file, 'starts with a byte-order mark (BOM); save it as plain UTF-8');
  if (text.trim() === '') throw new InputError(file, 'is empty (0 bytes of JSON)');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node 20 names a position for some errors only; the scanner finds it for every error.
    const index = jsonErrorIndex(text) ?? Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const { line, column } = lineAndColumn(text, index);
    const where = ` at byte ${Buffer.byteLength(text.slice(0, index))} (line ${line}, column ${column})`;
    // An error at the very end of the text (after trailing whitespace) means the JSON stopped early.
    const truncated = index >= text.trimEnd().length ? ' (the file looks truncated)' : '';
    throw new InputError(file, `invalid JSON${where}${truncated}: ${message}`);
  }
}
