/**
 * House-style length (pipeline/check/length.ts): the counting rules on hand-counted text, the
 * report line `brief check --report` prints, and the day type the limits (config.briefLength)
 * are judged by — zh 2,000–3,000 字 and en 600–900 words on a sharp-move (crash or rally) day;
 * zh 1,000–2,000 字 and en 400–900 words on a quiet (range) day. Every golden case is held to
 * them in the golden harness (test/golden/golden.test.ts, with its list of days still outside).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { checkDay, formatReport } from '../../pipeline/check/index.js';
import { countEnWords, countZhZi, formatLength, measure, withinLimits } from '../../pipeline/check/length.js';
import { loadRenderAssets, type RenderAssets } from '../../pipeline/render/render-briefs.js';
import { ROOT } from '../narrative/brief-cases.js';
import { checkedOf } from './corpus-support.js';
import { join } from 'node:path';

const LIMITS = DEFAULT_CONFIG.briefLength;

let assets: RenderAssets;
beforeAll(async () => {
  assets = await loadRenderAssets(join(ROOT, 'templates'));
});

describe('counting', () => {
  it('counts en words of the body only: no headline, image, marker, link target or sources', () => {
    const md = [
      '# Bitcoin slides below $43,000',
      '',
      '4 January (ET) — Bitcoin fell 3.8% to $42,874.[^1] Funding is high-to-low ([Federal Reserve](https://example.com/a)).',
      '',
      '![BTC hourly price](charts/price.svg)',
      '',
      '● **Volume:** up 52%.[^2]',
      '',
      '## Sources',
      '',
      '[^1]: Binance `/api/v3/klines`, as of 4 January.',
    ].join('\n');
    // "4 January (ET) Bitcoin fell 3.8% to $42,874. Funding is high-to-low (Federal Reserve)." = 13
    // (the dash alone is no word); "● **Volume:** up 52%." = 3 ("●" has no letter or digit).
    expect(countEnWords(md)).toBe(16);
  });

  it('counts zh 字 as Han characters only: figures, Latin names and punctuation are not 字', () => {
    const md = [
      '# BTC 跌破 4.3 万美元',
      '',
      '据 Coinglass 统计，全网清算约 12.6 亿美元（多头占 73%）。[^1]',
      '',
      '## 数据来源',
      '',
      '[^1]: Coinglass，截至 1 月 4 日。',
    ].join('\n');
    // Han in the body: 据 统 计 全 网 清 算 约 亿 美 元 多 头 占 = 14 (not the headline, the notes,
    // Coinglass, 12.6, 73% or ，（）。).
    expect(countZhZi(md)).toBe(14);
  });

  it('the holiday, −1.8 % at the close after an 8.1 % intraday slide, is a crash held to the quiet length', async () => {
    const briefs = await checkedOf('test/fixtures/holiday-2024-07-05/snapshot.json', assets);
    // Still written as a sell-off (the plan's crash), with the recovery said in the lead.
    expect(briefs[0]!.model.day).toMatchObject({ crash: true, rally: false, range: false, intradayOnly: true });
    expect(briefs[0]!.model.lead.change).toBe('1.8%');
    const report = checkDay(briefs[0]!.model.date, briefs);
    expect(report.lengths.map((c) => [c.lang, c.day])).toEqual([
      ['zh', 'quiet'],
      ['en', 'quiet'],
    ]);
    // `brief check --report` prints each brief's length beside its rules.
    expect(formatReport(report)).toMatch(/^2024-07-05 en: .* length [\d,]+ words \(quiet day: 400–900\)$/m);
  });

  it('a crash by the close is sharp; one by the intraday slide alone is quiet', () => {
    expect(measure('zh', '字', { crash: true, rally: false }).day).toBe('sharp');
    expect(measure('zh', '字', { crash: true, rally: false, intradayOnly: true }).day).toBe('quiet');
    expect(measure('en', 'word', { crash: false, rally: true, intradayOnly: false }).day).toBe('sharp');
  });

  it('a crash or rally day is sharp, a range day quiet, each judged by its own limits', () => {
    const sharp = measure('en', 'word '.repeat(950), { crash: true, rally: false });
    expect(sharp).toEqual({ lang: 'en', count: 950, unit: 'words', day: 'sharp' });
    expect(withinLimits(LIMITS, sharp)).toBe(false);
    expect(formatLength(LIMITS, sharp)).toBe('FAIL length 950 words (sharp day: 600–900)');
    const quiet = measure('zh', '字'.repeat(1500), { crash: false, rally: false });
    expect(formatLength(LIMITS, quiet)).toBe('pass length 1,500 字 (quiet day: 1,000–2,000)');
  });
});
