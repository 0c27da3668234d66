/**
 * History with names (crash-history: BTC daily candles from June 2021): the close-to-close drop
 * is ranked against the long sample and named after the curated event that last beat it; the
 * high-to-low drawdown is ranked on its own; a short history is stated as a floor, never as
 * "the largest in N days".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, loadCase, render } from '../narrative/brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});
const brief = (name: string, lang: 'zh' | 'en') =>
  render(loadCase(CASES.find((c) => c.name === name)!), lang, templates).markdown.replace(/\[\^\d+\]/g, '');

describe('historical rank in the lead', () => {
  it('names FTX as the day that last beat the close-to-close drop; the drawdown is ranked separately', () => {
    const loaded = loadCase(CASES.find((c) => c.name === 'crash-history-2024-08-05')!);
    const rank = loaded.findings.findings.find((f) => f.kind === 'historical_rank' && f.asset === 'BTC' && f.metric === 'close_to_close');
    expect(rank).toMatchObject({ rank: 5, sampleStart: '2021-06-02', since: { date: '2022-11-09', event: { id: 'ftx-2022' } } });
    expect(brief('crash-history-2024-08-05', 'zh')).toContain(
      '较前一日收盘下跌 6.9%，为[2022 年 11 月 FTX 崩盘](https://en.wikipedia.org/wiki/Bankruptcy_of_FTX)以来最大单日跌幅',
    );
    expect(brief('crash-history-2024-08-05', 'zh')).toContain('日内高低点回撤 15.8%（至少为 2021 年 6 月以来最大日内回撤）');
    expect(brief('crash-history-2024-08-05', 'en')).toContain(
      'the largest daily drop since [the November 2022 collapse of FTX](https://en.wikipedia.org/wiki/Bankruptcy_of_FTX)',
    );
  });

  it('a short fetched history is a floor, not a record', () => {
    for (const name of CASES.map((c) => c.name)) {
      const zh = brief(name, 'zh');
      expect(zh).not.toMatch(/近 [\d,]+ 日最大/);
      expect(brief(name, 'en')).not.toMatch(/largest daily (drop|gain) in [\d,]+ days/);
    }
    expect(brief('crash-2024-08-05', 'zh')).toContain('至少为 2024 年 5 月以来最大单日跌幅');
  });
});

describe('catalysts in the outlook', () => {
  it('says there is no scheduled catalyst only when the calendar covers the horizon and lists nothing', () => {
    const zh = brief('quiet-no-catalyst-2024-06-20', 'zh');
    expect(zh).toContain('未来 7 天内暂无已排定的美联储议息与会议纪要、CPI、PPI、PCE、非农数据公布或 Deribit 月度交割');
    // With the default two weeks, the 28 June PCE release and quarterly expiry fall inside: no such claim.
    expect(brief('quiet-2024-06-20', 'zh')).not.toContain('暂无已排定');
    // 5 August 2024: CPI on 14 August (a note) is within two weeks.
    expect(brief('crash-2024-08-05', 'en')).toContain('14 August, the US July CPI release');
  });
});
