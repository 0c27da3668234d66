/**
 * Rendering a stored snapshot into briefs:
 *
 *   1. load     snapshot (validated) + editorial notes + templates, compiled once
 *   2. analyze  snapshot → findings (pure)
 *   3. compose  per language: charts (SVG) → brief model → Markdown (Handlebars)
 *   3b. check   the copy desk's rules over every language (pipeline/check): a failure stops
 *               here (exit 4) unless `allowCheckFailures`; nothing has been written
 *   4. html     Markdown → HTML body (markdown-it) → standalone page (inline CSS and SVG)
 *   5. pdf      the page with print CSS → Chromium (one browser per run, pages reused)
 *   6. write    everything atomically into DIR/<date>/: <lang>.md, <lang>.html, <lang>.pdf,
 *               charts/<lang>/<id>.svg, and <lang>.json (the manifest `publish` reads)
 *
 * Nothing is written until every requested output has rendered, so a failure leaves the
 * previous briefs whole. The same snapshot and templates give byte-identical Markdown and HTML.
 */
import { join } from 'node:path';
import { analyze } from '../analysis/index.js';
import type { Findings } from '../analysis/index.js';
import type { Config } from '../../kernel/config.js';
import { RenderError } from '../../kernel/errors.js';
import { writeFileAtomic } from '../../kernel/fs/index.js';
import { pausePoint } from '../../kernel/fs/index.js';
import {
  composeBrief,
  findNotesFor,
  loadNotes,
  checkNotesAgainstMarket,
  loadTemplates,
  renderBriefMarkdown,
  type BriefModel,
  type Notes,
  type TemplateSet,
} from '../narrative/index.js';
import { loadSnapshot, type Snapshot } from '../../kernel/snapshot/index.js';
import type { Format, Lang } from '../../kernel/lang.js';
import { renderCharts, type ChartSvg } from '../../renderers/charts/index.js';
import { loadPageLayout, type PageLayout } from '../../renderers/index.js';
import { markdownToHtml } from '../../renderers/index.js';
import { finishPrintPage } from '../../renderers/pdf/index.js';
import { printCss } from '../../renderers/pdf/index.js';
import type { PdfPrinter } from '../../renderers/pdf/index.js';
import { dateLabel, pageLabel } from '../../kernel/locale/index.js';
import { checkDay, CheckFailedError, type CheckedBrief, type CheckReport } from '../check/index.js';
import type { BriefMeta } from '../../renderers/site/index.js';

export interface RenderRequest {
  snapshotFile: string;
  langs: readonly Lang[];
  formats: readonly Format[];
  outDir: string;
  templatesDir: string;
  config: Config;
  /** Explicit notes file; otherwise `<date>.notes.yaml|json` beside the snapshot is used if present. */
  notesFile?: string;
  /** Render even when the check stage finds faults (they are still reported in `check`). */
  allowCheckFailures?: boolean;
  /** Compose and check only: nothing is written (`brief check`). */
  dryRun?: boolean;
}

export interface RenderResult {
  snapshot: Snapshot;
  findings: Findings;
  files: string[];
  /** The check stage's report: every rule per language, and the failures let through. */
  check: CheckReport;
}

/** Templates and layout compiled once, reusable across many snapshots (rerender, preview). */
export interface RenderAssets {
  templates: TemplateSet;
  layout: PageLayout;
  /**
   * Charts already drawn for a snapshot (with its findings), per language. The preview keeps
   * them while only templates change: drawing is most of a render and does not depend on them.
   */
  chartCache?: WeakMap<Snapshot, Partial<Record<Lang, Promise<ChartSvg[]>>>>;
}

export async function loadRenderAssets(templatesDir: string): Promise<RenderAssets> {
  const [templates, layout] = await Promise.all([loadTemplates(templatesDir), loadPageLayout(templatesDir)]);
  return { templates, layout };
}

