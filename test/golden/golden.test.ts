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
import { existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { formatFailure } from '../../pipeline/check/index.js';
import { formatLength, withinLimits } from '../../pipeline/check/length.js';
import { loadRenderAssets, type RenderAssets } from '../../pipeline/render/render-briefs.js';
import { expectGolden, isUpdatingGoldens } from '../support/golden.js';
import { SCENARIOS } from '../fixtures/scenarios/build.js';
import { caseDir, GOLDEN_CASES, REPO_ROOT } from './cases.js';
import { listFiles, renderCase, type RenderedCase } from './render-case.js';

/**
 * Days outside the limits, each with the count it had when recorded: a ratchet — an over-long
 * brief may only get shorter, a short one only longer — and an entry must go once the day fits.
 * Keyed by golden case and language.
 *
 * zh counts Han characters only (length.ts). The sharp days reach 2,000 with what the data
 * licenses (the path under the chart and whether the move came in a burst or steadily, the
 * gauges and the futures curve read together, the funds split, the whale transfers either side of
 * the level, the split's crux, what a release bears on, the eve's peak, the settlements, the
 * coins closed in the slide), each gated by its threshold and read by an editor for repetition.
 * Session 11 brought the last two in: the ETF launch (2,066) and the replayed 2024-01-04 (2,004;
 * what the scheduled run prints with no desk notes). No day is outside the limits now; a day that
 * falls outside is recorded here with its count and may then only move toward the limits.
 */
const OUTSIDE: Record<string, number> = {};
const LIMITS = DEFAULT_CONFIG.briefLength;

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
  const { name } = c;
  let rendered: RenderedCase;
  beforeAll(async () => {
    rendered = await renderCase(c, assets);
  }, 60_000);

  it('passes the check stage with zero failures', () => {
    expect(rendered.check.failures.map(formatFailure)).toEqual([]);
    expect(rendered.check.rules.filter((r) => !r.passed)).toEqual([]);
  });

  it('keeps the house length (config.briefLength), or moves toward it', () => {
    for (const c of rendered.check.lengths) {
      const key = `${name}:${c.lang}`;
      const recorded = OUTSIDE[key];
      if (recorded === undefined) {
        expect(formatLength(LIMITS, c), key).toMatch(/^pass /);
        continue;
      }
      expect(withinLimits(LIMITS, c), `${key} fits now (${c.count}): remove it from OUTSIDE`).toBe(false);
      if (c.count > LIMITS[c.day][c.lang].max) expect(c.count, key).toBeLessThanOrEqual(recorded);
      else expect(c.count, key).toBeGreaterThanOrEqual(recorded);
    }
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
  return listFiles(dir)
    .map((file) => relative(dir, file))
    .filter((path) => !/-changed\.[a-z]+$/.test(path));
}
