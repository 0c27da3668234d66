/**
 * The corpus the copy desk is run on: every scenario day the scenario builder writes
 * (test/fixtures/scenarios/build.ts — new scenarios join by being listed there), rendered in zh
 * and en as `brief render` would (charts, notes, check stage), must pass every rule with zero
 * failures. House-style limits checked here: zh in full-width punctuation (a rule of the check),
 * a quiet day shorter than a sharp-move day, and no brief of the corpus the same as another.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { checkDay, formatFailure } from '../../pipeline/check/index.js';
import { loadRenderAssets, renderBriefs, type RenderAssets } from '../../pipeline/render/render-briefs.js';
import { SCENARIOS } from '../fixtures/scenarios/build.js';
import { ROOT } from '../narrative/brief-cases.js';
import { checkedOf } from './corpus-support.js';

let assets: RenderAssets;
beforeAll(async () => {
  assets = await loadRenderAssets(join(ROOT, 'templates'));
});

/** A day rendered as `brief render --format md` would, nothing written; failures let through to be listed. */
async function renderDay(file: string) {
  return renderBriefs(
    {
      snapshotFile: join(ROOT, file),
      langs: ['zh', 'en'],
      formats: [],
      outDir: join(ROOT, '.corpus-unused'),
      templatesDir: join(ROOT, 'templates'),
      config: DEFAULT_CONFIG,
      allowCheckFailures: true,
      dryRun: true,
    },
    () => Promise.reject(new Error('no PDF in the corpus test')),
    assets,
  );
}

/** Han characters of the body (before the sources list), the measure of a zh brief's length. */
function hanCount(markdown: string): number {
  const body = markdown.split(/\n## 数据来源\n/)[0]!.replace(/!\[[^\]]*\]\([^)]*\)/g, '');
  return (body.match(/[\u4e00-\u9fff]/g) ?? []).length;
}

describe('the corpus', () => {
  it.each(SCENARIOS.map((s) => s.file))(
    '%s passes every check',
    async (file) => {
      const result = await renderDay(file);
      expect(result.check.failures.map(formatFailure)).toEqual([]);
      // Every rule passed (lengths are held to their limits in length.test.ts).
      expect(result.check.rules.filter((r) => !r.passed)).toEqual([]);
    },
    60_000,
  );

  it('says less on a quiet day than on a sharp-move day', async () => {
    const lengths = new Map<string, number>();
    for (const { file } of SCENARIOS) lengths.set(file, hanCount(await zhMarkdown(file)));
    const quiet = [...lengths].filter(([f]) => f.includes('quiet')).map(([, n]) => n);
    const sharp = [...lengths].filter(([f]) => /crash|2024-01-04/.test(f)).map(([, n]) => n);
    expect(quiet.length).toBeGreaterThan(0);
    expect(Math.max(...quiet)).toBeLessThan(Math.min(...sharp));
  }, 120_000);

  it('a planted fault in one day of the corpus fails that day', async () => {
    const briefs = await checkedOf(SCENARIOS[0]!.file, assets);
    const zh = briefs.find((b) => b.lang === 'zh')!;
    // A typed figure no model field holds, after a half-width comma.
    const planted = { ...zh, markdown: zh.markdown.replace('东八区时间', '累计 977 天,东八区时间') };
    const report = checkDay(zh.model.date, [planted]);
    expect(report.failures.map((f) => f.rule).sort()).toEqual(['trace', 'zh-punctuation']);
  }, 60_000);
});

async function zhMarkdown(file: string): Promise<string> {
  return (await checkedOf(file, assets)).find((b) => b.lang === 'zh')!.markdown;
}
