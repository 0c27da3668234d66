/**
 * One preview render: zh and en each in their own pane. What both languages share (config,
 * snapshot, notes, findings, page layout) failing shows the error in both panes; a template
 * error in one language shows only in that language's pane, and the other keeps rendering.
 * Every file is looked at on each render (any may have changed); only what changed is redone.
 */
import { checkDay, formatFailure } from '../check/index.js';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Lang } from '../../kernel/lang.js';
import { loadConfig } from '../../kernel/config.js';
import { analyze } from '../analysis/index.js';
import { checkNotesAgainstMarket, findNotesFor, loadNotes } from '../narrative/index.js';
import { compileLanguage, readTemplateFiles, type CompiledLanguage, type TemplateFile, type TemplateSet } from '../narrative/index.js';
import { lintLanguage } from '../narrative/index.js';
import { LAYOUT_FILES, lintLayout } from '../narrative/index.js';
import { loadSnapshot } from '../../kernel/snapshot/index.js';
import { renderBrief, type RenderAssets } from '../render/index.js';
import { loadPageLayout } from '../../renderers/index.js';

export interface PreviewInputs {
  snapshotFile: string;
  templatesDir: string;
  notesFile?: string;
  configFile?: string;
}

export type Pane = { ok: true; html: string } | { ok: false; error: string };

export const PREVIEW_LANGS: readonly Lang[] = ['zh', 'en'];

export async function renderPanes(inputs: PreviewInputs): Promise<Record<Lang, Pane>> {
  return paneRenderer(inputs)();
}

/**
 * A renderer that keeps what did not change between renders, so that a template edit costs
 * only the edited language: the snapshot, config and notes (and the findings and charts drawn
 * from them) are re-read only when one of those files changed; the page layout only when its
 * files did; a language's templates are updated file by file (compileLanguage's `previous`);
 * and a language whose templates, layout and data are all unchanged keeps its pane unrendered.
 */
export function paneRenderer(inputs: PreviewInputs): () => Promise<Record<Lang, Pane>> {
  let kept: { key: string; data: Data } | undefined;
  let keptLayout: { key: string; layout: Layout } | undefined;
  const cache: PaneCache = { charts: new WeakMap(), compiled: new Map(), panes: new Map() };
  return async () => {
    let shared: Shared;
    try {
      const key = await inputsKey(inputs);
      if (kept?.key !== key) kept = { key, data: await loadData(inputs) };
      const layoutKey = await layoutSources(inputs.templatesDir);
      if (keptLayout?.key !== layoutKey) keptLayout = { key: layoutKey, layout: await loadLayout(inputs.templatesDir) };
      shared = { ...kept.data, layout: keptLayout.layout, key: `${key}\0${layoutKey}` };
    } catch (error) {
      kept = undefined;
      keptLayout = undefined;
      const pane: Pane = { ok: false, error: messageOf(error) };
      return { zh: pane, en: pane };
    }
    const panes = {} as Record<Lang, Pane>;
    for (const lang of PREVIEW_LANGS) panes[lang] = await renderPane(lang, inputs.templatesDir, shared, cache);
    return panes;
  };
}

type Data = Awaited<ReturnType<typeof loadData>>;
type Layout = Awaited<ReturnType<typeof loadPageLayout>>;
/** `key` changes whenever anything both languages share does. */
type Shared = Data & { layout: Layout; key: string };
interface PaneCache {
  charts: NonNullable<RenderAssets['chartCache']>;
  compiled: Map<Lang, { key: string; language: CompiledLanguage }>;
  panes: Map<Lang, { key: string; pane: Pane }>;
}

/** Size and modification time of every input file (absent ones too): equal keys, equal inputs. */
async function inputsKey(inputs: PreviewInputs): Promise<string> {
  const stats = await Promise.all(inputFiles(inputs).map((file) => stat(file).catch(() => undefined)));
  return stats.map((s) => (s ? `${s.size}:${s.mtimeMs}` : '-')).join('|');
}

