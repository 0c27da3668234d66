/**
 * `--templates DIR` with fallback: any file of the built-in tree that DIR lacks is taken from
 * the built-in templates, so a team keeps only the files it changed. The pipeline reads one
 * folder, so when DIR is incomplete the two are overlaid into a temporary folder (built-in
 * files first, DIR's on top, DIR's extra partials included), removed when the command ends
 * (`withOverlayScope`; outside one, when the process exits).
 * Messages name files by their overlay path; `describeOrigin` maps them back to where each file
 * really lives, so an error in a team's partial names the team's file.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../../kernel/errors.js';
import { defaultTemplatesDir } from './paths.js';

/**
 * The overlays one command made: their path rewrites, applied to everything it prints, and their
 * folders, removed when it ends. One scope per `main` call (async-local), so commands run in one
 * process one after another or side by side (the tests) neither see each other's overlays nor
 * leave folders or exit listeners behind.
 */
export interface OverlayScope {
  rewrite(text: string): string;
}

interface ScopeState {
  rewrites: ((text: string) => string)[];
  dirs: string[];
}

const scopes = new AsyncLocalStorage<ScopeState>();

/** Runs `work` as one command: overlays made inside are rewritten in its messages and removed after it. */
export async function withOverlayScope<T>(work: (scope: OverlayScope) => Promise<T>): Promise<T> {
  const state: ScopeState = { rewrites: [], dirs: [] };
  const scope: OverlayScope = { rewrite: (text) => state.rewrites.reduce((out, rewrite) => rewrite(out), text) };
  try {
    return await scopes.run(state, () => work(scope));
  } finally {
    for (const dir of state.dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** The templates a verb uses: the built-in tree, or `--templates DIR` with fallback. */
export async function templatesFor(flag: string | undefined, cwd: string): Promise<TemplatesChoice> {
  const builtin = defaultTemplatesDir();
  if (!flag) return { dir: builtin, fallback: [], rewrite: (text) => text, refresh: () => {} };
  const choice = await overlayTemplates(resolve(cwd, flag), builtin);
  if (choice.fallback.length > 0) scopes.getStore()?.rewrites.push(choice.rewrite);
  return choice;
}

/** Lint issues a team can act on: a built-in partial its own entry no longer calls is not one. */
export function ownIssues<T extends { file: string; message: string }>(issues: readonly T[], choice: TemplatesChoice): T[] {
  const fallback = new Set(choice.fallback.map((rel) => join(choice.dir, rel)));
  return issues.filter((issue) => !(fallback.has(issue.file) && /is never used$/.test(issue.message)));
}

export interface TemplatesChoice {
  /** The folder the pipeline reads. */
  dir: string;
  /** Relative paths filled in from the built-in templates (empty when DIR is complete). */
  fallback: string[];
  /** Overlay path prefix → real folder, for messages. */
  rewrite(text: string): string;
  /** Rebuilds the overlay from the two folders (the preview, after the team edits a file). */
  refresh(): void;
}

/** Every file under `dir`, as sorted relative paths ("zh/partials/lead.hbs"). */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

export async function overlayTemplates(userDir: string, builtinDir: string): Promise<TemplatesChoice> {
  if (!(await stat(userDir).catch(() => undefined))?.isDirectory()) throw new UsageError(`--templates ${userDir}: no such folder`);
  const [mine, builtin] = await Promise.all([listTree(userDir), listTree(builtinDir)]);
  const have = new Set(mine);
  const fallback = builtin.filter((rel) => !have.has(rel));
  if (fallback.length === 0) return { dir: userDir, fallback, rewrite: (text) => text, refresh: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'brief-templates-'));
  const scope = scopes.getStore();
  if (scope) scope.dirs.push(dir);
  else process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const refresh = () => {
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
    cpSync(builtinDir, dir, { recursive: true });
    cpSync(userDir, dir, { recursive: true, force: true });
  };
  refresh();
  const fromBuiltin = new Set(fallback);
  const prefix = `${dir}/`;
  return {
    dir,
    fallback,
    refresh,
    rewrite: (text) =>
      text
        .split(prefix)
        .reduce((out, part, i) => {
          if (i === 0) return part;
          const rel = (/^[\w./-]+/.exec(part)?.[0] ?? '').replace(/\.+$/, '');
          const real = fromBuiltin.has(rel) ? builtinDir : userDir;
          return `${out}${real}/${part}`;
        }, '')
        .split(dir)
        .join(userDir),
  };
}
