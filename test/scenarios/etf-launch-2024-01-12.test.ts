/**
 * The ETF launch scenario (12 January 2024, UTC+8, holding the first spot bitcoin ETF session of
 * 11 January): one day of ETF history, so the brief states the day's turnover and flows but no
 * average, multiple, record or streak.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkDay } from '../../pipeline/check/index.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { loadRenderAssets } from '../../pipeline/render/render-briefs.js';
import { checkedOf } from '../check/corpus-support.js';
import { windowStats } from '../fixtures/scenarios/checks.js';
import { CASES, loadCase, render, ROOT, type LoadedCase } from '../narrative/brief-cases.js';
import { spot } from './helpers.js';

let loaded: LoadedCase;
let templates: TemplateSet;
beforeAll(async () => {
  loaded = loadCase(CASES.find((c) => c.name === 'etf-launch-2024-01-12')!);
  templates = await loadTemplates();
});
const plain = (md: string) => md.replace(/\[\^\d+\]/g, '');
const line = (md: string, start: string) => md.split('\n').find((l) => l.startsWith(start))!;

describe('etf-launch-2024-01-12', () => {
  it('BTC sells the news: 46,480.6 → 43,120.4 (−7.2 %), low 42,865.3', () => {
    const w = windowStats(spot(loaded.snapshot, 'BTC', '1h'), loaded.snapshot.window);
    expect([w.prevClose, w.low, w.close]).toEqual([46_480.6, 42_865.3, 43_120.4]);
    // 43,120.4 / 46,480.6 − 1 = −0.072293
    expect(w.close / w.prevClose - 1).toBeCloseTo(-0.072293, 5);
  });

  it('every fund and the flows hold exactly one session, 11 January', () => {
    const s = loaded.snapshot;
    for (const e of s.etfs) expect(e.daily.map((d) => d.date)).toEqual(['2024-01-11']);
    expect(s.etfFlows[0]!.daily.map((d) => d.date)).toEqual(['2024-01-11']);
    // 111.7 + 227.0 − 95.1 + 65.3 + 237.9 = 546.8 million
    expect(s.etfFlows[0]!.daily[0]!.netFlowUsd).toBe(546_800_000);
    const dollars = s.etfs.map((e) => e.daily[0]!.close * e.daily[0]!.volume);
    const total = dollars.reduce((a, b) => a + b, 0);
    // GBTC ≈ $2.30 billion of ≈ $4.23 billion, as the brief prints.
    expect(dollars[2]! / 1e9).toBeCloseTo(2.3, 1);
    expect(total / 1e9).toBeCloseTo(4.23, 2);
  });

  it('states the first session without an average, multiple, record or "still"', () => {
    const en = plain(render(loaded, 'en', templates).markdown);
    const zh = plain(render(loaded, 'zh', templates).markdown);
    const enVolume = line(en, '● **ETF volume:**');
    expect(enVolume).toMatch(/traded \$4\.23 billion (?:on|in) (11 January|Thursday)/);
    // No average figure, multiple or record; the bullet says why there is none.
    expect(enVolume).not.toMatch(/average of|\dx |record|high/);
    expect(enVolume).toContain('their first session as spot ETFs, so with no average to compare');
    const enFlows = line(en, '● **ETF flows:**');
    expect(enFlows).toMatch(/net inflows of \$547 million (?:on|in) (11 January|Thursday)/);
    expect(enFlows).not.toMatch(/still|straight sessions/);
    const zhVolume = line(zh, '● **ETF 成交');
    expect(zhVolume).toMatch(/(1 月 11 日|周四)[^。]*合计成交额约 42\.3 亿美元/);
    expect(zhVolume).not.toMatch(/均值 [\d约]|倍|新高|纪录/);
    expect(zhVolume).toContain('当日为美国现货 BTC ETF 上市首个交易日，尚无历史均值可比');
    expect(line(zh, '● **ETF 资金')).not.toMatch(/仍在|连续/);
    expect(en).not.toMatch(/30-session/);
  });

  it('says the slide began the evening before, from the 48,988 peak of 11 January 21:00 (UTC+8), the CPI hour, to the 12 January close', () => {
    // The hourly high of 11 January 13:00 UTC; no daily high since 1 November 2023 above it;
    // 43,120.4 / 48,988 − 1 = −11.98 %.
    const peak = spot(loaded.snapshot, 'BTC', '1h')
      .filter((c) => c.t < loaded.snapshot.window.start)
      .at(-3)!;
    expect([peak.h, new Date(peak.t).toISOString()]).toEqual([48_988, '2024-01-11T13:00:00.000Z']);
    const zh = plain(render(loaded, 'zh', templates).markdown);
    const en = plain(render(loaded, 'en', templates).markdown);
    expect(zh).toContain(
      '跌势在前一日已经开始：1 月 11 日 21:00 这一小时（其间 21:30 美国 CPI 数据公布），比特币曾冲高至 48,988.0 美元，至少为 2023 年 11 月以来最高；截至 1 月 12 日收盘，比特币已较该高点回落 12.0%。',
    );
    expect(en).toContain(
      "The slide had begun the day before: Bitcoin peaked at $48,988, its highest since at least November 2023, at 21:00 UTC+8 on 11 January, the hour of the US CPI release; Friday's close was 12.0% below that.",
    );
  });

  it('the check stage reads "11.3%" as 11.3 %, not as the US-session change of 1.3 %', async () => {
    // The ETF bullet's model holds BTC's US-session change (1.3 %); the basis sentence prints 11.3 %.
    const briefs = await checkedOf('test/fixtures/etf-launch-2024-01-12/snapshot.json', await loadRenderAssets(join(ROOT, 'templates')));
    expect(checkDay('2024-01-12', briefs).failures.filter((f) => f.rule === 'windows')).toEqual([]);
  }, 60_000);
});
