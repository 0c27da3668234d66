/**
 * How every template compiles, the brief's and the headline's alike (engine.ts,
 * headline-templates.ts): strict (a missing field throws), known helpers only, and no escaping
 * (the brief's model strings are Markdown-escaped already; the headline is plain text that each
 * output escapes for itself: the page and the site for HTML, compose for Markdown).
 */
import { HELPER_NAMES } from './helpers.js';

export const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(HELPER_NAMES.map((name) => [name, true])),
  noEscape: true,
  preventIndent: true,
} as const;

/** Handlebars' "… - 12:4" location suffix, or its `lineNumber`, as a line number. */
export function lineOfError(error: unknown): number {
  const e = error as { lineNumber?: unknown; message?: unknown };
  if (typeof e.lineNumber === 'number') return e.lineNumber;
  const message = typeof e.message === 'string' ? e.message : '';
  const match = /(?:line |- )(\d+)(?::\d+)?/.exec(message) ?? /on line (\d+)/.exec(message);
  return match ? Number(match[1]) : 1;
}