export interface RenderedBrief {
  lang: Lang;
  meta: Omit<BriefMeta, 'formats'>;
  markdown: string;
  html: string;
  /** HTML for printing: the same page plus @page rules, the CJK font faces and a font preload. */
  printHtml: string;
  charts: { id: string; svg: string }[];
  /** The brief model the Markdown was rendered from: what the check stage compares it with. */
  model: BriefModel;
}

export async function renderBriefs(
  request: RenderRequest,
  printer: () => Promise<PdfPrinter>,
  assets?: RenderAssets,
): Promise<RenderResult> {
  const wantsPdf = request.formats.includes('pdf');
  // The snapshot first: a missing or invalid one (exit 2) never starts a browser.
  const snapshot = await loadSnapshot(request.snapshotFile);
  // Then the browser starts while the notes and templates load and the charts render
  // (launching is mostly waiting for a process to come up). Whatever happens next, the launch
  // settles before this returns, so a caller that closes its printer on the way out finds it.
  const printing = wantsPdf ? printer() : undefined;
  printing?.catch(() => undefined);
  try {
    const { notes, assets: loaded } = await loadDayInputs(request, snapshot, assets);
    // Language-independent work, once: the findings (and the snapshot) serve every language.
    const findings = analyze(snapshot, request.config.thresholds);
    // One language after the other, each PDF printing (in Chromium, on the other core) while
    // the next language's charts render here.
    const pdfs: Promise<Uint8Array>[] = [];
    const { briefs, check } = await composeBriefs(snapshot, findings, notes, request, loaded, (brief) => {
      if (printing) pdfs.push(printBrief(printing, brief));
    });
    const files = request.dryRun ? [] : await writeBriefs(request, snapshot.date, briefs, printing ? pdfs : undefined);
    return { snapshot, findings, files, check };
  } catch (error) {
    await printing?.catch(() => undefined);
    throw error;
  }
}

/** A day's briefs, every language rendered, nothing printed or written yet (plain data: it crosses threads). */
export interface ComposedDay {
  date: string;
  briefs: RenderedBrief[];
  check: CheckReport;
}

/**
 * The CPU-bound half of renderBriefs, for a worker thread (compose-worker.ts): load, analyze
 * and render every language of one snapshot; `printAndWriteDay` does the rest.
 */
export async function composeDay(request: RenderRequest, assets?: RenderAssets): Promise<ComposedDay> {
  const snapshot = await loadSnapshot(request.snapshotFile);
  const { notes, assets: loaded } = await loadDayInputs(request, snapshot, assets);
  const findings = analyze(snapshot, request.config.thresholds);
  return { date: snapshot.date, ...(await composeBriefs(snapshot, findings, notes, request, loaded)) };
}

/** The other half: prints the day's PDFs (if asked for) and writes every file; the files written. */
export async function printAndWriteDay(request: RenderRequest, day: ComposedDay, printer: () => Promise<PdfPrinter>): Promise<string[]> {
  if (!request.formats.includes('pdf')) return writeBriefs(request, day.date, day.briefs, undefined);
  const printing = printer();
  const pdfs = day.briefs.map((brief) => printBrief(printing, brief));
  return writeBriefs(request, day.date, day.briefs, pdfs);
}

async function loadDayInputs(
  request: RenderRequest,
  snapshot: Snapshot,
  assets: RenderAssets | undefined,
): Promise<{ notes: Notes | undefined; assets: RenderAssets }> {
  const notesFile = request.notesFile ?? findNotesFor(request.snapshotFile);
  const [notes, loaded] = await Promise.all([
    notesFile ? loadNotes(notesFile) : Promise.resolve(undefined),
    assets ? Promise.resolve(assets) : loadRenderAssets(request.templatesDir),
  ]);
  // A desk figure the day's prices contradict is bad input, before anything is composed.
  if (notes && notesFile) checkNotesAgainstMarket(notes, snapshot, request.config.thresholds, notesFile);
  return { notes, assets: loaded };
}

