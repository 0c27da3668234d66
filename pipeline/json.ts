/**
 * Strict JSON reading for files: a byte-order mark, an empty file or trailing garbage is an
 * error, and a syntax error names the byte where it happened.
 */
import { InputError } from './errors.js';

export function parseStrictJson(text: string, file: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) throw new InputError(file, 'starts with a byte-order mark (BOM); save it as plain UTF-8');
  if (text.trim() === '') throw new InputError(file, 'is empty (0 bytes of JSON)');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const where =
      position !== undefined
        ? ` at byte ${Buffer.byteLength(text.slice(0, Number(position)))}`
        : ` at byte ${Buffer.byteLength(text)} (end of file)`;
    // An error at the very end of the text (after trailing whitespace) means the JSON stopped early.
    const atEnd = position !== undefined && Number(position) >= text.trimEnd().length;
    const truncated = atEnd || /Unexpected end|Unterminated/.test(message) ? ' (the file looks truncated)' : '';
    throw new InputError(file, `invalid JSON${where}${truncated}: ${message}`);
  }
}