/** The layout files' text (a few kilobytes): the layout is linted and loaded again only when it changed. */
async function layoutSources(templatesDir: string): Promise<string> {
  const sources = await Promise.all(
    LAYOUT_FILES.map((name) => readFile(join(templatesDir, 'layout', name), 'utf8').catch(() => '\u0001absent')),
  );
  return sources.join('\0');
}

async function loadData(inputs: PreviewInputs) {
  const [config, snapshot] = await Promise.all([loadConfig(inputs.configFile), loadSnapshot(inputs.snapshotFile)]);
  const notesFile = inputs.notesFile ?? findNotesFor(inputs.snapshotFile);
  const notes = notesFile ? await loadNotes(notesFile) : undefined;
  if (notes && notesFile) checkNotesAgainstMarket(notes, snapshot, config.thresholds, notesFile);
  return { config, snapshot, notes, findings: analyze(snapshot, config.thresholds) };
}

async function loadLayout(templatesDir: string) {
  const layoutIssues = await lintLayout(templatesDir);
  if (layoutIssues.length > 0) throw new Error(layoutIssues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n'));
  return loadPageLayout(templatesDir);
}

async function renderPane(lang: Lang, templatesDir: string, shared: Shared, cache: PaneCache): Promise<Pane> {
  let files;
  try {
    files = await readTemplateFiles(templatesDir, lang);
  } catch (error) {
    cache.panes.delete(lang);
    return { ok: false, error: messageOf(error) };
  }
  const key = files.map((f) => `${f.file}\0${f.source}`).join('\0');
  const paneKey = `${shared.key}\0${key}`;
  const kept = cache.panes.get(lang);
  if (kept?.key === paneKey) return kept.pane;
  const pane = await renderFresh(lang, templatesDir, shared, cache, files, key);
  cache.panes.set(lang, { key: paneKey, pane });
  return pane;
}

async function renderFresh(
  lang: Lang,
  templatesDir: string,
  shared: Shared,
  cache: PaneCache,
  files: TemplateFile[],
  key: string,
): Promise<Pane> {
  try {
    const before = cache.compiled.get(lang);
    let compiled = before?.key === key ? before.language : undefined;
    if (!compiled) {
      // Only the changed files are compiled; a failure leaves the previous compile usable.
      compiled = compileLanguage(lang, files, before?.language);
      cache.compiled.set(lang, { key, language: compiled });
    }
    // Only this language's slot is read by renderBrief; the other language may be broken.
    const templates: TemplateSet = { dir: templatesDir, zh: compiled, en: compiled };
    const brief = await renderBrief(shared.snapshot, shared.findings, shared.notes, lang, shared.config, {
      templates,
      layout: shared.layout,
      chartCache: cache.charts,
    });
    // The check stage, as render runs it: a failure shows in the pane instead of the brief.
    const check = checkDay(shared.snapshot.date, [{ lang, model: brief.model, markdown: brief.markdown }]);
    if (check.failures.length > 0) return { ok: false, error: check.failures.map(formatFailure).join('\n') };
    return { ok: true, html: brief.html };
  } catch (error) {
    // The lint's account names every problem with file, line and the whole parse message.
    const issues = lintLanguage(files).map((i) => `${i.file}:${i.line}: ${i.message}`);
    return { ok: false, error: issues.length > 0 ? issues.join('\n') : messageOf(error) };
  }
}

/** The files besides the templates whose change calls for a re-render (notes may not exist yet). */
export function inputFiles(inputs: PreviewInputs): string[] {
  const dir = dirname(inputs.snapshotFile);
  const stem = basename(inputs.snapshotFile, extname(inputs.snapshotFile));
  const stems = stem === 'snapshot' ? ['notes', 'snapshot.notes'] : [`${stem}.notes`];
  const notes = inputs.notesFile
    ? [inputs.notesFile]
    : stems.flatMap((s) => ['.yaml', '.yml', '.json'].map((ext) => join(dir, `${s}${ext}`)));
  return [inputs.snapshotFile, ...notes, ...(inputs.configFile ? [inputs.configFile] : [])];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
