/**
 * `--templates DIR` with fallback: any file of the built-in tree that DIR lacks is taken from
 * the built-in templates, so a team keeps only the files it changed. The overlay itself (a
 * temporary folder, built-in files first, DIR's on top) is pipeline/render/templates-overlay.ts,
 * shared with the library API; here it lives for one command: removed when the command ends
 * (`withOverlayScope`; outside one, when the process exits), and its path rewrite applied to
 * that command's messages, so an error in a team's partial names the team's file.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

// The render stage (and with it the narrative, charts and vega) is imported when a verb uses the
// templates, not when the command line starts: `brief --help` stays well under 0.3 s.
const renderStage = () => import('../render/index.js');

/** Every file under `dir`, relative to it (pipeline/render/templates-overlay.ts). */
export async function listTree(dir: string): Promise<string[]> {
  return (await renderStage()).listTree(dir);
}

/** `--templates DIR` over the built-in tree (pipeline/render/templates-overlay.ts), removed when the command ends. */
export async function overlayTemplates(userDir: string, builtinDir: string): Promise<TemplatesChoice> {
  const overlay = await (await renderStage()).overlayTemplates(userDir, builtinDir, '--templates');
  if (overlay.fallback.length > 0) {
    const scope = scopes.getStore();
    if (scope) scope.dirs.push(overlay.dir);
    else process.once('exit', () => overlay.dispose());
  }
  return overlay;
}
