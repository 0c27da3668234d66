/**
 * The macro paragraph's dated event from the calendar: the scheduled release the US session
 * carried, named when the desk gave no macro note (day_plan.macroReleases), with its time in the
 * brief's zone beside the US session's date; never where the desk's notes give the events.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { REPLAYED_CASE } from '../golden/cases.js';
import { loadCase, markdownOf, render, ROOT } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});
const para = (md: string, start: string) => md.split('\n').find((l) => l.startsWith(start)) ?? '';

describe("the session's scheduled release in the macro paragraph", () => {
  it('ETF launch: the 11 January session carried CPI, 08:30 EST = 21:30 UTC+8 on 11 January', () => {
    const zh = para(markdownOf('etf-launch-2024-01-12', 'zh', templates), '美股与利率方面');
    expect(zh).toContain(
      '当日恰逢美国 CPI 数据公布（东八区 1 月 11 日 21:30，来源：[美国劳工统计局](https://www.bls.gov/schedule/news_release/cpi.htm)）。这些变动都在日常波动范围之内',
    );
    const en = para(markdownOf('etf-launch-2024-01-12', 'en', templates), "In Thursday's US session");
    expect(en).toContain(
      'The session brought the US CPI release (21:30 UTC+8 on 11 January, [BLS](https://www.bls.gov/schedule/news_release/cpi.htm)). None was large enough',
    );
  });

  it('holiday: the 3 July session carried the minutes, 14:00 EDT = 02:00 UTC+8 on 4 July (the day before the brief)', () => {
    expect(para(markdownOf('holiday-2024-07-05', 'zh', templates), '美股与利率方面')).toContain(
      '当日恰逢美联储公布 FOMC 会议纪要（东八区 7 月 4 日 02:00，',
    );
    expect(para(markdownOf('holiday-2024-07-05', 'en', templates), 'In Wednesday')).toContain(
      'The session brought the minutes of the Fed’s last policy meeting (02:00 UTC+8 on 4 July,',
    );
  });

  it('replayed: the minutes fell on the brief day itself (03:00 UTC+8): en gives the offset, no date', () => {
    const loaded = loadCase({ name: REPLAYED_CASE.name, snapshotFile: join(ROOT, REPLAYED_CASE.snapshot) });
    expect(render(loaded, 'en', templates).markdown).toContain(
      'The session brought the minutes of the Fed’s last policy meeting (03:00 UTC+8, [Federal Reserve]',
    );
    expect(render(loaded, 'zh', templates).markdown).toContain('当日恰逢美联储公布 FOMC 会议纪要（东八区 1 月 4 日 03:00，');
  });

  it("the bundled day has the desk's macro notes (the minutes among them): no calendar sentence", () => {
    expect(markdownOf('bundled-2024-01-04', 'zh', templates)).not.toContain('当日恰逢');
    expect(markdownOf('bundled-2024-01-04', 'en', templates)).not.toContain('The session brought');
    // 5 August: the desk's BOJ and Nikkei notes are the events; the 2 August payrolls are not added.
    expect(markdownOf('crash-2024-08-05', 'en', templates)).not.toContain('The session brought');
  });
});