async function composeBriefs(
  snapshot: Snapshot,
  findings: Findings,
  notes: Notes | undefined,
  request: RenderRequest,
  assets: RenderAssets,
  onBrief?: (brief: RenderedBrief) => void,
): Promise<{ briefs: RenderedBrief[]; check: CheckReport }> {
  const briefs: RenderedBrief[] = [];
  for (const lang of request.langs) {
    const brief = await renderBrief(snapshot, findings, notes, lang, request.config, assets);
    briefs.push(brief);
    onBrief?.(brief);
  }
  const check = checkBriefs(snapshot, findings, notes, request, assets, briefs);
  if (check.failures.length > 0 && !request.allowCheckFailures) throw new CheckFailedError(check);
  return { briefs, check };
}

/**
 * The check stage over a day's briefs. zh and en must carry the same figures, so a language not
 * asked for is composed too (its model and Markdown, no charts) for that comparison alone.
 */
export function checkBriefs(
  snapshot: Snapshot,
  findings: Findings,
  notes: Notes | undefined,
  request: Pick<RenderRequest, 'config'>,
  assets: RenderAssets,
  briefs: readonly Pick<RenderedBrief, 'lang' | 'model' | 'markdown'>[],
): CheckReport {
  const checked: CheckedBrief[] = briefs.map(({ lang, model, markdown }) => ({ lang, model, markdown }));
  const partner = (['zh', 'en'] as const).find((lang) => !briefs.some((b) => b.lang === lang));
  const report = checkDay(snapshot.date, checked);
  if (!partner || briefs.length === 0) return report;
  const model = composeBrief({ snapshot, findings, notes, lang: partner, config: request.config, charts: [] }, assets.templates);
  const both = checkDay(snapshot.date, [...checked, { lang: partner, model, markdown: renderBriefMarkdown(model, assets.templates) }]);
  // Only the comparison is taken from the partner; its own rules are not this render's business.
  const parity = both.failures.filter((f) => f.rule === 'parity');
  return {
    ...report,
    failures: [...report.failures, ...parity],
    rules: [...report.rules, ...both.rules.filter((r) => r.rule === 'parity')],
  };
}

/** Starts printing a brief as soon as the printer is there; a failure surfaces where it is awaited. */
function printBrief(printing: Promise<PdfPrinter>, brief: RenderedBrief): Promise<Uint8Array> {
  const pdf = printing.then((pdfPrinter) => pdfPrinter.print(brief.printHtml));
  pdf.catch(() => undefined);
  return pdf;
}

/**
 * Writes a day's files into DIR/<date>/ once every requested output has rendered (PDFs
 * included), so a failure leaves the previous briefs whole; the files written. The one
 * exception is a PDF that cannot print: the reader still gets Markdown and HTML (issue 19).
 */
async function writeBriefs(
  request: RenderRequest,
  date: string,
  briefs: readonly RenderedBrief[],
  pdfs: Promise<Uint8Array>[] | undefined,
): Promise<string[]> {
  const outputs = new Map<string, string | Uint8Array>();
  const dayDir = join(request.outDir, date);
  // A PDF that cannot print (no Chromium, a crash) does not cost the reader the other formats:
  // Markdown and HTML are written, the manifest lists what exists, and the run fails (exit 4).
  const printed = pdfs ? await Promise.allSettled(pdfs) : undefined;
  const pdfFailure = printed?.find((p): p is PromiseRejectedResult => p.status === 'rejected');
  const formats = request.formats.filter((f) => f !== 'pdf' || (printed !== undefined && !pdfFailure));
  for (const brief of briefs) {
    if (request.formats.includes('md')) {
      outputs.set(join(dayDir, `${brief.lang}.md`), brief.markdown);
      for (const chart of brief.charts) outputs.set(join(dayDir, 'charts', brief.lang, `${chart.id}.svg`), chart.svg);
    }
    if (request.formats.includes('html')) outputs.set(join(dayDir, `${brief.lang}.html`), brief.html);
    const meta: BriefMeta = {
      ...brief.meta,
      formats: [...formats].sort(),
      charts: request.formats.includes('md') ? brief.meta.charts : [],
    };
    outputs.set(join(dayDir, `${brief.lang}.json`), `${JSON.stringify(meta, null, 2)}\n`);
  }
  if (printed && !pdfFailure) {
    briefs.forEach((brief, i) => outputs.set(join(dayDir, `${brief.lang}.pdf`), (printed[i] as PromiseFulfilledResult<Uint8Array>).value));
    await pausePoint('render:printed');
  }
  // Nothing is written before everything has rendered; then the files in parallel (each one
  // atomic: temp file, fsync, rename), so their disk waits overlap.
  // Confined to the output folder: a symbolic link planted inside it is refused, not followed.
  await Promise.all([...outputs].map(([file, data]) => writeFileAtomic(file, data, { root: request.outDir })));
  if (pdfFailure) {
    const reason = pdfFailure.reason instanceof Error ? pdfFailure.reason.message : String(pdfFailure.reason);
    const written = request.formats.filter((f) => f !== 'pdf');
    throw new RenderError(
      `the PDF could not be printed${written.length ? ` (${written.join(' and ')} written to ${dayDir})` : ''}: ${reason}`,
      {
        cause: pdfFailure.reason,
      },
    );
  }
  return [...outputs.keys()];
}

