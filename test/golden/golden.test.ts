/**
 * The golden harness: every case of cases.ts rendered once, as `brief render --format md,html`
 * writes it, and each artefact compared with the case's folder (test/golden/cases/<name>/):
 * zh/en Markdown, HTML and manifest, every chart SVG, the findings and the check report. Every
 * case must pass the check stage with zero failures (the corpus the copy desk is run on).
 *
 * A mismatch fails and writes `<file>-changed.<ext>` beside the golden file (test/support/golden.ts);
 * `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites the folders (never when CI is set) and
 * removes files a case no longer produces.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatFailure } from '../../pipeline/check/index.js';
import { loadRenderAssets, type RenderAssets } from '../../pipeline/render/render-briefs.js';
import { expectGolden, isUpdatingGoldens } from '../support/golden.js';
import { SCENARIOS } from '../fixtures/scenarios/build.js';
import { caseDir, GOLDEN_CASES, REPO_ROOT } from './cases.js';
import { renderCase, type RenderedCase } from './render-case.js';

/** Inputs kept in a case folder, not rendered by it. */
const INPUTS = new Set(['snapshot.json']);

let assets: RenderAssets;
beforeAll(async () => {
  assets = await loadRenderAssets(join(REPO_ROOT, 'templates'));
});

it('holds every day the scenario builder writes', () => {
  const cased = new Set(GOLDEN_CASES.map((c) => c.snapshot));
  expect(SCENARIOS.map((s) => s.file).filter((file) => !cased.has(file))).toEqual([]);
});

describe.each(GOLDEN_CASES)('golden case $name', (c) => {
  let rendered: RenderedCase;
  beforeAll(async () => {
    rendered = await renderCase(c, assets);
  }, 60_000);

  it('passes the check stage with zero failures', () => {
    expect(rendered.check.failures.map(formatFailure)).toEqual([]);
    expect(rendered.check.rules.filter((r) => !r.passed)).toEqual([]);
  });

  it('renders zh and en Markdown, HTML and manifest, and a chart or more per language', () => {
    for (const lang of ['zh', 'en']) {
      for (const ext of ['md', 'html', 'json']) expect(rendered.files.has(`${lang}.${ext}`), `${lang}.${ext}`).toBe(true);
      expect([...rendered.files.keys()].some((f) => f.startsWith(`charts/${lang}/`))).toBe(true);
    }
  });

  it('every artefact matches its golden file, and no golden file is left without an artefact', () => {
    const dir = caseDir(c);
    for (const [path, text] of rendered.files) expectGolden(join(dir, path), text);
    const stale = goldenFiles(dir).filter((path) => !rendered.files.has(path) && !INPUTS.has(path));
    if (isUpdatingGoldens()) for (const path of stale) rmSync(join(dir, path));
    else expect(stale, `golden files ${c.name} no longer renders`).toEqual([]);
  });
});

function goldenFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/-changed\.[a-z]+$/.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}
