/**
 * Escaping data for a Markdown context.
 *
 * The brief's templates compile with `noEscape: true` (Handlebars' HTML escaping would print
 * visible `&amp;` in Markdown), so this module is the one place data becomes safe to print:
 * compose runs every data string (notes text, entity names, sources, formatted figures) through
 * `md()` and the model's template-facing text fields are typed `Md`. A string from data can then
 * neither open structure (headings, lists, tables, emphasis, links, images, code, HTML, entities,
 * thematic breaks) nor break out of its line.
 */

import { stripInvisible } from '../../kernel/text/index.js';

declare const mdBrand: unique symbol;
/** Text that is safe to print inline in Markdown: escaped data, or words from this codebase. */
export type Md = string & { readonly [mdBrand]: true };

// Characters with inline meaning in CommonMark/markdown-it: emphasis, code, links, images, HTML
// and autolinks, entities, tables (|), strikethrough (~), and the backslash itself.
const INLINE_SPECIAL = /[\\`*_[\]<>#|~&]/g;
// Line breaks and separators collapse to a space: a data string never starts a new block.
const LINE_BREAKS = /[\r\n\t\f\v\u0085\u2028\u2029]+/g;

/** Escapes a data string for inline Markdown. */
export function md(text: string): Md {
  // Controls, bidi overrides and zero-width characters are dropped (kernel/text/invisible.ts).
  let out = stripInvisible(text.replace(LINE_BREAKS, ' ')).replace(/ {2,}/g, ' ').trim();
  out = out.replace(INLINE_SPECIAL, (c) => `\\${c}`);
  // Block markers only matter at the start of a line; a printed string may start one.
  out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return out as Md;
}

/** Words written in this codebase (not data), marked as Markdown-safe after checking. */
export function mdWords(text: string): Md {
  const escaped = md(text);
  if (escaped !== text) throw new Error(`mdWords: ${JSON.stringify(text)} contains Markdown syntax; use md() for data`);
  return escaped;
}

/** Joins Markdown-safe parts; the separator is written in code, so the result stays safe. */
export function joinMd(parts: readonly Md[], separator: string): Md {
  return parts.join(separator) as Md;
}

/**
 * A link destination for `[text](url)`: only absolute http(s) URLs, with the characters that
 * could end or confuse the destination percent-encoded. Anything else gives undefined (the
 * caller drops the link and keeps the text).
 */
export function mdUrl(url: string): Md | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.username || parsed.password) return undefined;
  return parsed.href.replace(/[()<>\s\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`) as Md;
}

/**
 * A data string as an inline code span (an API endpoint in a source note). Nothing inside a code
 * span is Markdown, so only its fence needs care: the fence is one backtick longer than the
 * longest backtick run in the text, with a space inside when the text starts or ends with one.
 */
export function mdCode(text: string): Md {
  const flat = stripInvisible(text.replace(LINE_BREAKS, ' ')).replace(/ {2,}/g, ' ').trim();
  if (flat === '') throw new Error('mdCode: empty text');
  const longestRun = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}` as Md;
}

/** Markdown footnote references `[^1][^2]` for footnote numbers written by code (never data). */
export function footnoteRefs(labels: readonly number[]): Md {
  for (const n of labels) if (!Number.isInteger(n) || n < 1) throw new RangeError(`footnoteRefs: ${n} is not a footnote number`);
  return labels.map((n) => `[^${n}]`).join('') as Md;
}
