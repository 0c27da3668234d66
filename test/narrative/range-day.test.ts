/**
 * A range day is worded by what it did (editor's reading of the outage and no-keys days):
 * - "a tight range" / 窄幅震荡 only when the close moved less than systemic.moveFractionMin and set
 *   no historical rank; a day that closed 2.3 % lower is titled by its close, and its lead says
 *   whether a trigger was found;
 * - "just" / 仅 for liquidations only below their 30-day median;
 * - the synthesis names a release due within two days instead of "no catalyst".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingOf } from '../../pipeline/analysis/index.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { markdownOf, type LoadedCase } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const md = (name: string, lang: 'zh' | 'en', edit?: (l: LoadedCase) => void): string => markdownOf(name, lang, templates, edit);
const title = (text: string): string => text.split('\n')[0]!;
const plan = (l: LoadedCase): FindingOf<'day_plan'> => l.findings.findings.find((f): f is FindingOf<'day_plan'> => f.kind === 'day_plan')!;

describe('a range day that closed 2.3 % lower (outage, 14 May 2024; liquidations 1.25x their median; CPI the next day)', () => {
  it('is titled by its close, with no "just"', () => {
    expect(title(md('outage-2024-05-14', 'zh'))).toBe('# BTC 收跌 2.3%：全网爆仓约 1.38 亿美元');
    expect(title(md('outage-2024-05-14', 'en'))).toBe('# Bitcoin slips 2.3%; $138 million of positions liquidated market-wide');
  });

  it('the lead says it drifted lower, not a tight range, that the low came in the hours of the PPI release, and that nothing else was found', () => {
    const zh = md('outage-2024-05-14', 'zh');
    expect(zh).toContain(
      '比特币价格全天在 61,152.4—63,184.7 美元之间震荡走低，高低点振幅 3.2%，收于 61,486.4 美元，较前一日收盘下跌 2.3%。',
    );
    // PPI at 08:30 EDT = 20:30 UTC+8; the 20:00 hour's open 61,940.4 → the 21:00 hour's close
    // 61,152.4 is −1.27 %; the low (61,152.4, 21:00 hour) and the steepest hour (20:00, −0.88 %)
    // are both in those two hours. But the 20:00 open was already 1,244.3 under the 63,184.7 high
    // (−2.0 %), 61 % of the 2,032.3 swing: most of the fall came before it.
    expect(zh).toContain(
      '当日 20:30 恰逢美国 PPI 数据公布（来源：[美国劳工统计局](https://www.bls.gov/schedule/news_release/ppi.htm)）；20:00—22:00，比特币下跌 1.3%，日内低点和全天跌幅最大的一小时都落在这一时段；但在公布之前，比特币已较日内高点下跌 2.0%，日内高低点回撤已完成六成以上。[^1]截至发稿，未见可单独解释这一走势的宏观数据或消息。',
    );
    const en = md('outage-2024-05-14', 'en');
    expect(en).toContain('Bitcoin traded in a $61,152–$63,185 range on Tuesday, a 3.2% high-to-low swing');
    expect(en).not.toContain('tight');
  });

  it('the synthesis waits for the CPI release the calendar holds for the next day; without it, the drift is named', () => {
    expect(md('outage-2024-05-14', 'zh')).toContain(
      '总体来看，市场在 5 月 15 日美国 4 月 CPI 公布之前整理，多空双方都在等待这一事件指引方向。',
    );
    expect(md('outage-2024-05-14', 'en')).toContain(
      'The bottom line: the market is marking time before the US April CPI release on 15 May.',
    );
    const noCalendar = (l: LoadedCase): void => {
      plan(l).catalysts = [];
      if (l.notes) l.notes = { ...l.notes, notes: l.notes.notes.filter((n) => n.kind !== 'catalyst') };
    };
    expect(md('outage-2024-05-14', 'zh', noCalendar)).toContain(
      '总体来看，价格虽震荡走低，但尚未走出单边行情，短线仍以区间整理看待，方向有待进一步确认。',
    );
    expect(md('outage-2024-05-14', 'en', noCalendar)).toContain(
      'The bottom line: the drift lower has not turned into a trend, and the range still frames the next move.',
    );
  });
});

describe('a range day with a historical rank (no keys, 24 April 2024: −2.2 %, the largest drop since 13 April)', () => {
  it('is not a tight range either; a floor from sampled streams is titled as a floor', () => {
    expect(title(md('nokeys-2024-04-24', 'zh'))).toBe('# BTC 收跌 2.2%：BTC 合约至少爆仓 3,100 万美元');
    expect(title(md('nokeys-2024-04-24', 'en'))).toBe('# Bitcoin slips 2.2%; at least $31.0 million of BTC positions liquidated');
  });
});

describe('a tight range day (weekend, 17 March 2024: −0.2 %, liquidations 0.58x their median)', () => {
  it('keeps "a tight range" and "just"; the same total above its median loses "just"', () => {
    expect(title(md('weekend-2024-03-17', 'zh'))).toBe('# BTC 窄幅震荡于 6.4 万—6.7 万美元：全网爆仓仅约 1.21 亿美元');
    expect(title(md('weekend-2024-03-17', 'en'))).toBe(
      '# Bitcoin holds a tight $64,000–$67,000 range; liquidations total just $121 million',
    );
    const aboveMedian = (l: LoadedCase): void => {
      plan(l).liquidations!.multipleOfMedian = 1.2;
    };
    expect(title(md('weekend-2024-03-17', 'zh', aboveMedian))).toBe('# BTC 窄幅震荡于 6.4 万—6.7 万美元：全网爆仓约 1.21 亿美元');
    expect(title(md('weekend-2024-03-17', 'en', aboveMedian))).toBe(
      '# Bitcoin holds a tight $64,000–$67,000 range; $121 million of positions liquidated market-wide',
    );
  });

  it('its synthesis is one of the tight-range sentences and names no release', () => {
    expect(md('weekend-2024-03-17', 'zh')).toContain('归结起来，市场处于缺乏方向性催化的整理阶段，多空双方均在等待新的信号。');
    expect(md('weekend-2024-03-17', 'zh')).toContain('比特币价格全天在 64,870.4—66,942.6 美元之间窄幅震荡');
  });
});

describe('a level the day traded through and closed back on its side says so', () => {
  it('outage (open 62,910.2): the 17 April swing low (61,184.0) over a 61,152.4 low is reclaimed; the 20 March one, opened above and lost, is not labelled', () => {
    expect(md('outage-2024-05-14', 'zh')).toContain(
      '下方 61,184.0 美元（4 月 17 日波段低点，日内曾跌破后收复）、6 万美元（整数关口）、56,191.3 美元（5 月 2 日波段低点）构成支撑带；上方 61,724.6 美元（3 月 20 日波段低点）、63,184.7 美元（日内高点）',
    );
    expect(md('outage-2024-05-14', 'en')).toContain(
      'Support: $61,184 (17 April swing low, reclaimed), $60,000, $56,191 (2 May swing low). Resistance: $61,725 (20 March swing low), $63,185 (the day',
    );
  });

  it('rally (a high of 63,512.6, close 62,413.2): 63,000 was topped and given back', () => {
    expect(md('rally-2024-02-28', 'zh')).toContain('上方 6.3 万美元（整数关口，日内曾上破后回落）、63,512.6 美元（日内高点）');
    expect(md('rally-2024-02-28', 'en')).toContain('Resistance: $63,000 (briefly topped), $63,513 (the day');
  });

  it('5 August: levels the day opened above and lost for good are the day’s break, not "briefly topped"', () => {
    expect(md('crash-2024-08-05', 'en')).toContain('Resistance: $55,000, $55,865 (11 July swing low), $58,125 (the day');
    expect(md('crash-2024-08-05', 'en')).toContain('Support: $50,000 (reclaimed), $49,022 (the day');
  });
});

describe('volume down on the day before but at its 30-day average is not thinning (volume.thinMultipleMax 0.9)', () => {
  it('outage: −6 % at 1.0x the average — 交易量回落 / no sign of thinning; weekend −35 % at 0.89x stays 萎缩', () => {
    // At 1.0x (par.ts) the multiple is worded: 与近 30 日均值基本持平 / in line with the 30-day average.
    expect(md('outage-2024-05-14', 'zh')).toMatch(/● \*\*交易量回落\*\*：.*与近 30 日均值基本持平；.*，交投并未明显转淡。/);
    expect(md('outage-2024-05-14', 'en')).toContain('in line with the 30-day average, no sign of thinning participation.');
    expect(md('weekend-2024-03-17', 'zh')).toMatch(/● \*\*交易量萎缩\*\*：.*市场参与度下降，观望情绪浓厚。/);
  });
});

describe('words of degree the day licenses', () => {
  it('rally: payrolls "may weigh on risk assets", not "again" (再度) on a day they rose; a floor "may be" higher in the lead, as in the note', () => {
    expect(md('rally-2024-02-28', 'zh')).toContain('就业数据若明显强于预期，降息预期可能降温，风险资产或承压');
    expect(md('bundled-2024-01-04', 'zh')).toContain('风险资产或再度承压');
    expect(md('nokeys-2024-04-24', 'zh')).toContain('（仅来自交易所抽样推送，为下限，实际清算额可能更高）');
    expect(md('nokeys-2024-04-24', 'en')).toContain('(from sampled exchange feeds only: a floor, the real figure may be higher)');
  });
});

describe('coins arriving on exchanges after the peak are potential supply, said with a modal', () => {
  it('outage: "此后仍净流入 302 枚 BTC，这部分筹码或构成潜在卖压", never 潜在卖压尚未消化', () => {
    const zh = md('outage-2024-05-14', 'zh');
    expect(zh).toMatch(/此后仍净流入 [\d,]+ 枚 BTC，这部分筹码或构成潜在卖压。/);
    expect(zh).not.toContain('尚未消化');
  });
});

describe('the squeezed shorts are buyers', () => {
  it('rally: forced short covering is itself buying — not "overhead supply being absorbed"', () => {
    expect(md('rally-2024-02-28', 'zh')).toContain('合计约 7.02 亿美元），被迫回补的空头本身就是买盘，推动了价格上行');
  });
});
