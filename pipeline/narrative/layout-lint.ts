/**
 * Lint of the page layout (templates/layout/page.hbs, site-index.hbs, style.css). These files
 * go into every published page, so a script, an event handler, a meta refresh or a resource
 * from another origin there would reach every reader. The pages need none of them: they are
 * static text with inline CSS and inline SVG. Each problem is reported with file and line.
 *
 * The checks read the source text (not a rendered page): a `{{value}}` inside an attribute is
 * Handlebars-escaped data and is not judged; a literal URL is.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { LintIssue } from './lint.js';
import { handlebarsMessage } from './parse-message.js';
import { forbiddenConstructs } from './template-rules.js';

export const LAYOUT_FILES = ['page.hbs', 'site-index.hbs', 'style.css'] as const;
/** Pages that must carry the policy (the stylesheet is inlined into them). */
const PAGES_WITH_POLICY = new Set(['page.hbs', 'site-index.hbs']);

/** Attributes whose URL the browser loads or sends something to without the reader clicking. */
const RESOURCE_ATTRIBUTES = new Set([
  'src',
  'srcset',
  'poster',
  'data',
  'background',
  'action',
  'formaction',
  'ping',
  'manifest',
  'xlink:href',
  'codebase',
]);
/** Elements that embed or submit to another document. */
const EMBEDDING_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'portal']);

export async function lintLayout(templatesDir: string): Promise<LintIssue[]> {
  const issues: LintIssue[] = [];
  for (const name of LAYOUT_FILES) {
    const file = join(templatesDir, 'layout', name);
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch {
      continue; // a missing layout file is reported where it is needed (render, publish)
    }
    issues.push(...lintLayoutSource(file, name, source));
  }
  return issues;
}

/** The problems in one layout file's text; `name` is its base name (page.hbs, style.css). */
export function lintLayoutSource(file: string, name: string, source: string): LintIssue[] {
  const issues: LintIssue[] = [];
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  const add = (index: number, message: string) => issues.push({ file, line: lineAt(index), message });

  for (const problem of cssProblems(source)) add(problem.index, problem.message);
  if (name.endsWith('.hbs')) {
    try {
      const ast = Handlebars.parse(source);
      for (const p of forbiddenConstructs(ast)) issues.push({ file, ...p });
    } catch (error) {
      issues.push({ file, line: lineOfParseError(error), message: handlebarsMessage(error) });
    }
    for (const problem of htmlProblems(source)) add(problem.index, problem.message);
    if (PAGES_WITH_POLICY.has(name) && !hasPolicy(source)) {
      issues.push({
        file,
        line: 1,
        message: `no Content-Security-Policy meta tag with default-src 'none' in <head>; the pages run no script and load nothing from elsewhere`,
      });
    }
  }
  return issues.sort((a, b) => a.line - b.line);
}

interface Found {
  index: number;
  message: string;
}

function cssProblems(source: string): Found[] {
  const found: Found[] = [];
  for (const m of source.matchAll(/url\(\s*(['"]?)([^)'"]*)/gi)) {
    const target = m[2]!.trim();
    if (/^data:/i.test(target) || target.startsWith('#')) continue;
    found.push({ index: m.index, message: `url(${target}) loads a resource; only data: URLs are allowed in the layout` });
  }
  for (const m of source.matchAll(/@import\b/gi))
    found.push({ index: m.index, message: '@import loads another stylesheet; inline its rules instead' });
  for (const m of source.matchAll(/image-set\(\s*['"](?!data:)/gi))
    found.push({ index: m.index, message: 'image-set() with a URL loads a resource; use data: URLs' });
  for (const m of source.matchAll(/expression\s*\(|-moz-binding|\bbehavior\s*:/gi))
    found.push({ index: m.index, message: `${m[0]} runs code in old browsers` });
  return found;
}

function htmlProblems(source: string): Found[] {
  const found: Found[] = [];
  for (const tag of source.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const element = tag[1]!.toLowerCase();
    const attrs = parseAttributes(tag[2] ?? '');
    const at = tag.index;
    if (element === 'script') found.push({ index: at, message: '<script> is not allowed: the pages run no script' });
    if (EMBEDDING_ELEMENTS.has(element)) found.push({ index: at, message: `<${element}> is not allowed in the layout` });
    for (const [attr, value] of attrs) {
      if (/^on/.test(attr))
        found.push({ index: at, message: `event handler ${attr}= on <${element}> is not allowed: the pages run no script` });
      if (/^\s*javascript:/i.test(value)) found.push({ index: at, message: `a javascript: URL in ${attr}= on <${element}>` });
      if (element === 'meta' && attr === 'http-equiv' && /^\s*refresh\s*$/i.test(value)) {
        found.push({ index: at, message: '<meta http-equiv="refresh"> is not allowed: a page must not move the reader elsewhere' });
      }
      const outside = isOutsideUrl(value);
      if (outside && (RESOURCE_ATTRIBUTES.has(attr) || (attr === 'href' && element !== 'a'))) {
        found.push({
          index: at,
          message: `${attr}="${value}" on <${element}> loads from another origin; only data: URLs and relative links are allowed`,
        });
      }
    }
  }
  return found;
}

/** Name/value pairs of a tag's attribute text, names lower-cased. */
function parseAttributes(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of text.matchAll(/([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    out.push([m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '']);
  }
  return out;
}

/** A literal URL with a scheme other than data:/mailto:, or protocol-relative. `{{…}}` values are data. */
function isOutsideUrl(value: string): boolean {
  const v = value.trim();
  if (v.includes('{{')) return false;
  if (/^(\/\/|\\\\)/.test(v)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1]?.toLowerCase();
  return scheme !== undefined && scheme !== 'data' && scheme !== 'mailto';
}

function hasPolicy(source: string): boolean {
  for (const tag of source.matchAll(/<meta\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const attrs = new Map(parseAttributes(tag[1] ?? ''));
    if (
      (attrs.get('http-equiv') ?? '').toLowerCase() === 'content-security-policy' &&
      /default-src\s+'none'/.test(attrs.get('content') ?? '')
    ) {
      return true;
    }
  }
  return false;
}

function lineOfParseError(error: unknown): number {
  const e = error as { lineNumber?: unknown; message?: unknown };
  if (typeof e.lineNumber === 'number') return e.lineNumber;
  const match = /on line (\d+)|- (\d+):\d+/.exec(typeof e.message === 'string' ? e.message : '');
  return match ? Number(match[1] ?? match[2]) : 1;
}
