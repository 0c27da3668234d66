/**
 * The macro paragraph's dated event from the calendar: the scheduled release the US session
 * carried, named in the session's own clause with its New York time (the session's clock, so no
 * second date), when the desk gave no macro note (day_plan.macroReleases); never where the desk's
 * notes give the events. Minutes are named by their meeting. The session's clause also says when
 * it closed early and which US holidays came after it (day_plan.macroSession).
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
  it('ETF launch: the 11 January session carried CPI at 08:30 ET (21:30 UTC+8)', () => {
    expect(para(markdownOf('etf-launch-2024-01-12', 'zh', templates), '美股与利率方面')).toContain(
      '1 月 11 日（美东交易日；当日美东时间 08:30（东八区 1 月 11 日 21:30）美国 CPI 数据公布，来源：[美国劳工统计局](https://www.bls.gov/schedule/news_release/cpi.htm)）美元指数下跌 0.1%',
    );
    expect(para(markdownOf('etf-launch-2024-01-12', 'en', templates), "In Thursday's US session")).toContain(
      "In Thursday's US session, which brought the US CPI release at 08:30 ET (21:30 UTC+8 on 11 January; [BLS](https://www.bls.gov/schedule/news_release/cpi.htm)), the dollar index fell 0.1%",
    );
  });

  it('holiday: 3 July 2024 closed at 13:00 ET, before the 14:00 minutes; 4 July was shut (NYSE calendar)', () => {
    const zh = para(markdownOf('holiday-2024-07-05', 'zh', templates), '美股与利率方面');
    expect(zh).toContain('7 月 3 日（美东交易日，提前于 13:00 收市；7 月 4 日美股休市）美元指数下跌 0.3%');
    expect(zh).not.toContain('会议纪要');
    expect(para(markdownOf('holiday-2024-07-05', 'en', templates), 'In Wednesday')).toContain(
      "In Wednesday's US session, a half day that closed at 13:00 ET (US markets were shut on 4 July), the dollar index fell 0.3%",
    );
    // The half day also explains the ETF turnover's 0.5x of full days.
    expect(para(markdownOf('holiday-2024-07-05', 'zh', templates), '● **ETF 成交')).toContain(
      '为近 30 个交易日均值约 22.5 亿美元的 0.5 倍（当日为半日交易）',
    );
    expect(para(markdownOf('holiday-2024-07-05', 'en', templates), '● **ETF volume:**')).toContain(
      '0.5x the 30-session average of $2.25 billion (a half-day session)',
    );
    // 20 June: the 18 June session, Juneteenth (19 June) shut.
    expect(para(markdownOf('quiet-2024-06-20', 'zh', templates), '美股与利率方面')).toContain(
      '6 月 18 日（美东交易日；6 月 19 日美股休市）',
    );
  });

  it("replayed: the 3 January session's minutes are the December meeting's (the FOMC decided on 13 December 2023)", () => {
    const loaded = loadCase({ name: REPLAYED_CASE.name, snapshotFile: join(ROOT, REPLAYED_CASE.snapshot) });
    expect(render(loaded, 'en', templates).markdown).toContain(
      "which brought the minutes of the Fed's December meeting at 14:00 ET (03:00 UTC+8 on 4 January; ",
    );
    expect(render(loaded, 'zh', templates).markdown).toContain(
      '1 月 3 日（美东交易日；当日美东时间 14:00（东八区 1 月 4 日 03:00）美联储公布 12 月 FOMC 会议纪要，',
    );
  });

  it("the bundled day has the desk's macro notes (the minutes among them): no calendar clause", () => {
    expect(markdownOf('bundled-2024-01-04', 'zh', templates)).not.toContain('当日美东时间');
    expect(markdownOf('bundled-2024-01-04', 'en', templates)).not.toContain('US session, which brought');
    // 5 August: the desk's BOJ and Nikkei notes are the events; the 2 August payrolls are not added.
    expect(markdownOf('crash-2024-08-05', 'en', templates)).not.toContain('US session, which brought');
  });
});
