/**
 * A template folder with fallback: any file of the built-in tree that the team's folder lacks is
 * taken from the built-in templates, so a team keeps only the files it changed. The stages read
 * one folder, so when the team's is incomplete the two are overlaid into a temporary folder
 * (built-in files first, the team's on top, its extra partials included). Used by the library
 * API (api.ts, `renderBrief({ templatesDir })`) and the command line (`--templates`) alike.
 *
 * Messages name files by their overlay path; `rewrite` maps them back to where each file really
 * lives, so an error in a team's partial names the team's file.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { UsageError } from '../../kernel/errors.js';

export interface TemplateOverlay {
  /** The folder the stages read: the team's own when it is complete, else the overlay. */
  dir: string;
  /** Relative paths filled in from the built-in templates (empty when the folder is complete). */
  fallback: string[];
  /** Overlay paths in a message → the real files' paths. */
  rewrite(text: string): string;
  /** Rebuilds the overlay from the two folders (the preview, after the team edits a file). */
  refresh(): void;
  /** Removes the overlay folder (nothing to remove when the team's folder is used as it is). */
  dispose(): void;
}

/** Every file under `dir`, as sorted relative paths ("zh/partials/lead.hbs"). */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/**
 * `userDir` over `builtinDir`; the caller disposes of the result when the work is done. `label`
 * names the folder's option in the message when it does not exist (`--templates`, `templatesDir`).
 */
export async function overlayTemplates(userDir: string, builtinDir: string, label = 'templatesDir'): Promise<TemplateOverlay> {
  if (!(await stat(userDir).catch(() => undefined))?.isDirectory()) throw new UsageError(`${label} ${userDir}: no such folder`);
  const [mine, builtin] = await Promise.all([listTree(userDir), listTree(builtinDir)]);
  const have = new Set(mine);
  const fallback = builtin.filter((rel) => !have.has(rel));
  if (fallback.length === 0) return { dir: userDir, fallback, rewrite: (text) => text, refresh: () => {}, dispose: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'brief-templates-'));
  const refresh = () => {
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
    cpSync(builtinDir, dir, { recursive: true });
    cpSync(userDir, dir, { recursive: true, force: true });
  };
  try {
    refresh();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const fromBuiltin = new Set(fallback);
  const prefix = `${dir}/`;
  return {
    dir,
    fallback,
    refresh,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
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
