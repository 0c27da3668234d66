/**
 * One preview render: zh and en each in their own pane. What both languages share (config,
 * snapshot, notes, findings, page layout) failing shows the error in both panes; a template
 * error in one language shows only in that language's pane, and the other keeps rendering.
 * Everything is re-read on each render: any of these files may have changed.
 */
import { checkDay, formatFailure } from '../check/index.js';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Lang } from '../../kernel/lang.js';
import { loadConfig } from '../../kernel/config.js';
import { analyze } from '../analysis/index.js';
import { findNotesFor, loadNotes } from '../narrative/index.js';
import { compileLanguage, readTemplateFiles, type CompiledLanguage, type TemplateSet } from '../narrative/engine.js';
import { lintLanguage } from '../narrative/lint.js';
import { lintLayout } from '../narrative/layout-lint.js';
import { loadSnapshot } from '../../kernel/snapshot/index.js';
import { renderBrief, type RenderAssets } from '../render/render-briefs.js';
import { loadPageLayout } from '../../renderers/html-page.js';

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
 * A renderer that keeps what did not change between renders: the snapshot, config and notes
 * (and the findings and charts drawn from them) are re-read only when one of those files
 * changed; a template edit recompiles the templates and reuses the charts.
 */
export function paneRenderer(inputs: PreviewInputs): () => Promise<Record<Lang, Pane>> {
  let kept: { key: string; data: Data } | undefined;
  const chartCache: NonNullable<RenderAssets['chartCache']> = new WeakMap();
  // Compiling is the other big cost: a language whose files did not change keeps its templates.
  const compiled = new Map<Lang, { key: string; language: CompiledLanguage }>();
  return async () => {
    let shared: Shared;
    try {
      const key = await inputsKey(inputs);
      if (kept?.key !== key) kept = { key, data: await loadData(inputs) };
      shared = { ...kept.data, layout: await loadLayout(inputs.templatesDir) };
    } catch (error) {
      kept = undefined;
      const pane: Pane = { ok: false, error: messageOf(error) };
      return { zh: pane, en: pane };
    }
    const panes = {} as Record<Lang, Pane>;
    for (const lang of PREVIEW_LANGS) panes[lang] = await renderPane(lang, inputs.templatesDir, shared, chartCache, compiled);
    return panes;
  };
}

type Data = Awaited<ReturnType<typeof loadData>>;
type Shared = Data & { layout: Awaited<ReturnType<typeof loadPageLayout>> };

/** Size and modification time of every input file (absent ones too): equal keys, equal inputs. */
async function inputsKey(inputs: PreviewInputs): Promise<string> {
  const stats = await Promise.all(inputFiles(inputs).map((file) => stat(file).catch(() => undefined)));
  return stats.map((s) => (s ? `${s.size}:${s.mtimeMs}` : '-')).join('|');
}

async function loadData(inputs: PreviewInputs) {
  const [config, snapshot] = await Promise.all([loadConfig(inputs.configFile), loadSnapshot(inputs.snapshotFile)]);
  const notesFile = inputs.notesFile ?? findNotesFor(inputs.snapshotFile);
  const notes = notesFile ? await loadNotes(notesFile) : undefined;
  return { config, snapshot, notes, findings: analyze(snapshot, config.thresholds) };
}

async function loadLayout(templatesDir: string) {
  const layoutIssues = await lintLayout(templatesDir);
  if (layoutIssues.length > 0) throw new Error(layoutIssues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n'));
  return loadPageLayout(templatesDir);
}

async function renderPane(
  lang: Lang,
  templatesDir: string,
  shared: Shared,
  chartCache: RenderAssets['chartCache'],
  compiledCache: Map<Lang, { key: string; language: CompiledLanguage }>,
): Promise<Pane> {
  let files;
  try {
    files = await readTemplateFiles(templatesDir, lang);
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
  try {
    const key = files.map((f) => `${f.file}\0${f.source}`).join('\0');
    let compiled = compiledCache.get(lang)?.key === key ? compiledCache.get(lang)!.language : undefined;
    if (!compiled) {
      compiled = compileLanguage(lang, files);
      compiledCache.set(lang, { key, language: compiled });
    }
    // Only this language's slot is read by renderBrief; the other language may be broken.
    const templates: TemplateSet = { dir: templatesDir, zh: compiled, en: compiled };
    const brief = await renderBrief(shared.snapshot, shared.findings, shared.notes, lang, shared.config, {
      templates,
      layout: shared.layout,
      chartCache,
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
