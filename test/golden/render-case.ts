/**
 * One golden case rendered as the user gets it: `brief render --format md,html` into a fresh
 * folder through the real render stage (charts, notes beside the snapshot, check stage), with
 * the default config and the case's threshold overrides. Returns every artefact the case's
 * golden folder holds, keyed by its path inside that folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ConfigSchema, type Config } from '../../kernel/config.js';
import { formatFailure, formatReport, type CheckReport } from '../../pipeline/check/index.js';
import { renderBriefs, type RenderAssets } from '../../pipeline/render/render-briefs.js';
import { REPO_ROOT, type GoldenCase } from './cases.js';

export interface RenderedCase {
  /** Artefact path inside the case folder → its text. */
  files: Map<string, string>;
  check: CheckReport;
}

export function configOfCase(c: GoldenCase): Config {
  return ConfigSchema.parse(c.thresholds ? { thresholds: c.thresholds } : {});
}

export async function renderCase(c: GoldenCase, assets: RenderAssets): Promise<RenderedCase> {
  const outDir = mkdtempSync(join(tmpdir(), `golden-${c.name}-`));
  try {
    const result = await renderBriefs(
      {
        snapshotFile: join(REPO_ROOT, c.snapshot),
        langs: ['zh', 'en'],
        formats: ['md', 'html'],
        outDir,
        templatesDir: join(REPO_ROOT, 'templates'),
        config: configOfCase(c),
        // Failures are written to check.txt and asserted empty by the harness, not thrown.
        allowCheckFailures: true,
      },
      () => Promise.reject(new Error('the golden cases print no PDF')),
      assets,
    );
    const dayDir = join(outDir, result.snapshot.date);
    const files = new Map<string, string>();
    for (const file of listFiles(dayDir)) files.set(relative(dayDir, file), readFileSync(file, 'utf8'));
    for (const lang of ['zh', 'en']) {
      files.set(`${lang}.html`, goldenHtml(files.get(`${lang}.html`)!, lang, files));
    }
    files.set('findings.json', `${JSON.stringify(result.findings, null, 2)}\n`);
    const failures = result.check.failures.map(formatFailure);
    files.set('check.txt', `${formatReport(result.check)}\n${failures.length ? `\n${failures.join('\n')}\n` : ''}`);
    return { files, check: result.check };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The layout's stylesheet, which every page inlines whole (renderers/html-page.ts). */
const LAYOUT_CSS_PATH = 'templates/layout/style.css';
const LAYOUT_CSS = readFileSync(join(REPO_ROOT, LAYOUT_CSS_PATH), 'utf8');
const STYLE = /<style>\n([\s\S]*?)<\/style>/;

/**
 * The page inlines the layout's stylesheet and each chart's SVG, byte for byte the file
 * charts/<lang>/<id>.svg beside it; the golden page names them instead, so each is kept (and
 * compared) once: the stylesheet against the template itself, the charts against their goldens.
 */
export function goldenHtml(html: string, lang: string, files: ReadonlyMap<string, string>): string {
  if (STYLE.exec(html)?.[1] !== `${LAYOUT_CSS}\n`) throw new Error(`${lang}.html does not inline ${LAYOUT_CSS_PATH} as it is`);
  let page = html.replace(STYLE, () => `<style>\n/* golden: ${LAYOUT_CSS_PATH} */\n</style>`);
  for (const [path, svg] of files) {
    if (!path.startsWith(`charts/${lang}/`)) continue;
    if (!page.includes(svg)) throw new Error(`${lang}.html does not inline ${path} as written`);
    page = page.replace(svg, () => `<!-- golden: ${path} -->`);
  }
  return page;
}

/** Every file under `dir`, by absolute path, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
