/**
 * A brief past the sourced calendar: the quiet-day findings with the day plan's calendar part
 * replaced by what analysis decides for brief day 1 December 2026 (window 2–15 December): the
 * FOMC decision of 9 December is listed, and the brief says the minutes, CPI, PPI, payrolls and PCE schedules
 * are not yet in the calendar, instead of either listing nothing or claiming "no catalyst".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catalystsWithin, unsourcedKinds } from '../../pipeline/analysis/calendar/catalysts.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, loadCase, render } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

function briefPastTheCalendar(lang: 'zh' | 'en'): string {
  const loaded = loadCase(CASES.find((c) => c.name === 'quiet-2024-06-20')!);
  const findings = loaded.findings.findings.map((f) =>
    f.kind === 'day_plan'
      ? { ...f, catalysts: catalystsWithin('2026-12-01', 14), noCatalyst: false, unsourced: unsourcedKinds('2026-12-15') }
      : f,
  );
  const notes = loaded.notes && { ...loaded.notes, notes: loaded.notes.notes.filter((n) => n.kind !== 'catalyst') };
  return render({ ...loaded, notes, findings: { ...loaded.findings, findings } }, lang, templates).markdown.replace(/\[\^\d+\]/g, '');
}

describe('catalysts past the sourced calendar', () => {
  it('zh: lists the FOMC decision and says which schedules are not yet sourced', () => {
    const zh = briefPastTheCalendar('zh');
    expect(zh).toContain(
      '美联储 FOMC 利率决议（利率决议与政策声明将直接影响市场对降息路径的定价；来源：[美联储](https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm)）',
    );
    expect(zh).toContain(
      '日程尚未收录未来 14 天内美联储会议纪要、美国 CPI、美国 PPI、非农就业报告和 PCE 物价指数的完整官方发布日期，其间的发布可能未列出。',
    );
    expect(zh).not.toContain('暂无已排定');
  });

  it('en: the same in English', () => {
    const en = briefPastTheCalendar('en');
    expect(en).toContain('the FOMC rate decision ([Federal Reserve](https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm))');
    expect(en).toContain(
      'The calendar does not yet hold the official FOMC minutes, US CPI, US PPI, payrolls and PCE dates for the next 14 days; releases in that period may be missing.',
    );
    expect(en).not.toContain('No scheduled catalyst');
  });
});

describe('a real week with nothing scheduled', () => {
  it('20 June 2024 read with a one-week horizon (quiet-no-catalyst-2024-06-20): 21–27 June holds no catalyst', () => {
    const loaded = loadCase(CASES.find((c) => c.name === 'quiet-no-catalyst-2024-06-20')!);
    const plan = loaded.findings.findings.find((f) => f.kind === 'day_plan');
    expect(plan).toMatchObject({ catalysts: [], noCatalyst: true, unsourced: [] });
    const zh = render(loaded, 'zh', templates).markdown;
    expect(zh).toContain('未来 7 天内暂无已排定的美联储议息与会议纪要、CPI、PPI、PCE、非农数据公布或 Deribit 月度交割');
    expect(render(loaded, 'en', templates).markdown).toContain(
      'No scheduled catalyst in the next 7 days: no FOMC decision or minutes, no CPI, PPI, PCE or payrolls release',
    );
  });

  it('16 May 2024 (quiet-2024-05-16): the default two-week horizon holds the FOMC minutes of 22 May, 14:00 EDT = 02:00 UTC+8 on 23 May', () => {
    const loaded = loadCase(CASES.find((c) => c.name === 'quiet-2024-05-16')!);
    const plan = loaded.findings.findings.find((f) => f.kind === 'day_plan');
    expect(plan).toMatchObject({
      catalysts: [{ date: '2024-05-22', kind: 'minutes', time: Date.parse('2024-05-22T18:00:00Z') }],
      noCatalyst: false,
    });
    expect(render(loaded, 'zh', templates).markdown).toContain(
      '5 月 23 日 02:00 美联储公布 5 月 FOMC 会议纪要（纪要中关于降息路径的措辞可能影响利率预期',
    );
  });
});
