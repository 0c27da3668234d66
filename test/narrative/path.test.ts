/**
 * The paragraphs under the price chart (path.ts): how the move unfolded and what came before it,
 * asserted on the rendered text of the corpus — each part only where it says what the lead and
 * the chart do not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../golden/cases.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, loadCase, render } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const md = (name: string, lang: 'zh' | 'en'): string => render(loadCase(CASES.find((c) => c.name === name)!), lang, templates).markdown;
const paragraphs = (text: string): string[] => text.split('\n\n');
const starting = (text: string, prefix: string): string | undefined => paragraphs(text).find((p) => p.startsWith(prefix));

describe('the path under the price chart', () => {
  it('bundled day: the steepest hour beside the Fed minutes, the retrace, and a run-up on elevated funding', () => {
    const zh = md('bundled-2024-01-04', 'zh');
    // 03:00 (UTC+8) is the hour the minutes came out; 44,807.6 → 41,706.4 → close 42,873.9:
    // 42,873.9 / 41,706.4 − 1 = 2.8 %, 1,167.5 / 3,101.2 = 38 % of the slide taken back.
    // The close (42,873.9) took back (42,873.9 − 41,706.4) / (44,807.6 − 41,706.4) = 38 % of the
    // slide: between the 20 % of "near the low" and the 50 % of "most of it" — said in words, as the
    // lead prints the low and the close.
    expect(starting(zh, '从盘中节奏看')).toBe(
      '从盘中节奏看，跌势最急的一小时出现在 03:00，与美联储 12 月会议纪要同在一小时：该小时比特币下跌 2.1%。[^5]' +
        // The burst (pricePath.burstHoursMax = 3 hours): 03:00's open 44,414.9 to 05:00's close
        // 41,884.84 is −5.7 %, and 2,530.06 of the 3,101.2 swing = 81.6 % ≥ burstShareMin (60 %).
        '全日跌幅主要集中在 03:00—06:00 这 3 小时：比特币在此期间下跌 5.7%，相当于日内高低点回撤的 82%。' +
        '06:00 触及日内低点后有所反弹，但至收盘仍未收复日内跌幅的大部分。',
    );
    // Funding's 7-day average (0.0467 % per 8 h) was above funding.elevatedPriorMinPer8h (0.02 %):
    // longs were crowded going in; the note lists the funding series beside the daily candles.
    expect(starting(zh, '从前期走势看')).toBe(
      '从前期走势看，下跌之前比特币在 30 日内累计上涨 12.5%，而下跌前 7 日的资金费率均值处于高位，说明多头杠杆在下跌前已相当拥挤，价格一旦下破，被动平仓便集中释放。[^6]',
    );
    const en = md('bundled-2024-01-04', 'en');
    expect(en).toContain(
      "The steepest hourly drop, 2.1%, came in the 03:00 hour, the hour of the Fed's December minutes.[^5] " +
        "Most of the drop came in the 3 hours from 03:00 to 06:00, when Bitcoin lost 5.7%, 82% of the day's high-to-low range. " +
        'The slide followed a 12.5% gain over the previous 30 days, with funding elevated over the 7 days before: longs were crowded going in.[^6]\n\n',
    );
  });

  it('ETF launch day: a close that took back 7% of the slide "stayed near the low", not "selling eased"', () => {
    const zh = md('etf-launch-2024-01-12', 'zh');
    // (43,120.4 − 42,865.3) / (46,758.0 − 42,865.3) ≈ 7 % < pricePath.nearExtremeShareMax (20 %). The
    // steepest hour (20:00) lines up with neither a trigger nor the volume peak (22:00): not printed.
    // No burst: the best three hours (12:00–15:00, UTC+8) moved 53 % of the swing, under burstShareMin
    // (60 %); 17 of the 24 hours closed lower, 71 % ≥ steadyHourShareMin (65 %): a steady slide, in
    // counts only (en leaves it to the chart).
    expect(starting(zh, '从盘中节奏看')).toBe(
      '从盘中节奏看，这轮下跌是在全天逐步完成的：24 个小时中有 17 个小时收跌，抛压持续而分散，没有集中在一两个小时内释放。[^4]' +
        '比特币在 22:00 触及日内低点后反弹乏力，收盘价仍贴近全日低位。',
    );
    expect(zh).not.toContain('跌势最急');
    // +3.8 % over 30 days is under pricePath.trendFractionMin (10 %): printed for its "lowest since".
    expect(starting(zh, '从前期走势看')).toBe(
      '从前期走势看，比特币此前 30 日累计上涨 3.8%，并无明显单边趋势，本轮下跌打破了这一格局；当日收盘价为 1 月 5 日以来最低。[^5]',
    );
    const en = md('etf-launch-2024-01-12', 'en');
    expect(en).not.toContain('steepest hour');
    expect(en).toContain(
      'Over the previous 30 days Bitcoin had risen 3.8%, with no clear trend; the close was the lowest since 5 January.[^5]',
    );
  });

  it('rally: the strongest hour up and a close near the high; the run-up extended', () => {
    const zh = md('rally-2024-02-28', 'zh');
    // 18 of 24 hours closed higher (75 %), and no three hours moved more than 40 % of the swing.
    expect(starting(zh, '从盘中节奏看')).toBe(
      '从盘中节奏看，涨势贯穿全天：24 个小时中有 18 个小时收涨，没有哪一段行情主导全天。[^5]比特币在 19:00 触及日内高点后回落有限，收盘价仍贴近全日高位。',
    );
    expect(starting(zh, '从前期走势看')).toContain('比特币此前 30 日已累计上涨 30.8%，本轮上涨是前期涨势的延续。');
    expect(md('rally-2024-02-28', 'en')).toContain("Bitcoin's move extends a 30.8% gain over the previous 30 days.[^6]");
  });

  it('a replayed day: the day the lead ranks against is named in full', () => {
    // The day `brief fetch` builds from recorded responses; its rendering is the golden case's.
    const golden = (lang: string): string => readFileSync(join(REPO_ROOT, 'test/golden/cases/replayed-2024-01-04', `${lang}.md`), 'utf8');
    const zh = golden('zh');
    // The lead: "为 2023 年 8 月以来最大单日跌幅"; here the day itself and its move.
    expect(zh).toContain('为 2023 年 8 月以来最大单日跌幅');
    expect(starting(zh, '从前期走势看')).toContain('上一次单日跌幅超过本轮，还要追溯到 2023 年 8 月 19 日（下跌 3.7%）。');
    expect(golden('en')).toContain('the last bigger daily drop was on 19 August 2023 (3.7%).');
  });

  it('no path on a range day; what says nothing new is left out and numbers no note', () => {
    expect(md('quiet-2024-06-20', 'zh')).not.toContain('从盘中节奏看');
    const en = md('crash-2024-08-05', 'en');
    // 5 August: the steepest hour (13:00) is neither the trigger's nor the volume peak (14:00), and
    // +9.6 % over 30 days is no trend with nothing to set the close against: neither is printed —
    // and no note is numbered for them. zh says the close took back about half of the slide (0.548 of the swing: 40–60 % is 一半左右, not 大部分).
    expect(en).not.toMatch(/steepest hour,|previous 30 days/);
    expect(md('crash-2024-08-05', 'zh')).toContain('比特币在 14:00 触及日内低点后有所反弹，至收盘收复了日内跌幅的一半左右。');
    const markers = new Set(en.match(/\[\^\d+\](?!:)/g));
    const notes = en.match(/^\[\^\d+\]:/gm) ?? [];
    expect(notes.length).toBe(markers.size);
  });
});
