/**
 * The weekend scenario (Sunday 17 March 2024, UTC+8): no US session closes in the window, so ETF
 * and macro figures are Friday 15 March's, said with that date and never offered as the move's cause.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { usCloseInstant } from '../../pipeline/analysis/util/us-market.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { windowStats } from '../fixtures/scenarios/checks.js';
import { CASES, loadCase, render, type LoadedCase } from '../narrative/brief-cases.js';
import { DAY, series, spot, sumBetween } from './helpers.js';

let loaded: LoadedCase;
let templates: TemplateSet;
beforeAll(async () => {
  loaded = loadCase(CASES.find((c) => c.name === 'weekend-2024-03-17')!);
  templates = await loadTemplates();
});
const plain = (md: string) => md.replace(/\[\^\d+\]/g, '');

describe('weekend-2024-03-17', () => {
  it('BTC dips to 64,870.4, recovers to 66,942.6 and closes −0.2 %: a range day', () => {
    const w = windowStats(spot(loaded.snapshot, 'BTC', '1h'), loaded.snapshot.window);
    expect([w.low, w.high, w.close]).toEqual([64_870.4, 66_942.6, 66_712.4]);
    // 66,712.4 / 66,820.3 − 1 = −0.001615
    expect(w.close / w.prevClose - 1).toBeCloseTo(-0.001615, 5);
  });

  it('trades thin: Binance perp volume 35 % below the Saturday window', () => {
    const s = loaded.snapshot;
    const hourly = series(s.perpetuals, 'binance', 'BTCUSDT', '1h').candles;
    const ratio = sumBetween(hourly, s.window.start, s.window.end, 'qv') / sumBetween(hourly, s.window.start - DAY, s.window.start, 'qv');
    expect(ratio - 1).toBeCloseTo(-0.35, 3);
  });

  it('the last US session is Friday 15 March, closed 20 hours before the window opened', () => {
    const s = loaded.snapshot;
    for (const e of s.etfs) expect(e.daily.at(-1)!.date).toBe('2024-03-15');
    for (const m of s.macro) expect(m.daily.at(-1)!.date).toBe('2024-03-15');
    // 15 March 16:00 New York (EDT) = 20:00 UTC; the window opens 16 March 16:00 UTC.
    expect(usCloseInstant('2024-03-15')).toBe(Date.parse('2024-03-15T20:00:00Z'));
    expect(s.window.start - usCloseInstant('2024-03-15')).toBe(20 * 3_600_000);
    // 345.4 + 19.4 − 139.4 − 12.1 + 10.2 = 223.5 million
    expect(s.etfFlows[0]!.daily.at(-1)).toMatchObject({ date: '2024-03-15', netFlowUsd: 223_500_000 });
  });

  it("the brief dates ETF and macro figures 15 March and does not make Friday's flow the cause of Sunday's move", () => {
    const en = plain(render(loaded, 'en', templates).markdown);
    const zh = plain(render(loaded, 'zh', templates).markdown);
    const [enTitle, , enLead] = en.split('\n');
    const [zhTitle, , zhLead] = zh.split('\n');
    expect(enTitle).not.toMatch(/ETF/);
    expect(zhTitle).not.toMatch(/ETF/);
    expect(enLead).not.toMatch(/ETF|fresh money/);
    expect(zhLead).not.toMatch(/ETF|增量资金/);
    // The session is named by its date or its weekday (the wording may say either), never a weekend one.
    const lines = (md: string, re: RegExp) => md.split('\n').filter((l) => re.test(l));
    const enUs = lines(en, /ETF flows:|ETF volume:|dollar index/);
    const zhUs = lines(zh, /ETF 资金|ETF 成交|美元指数/);
    expect(enUs).toHaveLength(3);
    expect(zhUs).toHaveLength(3);
    expect(enUs[0]).toMatch(/net inflows of \$224 million (?:on|in) (15 March|Friday)/);
    for (const l of enUs) expect(l).toMatch(/15 March|Friday/);
    for (const l of enUs) expect(l).not.toMatch(/1[67] March|Saturday|Sunday/);
    expect(zhUs[0]).toMatch(/2\.24 亿美元/);
    for (const l of zhUs) expect(l).toMatch(/3 月 15 日|周五/);
    for (const l of zhUs) expect(l).not.toMatch(/3 月 1[67] 日|周六|周日/);
  });
});
