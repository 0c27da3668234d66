/**
 * The lead's scheduled release (release.ts, lead-release.hbs): said when a calendar release came
 * out inside the window and no desk note names the day's trigger; never beside a trigger note,
 * which is the desk's own account of the event.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { markdownOf, type LoadedCase } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const lead = (name: string, lang: 'zh' | 'en', edit?: (l: LoadedCase) => void): string =>
  markdownOf(name, lang, templates, edit).split('\n\n')[1]!;
const withoutNotes = (l: LoadedCase): void => {
  delete l.notes;
};

describe('the scheduled release in the lead', () => {
  it('bundled day: the notes name the FOMC minutes as the trigger, so the calendar entry is not said again', () => {
    expect(lead('bundled-2024-01-04', 'zh')).toContain('美联储 12 月会议纪要前后');
    expect(lead('bundled-2024-01-04', 'zh')).not.toContain('FOMC 会议纪要');
    expect(lead('bundled-2024-01-04', 'en')).not.toContain('minutes of the Fed');
  });

  it('bundled day without notes: the minutes at 03:00, the price over 03:00–05:00 and the steepest hour, then "nothing else"', () => {
    // Minutes at 14:00 EST on 3 January = 03:00 UTC+8 on the 4th. 03:00 opens 44,414.9 and
    // 04:00 closes 42,794.87: −3.65 %; the steepest hour (03:00) is in them, the low (06:00) is not.
    const zh = lead('bundled-2024-01-04', 'zh', withoutNotes);
    expect(zh).toMatch(/03:00 美联储公布 12 月 FOMC 会议纪要|美联储公布 12 月 FOMC 会议纪要的时间是 03:00/);
    expect(zh).toContain(
      '（来源：[美联储](https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm)）；03:00—05:00，比特币下跌 3.6%，全天跌幅最大的一小时也在其中。[^3]',
    );
    expect(zh).toMatch(/时间上的重合并不等于因果|并不足以说明前者就是原因/);
    expect(zh).not.toMatch(/尚无单一明确的宏观|尚未找到单一的宏观|暂无明确的宏观数据/);
    const en = lead('bundled-2024-01-04', 'en', withoutNotes);
    expect(en).toContain(
      "([Federal Reserve](https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm)); from 03:00 to 05:00 Bitcoin fell 3.6%, including the day's steepest hourly drop.[^3]",
    );
  });
});

describe('a drop without a flush, read from its evidence', () => {
  it('coins held cut with the price but no flush of size is the bulls’ point of less leverage left; a flush day says "flushed" instead', () => {
    // The bundled day (coins held −6.1 %, the deleveraging finding) read without its leverage_flush claim.
    const noFlush = (l: LoadedCase): void => {
      const plan = l.findings.findings.find((f) => f.kind === 'day_plan');
      if (plan?.kind === 'day_plan') plan.claims = plan.claims.filter((c) => c.id !== 'leverage_flush');
    };
    expect(markdownOf('bundled-2024-01-04', 'zh', templates, noFlush)).toMatch(
      /未平仓合约按持仓币数计下降 6\.1%，杠杆已部分出清，后续被动平仓的压力随之减轻\[\^\d+\][；。]/,
    );
    // With it, the bulls' point is the flush.
    expect(markdownOf('bundled-2024-01-04', 'zh', templates)).not.toContain('杠杆已部分出清');
    // The ETF launch's coins held rose 3.9 %: no such point, whatever its dollars did.
    expect(markdownOf('etf-launch-2024-01-12', 'zh', templates)).not.toContain('杠杆已部分出清');
  });

  it('a drop on which coins held rose (ETF launch, +3.9 %): no "去杠杆" in the liquidation bullet, no "Leverage unwinds" heading, and the crux starts from positions added', () => {
    const zh = markdownOf('etf-launch-2024-01-12', 'zh', templates);
    expect(zh).toContain('多头占 75%，为近 30 日中位数约 1.50 亿美元的 1.9 倍，多头仓位承压更为明显。');
    expect(zh).not.toContain('多头去杠杆');
    expect(zh).toContain(
      '分歧的焦点在于下跌的性质：当日未平仓量按持仓币数计不降反升，若价格跌破 4.3 万美元时持仓继续增加，说明空头正在主动加仓；若持仓转而回落、资金费率保持中性，调整更可能以多头减仓为主。',
    );
    const en = markdownOf('etf-launch-2024-01-12', 'en', templates);
    expect(en).toContain('## Liquidations and leverage\n');
    expect(en).not.toContain('Leverage unwinds');
    // The bundled day, coins held −6.1 % with a flush, keeps both.
    expect(markdownOf('bundled-2024-01-04', 'en', templates)).toContain('## Leverage unwinds\n');
  });
});
