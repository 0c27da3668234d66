/**
 * What the bad-input cases share: the case shape, the real `brief` command line run in-process
 * (the same `main` bin/brief.js calls), temporary folders, and checks on rendered text.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../../pipeline/cli/main.js';
import { REPO } from '../../support/run-cli.js';

export interface BadInputCase {
  /** Battery id from reliability.md §3.2, e.g. B04. */
  id: string;
  title: string;
  run: () => Promise<void>;
  /**
   * Set when the case shows a bug in code this suite may not change: the case then runs as
   * `it.fails` (it passes while the bug is there) and the tally lists it apart. The text names
   * the place to fix; once fixed, delete the field.
   */
  knownBug?: string;
}

export const BUNDLED = join(REPO, 'snapshots', '2024-01-04.json');
export const BUNDLED_NOTES = join(REPO, 'snapshots', '2024-01-04.notes.yaml');
export const TEMPLATES = join(REPO, 'templates');
export const bundledText = (): string => readFileSync(BUNDLED, 'utf8');

export function tempDir(prefix = 'brief-bad-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A copy of the repository's templates in a fresh folder. */
export function copyTemplates(): string {
  const dir = join(tempDir('brief-templates-'), 'templates');
  cpSync(TEMPLATES, dir, { recursive: true });
  return dir;
}

export interface BriefRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `brief <args>` in this process: the real verbs, error mapping and exit codes. */
export async function brief(args: string[], env: NodeJS.ProcessEnv = {}): Promise<BriefRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { ...process.env, ...env },
    cwd: REPO,
  });
  return { code, stdout, stderr };
}

/** Every file under `dir`, as paths relative to it, sorted (empty when it does not exist). */
export function listTree(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => !e.isDirectory())
      .map((e) => relative(dir, join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Text a reader sees that must never appear: JavaScript's non-values, exponent notation and a
 * negative zero (−0, -0.0 …; −0.0004 % is a real value and passes).
 */
export const NON_VALUE = /Infinity|NaN|undefined|\d[eE][+-]?\d|(^|[^\d.,])[-−]0(\.0+)?(?![\d.,])/;

/** The visible text of an HTML or SVG document: tags removed, entities left as written. */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The HTML with every inline chart (`<svg>…</svg>`) cut out: the brief's own prose and markup. */
export function withoutSvg(html: string): string {
  return html.replace(/<svg\b[\s\S]*?<\/svg>/g, '<svg></svg>');
}

/** Each tag name and how often it opens, e.g. { p: 21, h2: 5 }. */
export function tagCounts(html: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)) counts[m[1]!.toLowerCase()] = (counts[m[1]!.toLowerCase()] ?? 0) + 1;
  return counts;
}

/**
 * Unsafe markup in an HTML page (reliability.md B05): scripts, event handlers, URLs that are not
 * web links or the page's empty favicon, and any element that loads a resource. Returns the
 * offending tags; text is escaped by then, so only real tags are looked at.
 */
const PAGE_CSP_META = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'">`;

export function unsafeTags(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<[^>]*>/g)) {
    if (/^<\/?\s*(script|iframe|object|embed|img|image|video|audio|source|base|form|input|foreignObject|use)\b/i.test(tag)) {
      found.push(tag);
      continue;
    }
    // The page's own Content-Security-Policy (exactly the strict one the layout carries) is not a payload.
    if (/^<meta\b/i.test(tag) && /http-equiv/i.test(tag) && tag !== PAGE_CSP_META) found.push(tag);
    if (/^<link\b/i.test(tag) && tag !== '<link rel="icon" href="data:,">') found.push(tag);
    for (const [, name = '', value = ''] of tag.matchAll(/\s([^\s=/>]+)\s*=\s*"([^"]*)"/g)) {
      if (/^on/i.test(name) || /^(src|srcset|action|formaction|xlink:href|background|poster)$/i.test(name)) found.push(tag);
      if (/^href$/i.test(name) && !/^(https?:|mailto:|#)/i.test(value) && value !== 'data:,') found.push(tag);
      if (/javascript:|vbscript:/i.test(value) && !/^aria-|^content$/i.test(name)) found.push(tag);
      if (/^style$/i.test(name) && /url\(|expression\(/i.test(value)) found.push(tag);
    }
  }
  return found;
}

/** A path inside the repository. */
export const REPO_FILE = (path: string): string => join(REPO, path);