export async function renderBrief(
  snapshot: Snapshot,
  findings: Findings,
  notes: Notes | undefined,
  lang: Lang,
  config: Config,
  assets: RenderAssets,
): Promise<RenderedBrief> {
  const charts = await chartsOf(snapshot, findings, lang, assets.chartCache);
  const model = composeBrief(
    {
      snapshot,
      findings,
      notes,
      lang,
      config,
      charts: charts.map(({ id, title, alt }) => ({ id, title, alt })),
    },
    // The title and description come from the same templates as the body (an overlay's included).
    assets.templates,
  );
  const markdown = renderBriefMarkdown(model, assets.templates);
  const page = {
    lang,
    title: model.title,
    description: model.description,
    publicationName: model.publicationName,
    dateLabel: dateLabel(snapshot.date, snapshot.timezone, lang),
    bodyHtml: markdownToHtml(markdown, charts),
  };
  const decorations = {
    headerTitle: model.title,
    footerLabel: `${model.publicationName} · ${page.dateLabel}`,
    pageLabel: pageLabel(lang),
  };
  // The print page (fonts subset to the text's characters) is built when a PDF asks for it:
  // the preview and HTML-only renders never do.
  let printHtml: string | undefined;
  return {
    lang,
    meta: {
      date: snapshot.date,
      lang,
      title: model.title,
      description: model.description,
      timezone: snapshot.timezone,
      updated: snapshot.generatedAt,
      origin: snapshot.origin.kind,
      gaps: snapshot.gaps.length,
      charts: charts.map((c) => c.id),
    },
    markdown: relativeChartLinks(markdown, lang),
    html: assets.layout.render(page),
    get printHtml() {
      return (printHtml ??= finishPrintPage(assets.layout.render(page, { css: printCss(decorations) })));
    },
    charts: charts.map(({ id, svg }) => ({ id, svg })),
    model,
  };
}

/** In the written Markdown, chart images point at the SVG files beside it: charts/<lang>/<id>.svg. */
function relativeChartLinks(markdown: string, lang: Lang): string {
  return markdown.replace(/^(!\[[^\]\n]*\]\()charts\/([a-z0-9-]+\.svg\))$/gm, `$1charts/${lang}/$2`);
}

function chartsOf(snapshot: Snapshot, findings: Findings, lang: Lang, cache: RenderAssets['chartCache']): Promise<ChartSvg[]> {
  if (!cache) return renderCharts(snapshot, findings, lang);
  const entry = cache.get(snapshot) ?? {};
  cache.set(snapshot, entry);
  const drawn = (entry[lang] ??= renderCharts(snapshot, findings, lang));
  // A failed drawing is not kept: the next render tries again.
  drawn.catch(() => delete entry[lang]);
  return drawn;
}
