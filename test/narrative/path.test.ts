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
        // 41,884.84 is −5.7 %, and 2,530.06 of the 3,101.2 swing = 81.6 % ≥ burstShareMin (50 %):
        // "八成以上", in words, as 5.7 / 6.9 (the printed figures) is 83 %. Of the swing, never of the
        // day's 3.8 % fall, which is smaller (editor's reading, session 9).
        '日内高低点回撤主要发生在 03:00—06:00 这 3 小时：比特币在此期间下跌 5.7%，占这段回撤的八成以上。' +
        // The order feeds: $155.78 million of the $303.40 million of BTC longs recorded came from
        // 05:00 to 07:00 (51 %; no single hour reached half: 05:00 held 49 %), the hours 42,000
        // gave way in (the 05:00 candle's low 41,868.55). Cited by the feeds' note.
        '逐笔强平推送显示，BTC 多头强平集中在 05:00—07:00 这 2 小时，占推送所录多头强平的 51%，与跌破 4.2 万美元同在这一时段。[^6]' +
        '06:00 触及日内低点后有所反弹，但至收盘仍未收复日内跌幅的大部分。',
    );
    // Funding's 7-day average (0.0467 % per 8 h) was above funding.elevatedPriorMinPer8h (0.02 %):
    // longs were crowded going in; the note lists the funding series beside the daily candles.
    expect(starting(zh, '从前期走势看')).toBe(
      '从前期走势看，下跌之前比特币在 30 日内累计上涨 12.5%，而下跌前 7 日的资金费率均值处于高位，说明多头杠杆在下跌前已相当拥挤，价格一旦下破，被动平仓便集中释放。[^7]',
    );
    const en = md('bundled-2024-01-04', 'en');
    expect(en).toContain(
      "The steepest hourly drop, 2.1%, came in the 03:00 hour, the hour of the Fed's December minutes.[^5] " +
        "Most of the day's high-to-low range was covered in the 3 hours from 03:00 to 06:00, when Bitcoin lost 5.7%, over four-fifths of it. " +
        "Exchange liquidation feeds put 51% of the day's recorded BTC long liquidations in the 2 hours from 05:00 to 07:00, as $42,000 gave way.[^6] " +
        'The slide followed a 12.5% gain over the previous 30 days, with funding elevated over the 7 days before: longs were crowded going in.[^7]\n\n',
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
      // A slow drift, then a leg: 20:00's open 44,920.88 to 22:00's close 42,865.3 is −4.6 %, 2,055.58
      // of the 46,732.96 − 42,865.3 = 3,867.66 swing (53.1 % ≥ burstShareMin): not "steady" for its
      // 17 falling hours (editor's reading, session 9).
      '从盘中节奏看，日内高低点回撤主要发生在 20:00—23:00 这 3 小时：比特币在此期间下跌 4.6%，占这段回撤的一半以上。[^3]' +
        // The longs' liquidations bunched inside it: $48.49 million of $76.44 million (63 %) from
        // 21:00 to 23:00, when 44,000 and then 43,000 gave way (the deeper one is named).
        '逐笔强平推送显示，BTC 多头强平集中在 21:00—23:00 这 2 小时，占推送所录多头强平的 63%，与跌破 4.3 万美元同在这一时段。[^5]' +
        '比特币在 22:00 触及日内低点后反弹乏力，收盘价仍贴近全日低位。',
    );
    expect(zh).not.toContain('跌势最急');
    // +3.8 % over 30 days is under pricePath.trendFractionMin (10 %): printed for its "lowest since".
    expect(starting(zh, '从前期走势看')).toBe(
      '从前期走势看，比特币此前 30 日累计上涨 3.8%，并无明显单边趋势，本轮下跌打破了这一格局；当日收盘价为 1 月 5 日以来最低。[^6]' +
        // The eve's peak has its own sentence and note (the hourly and daily klines, [^1]).
        '跌势在前一日已经开始：1 月 11 日 21:00 这一小时（其间 21:30 美国 CPI 数据公布），比特币曾冲高至 48,988.0 美元，至少为 2023 年 11 月以来最高；截至 1 月 12 日收盘，比特币已较该高点回落 12.0%。[^1]',
    );
    const en = md('etf-launch-2024-01-12', 'en');
    expect(en).not.toContain('steepest hour');
    expect(en).toContain(
      'Over the previous 30 days Bitcoin had risen 3.8%, with no clear trend; the close was the lowest since 5 January.[^6]',
    );
  });

  it('rally: the strongest hour up and a close near the high; the run-up extended', () => {
    const zh = md('rally-2024-02-28', 'zh');
    // 18 of 24 hours closed higher (75 %), and no three hours moved more than 40 % of the swing.
    expect(starting(zh, '从盘中节奏看')).toBe(
      '从盘中节奏看，涨势贯穿全天：24 个小时中有 18 个小时收涨，没有哪一段行情主导全天。[^5]' +
        // No liquidation timing on a two-asset day: the liquidation total and chart are BTC's and ETH's.
        '比特币在 19:00 触及日内高点后回落有限，收盘价仍贴近全日高位。',
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
