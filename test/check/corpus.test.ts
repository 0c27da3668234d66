/**
 * The corpus the copy desk is run on: every scenario day the scenario builder writes
 * (test/fixtures/scenarios/build.ts — new scenarios join by being listed there). That each day
 * passes every rule with zero failures is the golden harness's (test/golden/golden.test.ts,
 * which renders each case once); here: a quiet day says less than a sharp-move day, and a
 * planted fault fails its day.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDay } from '../../pipeline/check/index.js';
import { loadRenderAssets, type RenderAssets } from '../../pipeline/render/render-briefs.js';
import { SCENARIOS } from '../fixtures/scenarios/build.js';
import { ROOT } from '../narrative/brief-cases.js';
import { checkedOf } from './corpus-support.js';

let assets: RenderAssets;
beforeAll(async () => {
  assets = await loadRenderAssets(join(ROOT, 'templates'));
});

/** Han characters of the body (before the sources list), the measure of a zh brief's length. */
function hanCount(markdown: string): number {
  const body = markdown.split(/\n## 数据来源\n/)[0]!.replace(/!\[[^\]]*\]\([^)]*\)/g, '');
  return (body.match(/[\u4e00-\u9fff]/g) ?? []).length;
}

describe('the corpus', () => {
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
