/**
 * The copy desk's corrections to the scenario corpus, each asserted on the rendered text:
 * words of size need the claim whose threshold fired (flush, squeeze, "仍在", "about normal"),
 * a floor is never a total, the lead does not deny a driver the notes name, an article follows
 * how a figure is read aloud, and a recent "since" day is named by its date.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, renderBriefMarkdown, type TemplateSet } from '../../pipeline/narrative/index.js';
import { variantOf } from '../../pipeline/narrative/variation.js';
import type { Claim, DayPlan } from '../../pipeline/analysis/findings.js';
import { enArticle } from '../../kernel/locale/en-article.js';
import { CASES, loadCase, render, type LoadedCase, markdownOf } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const caseOf = (name: string): LoadedCase => loadCase(CASES.find((c) => c.name === name)!);
const planOf = (loaded: LoadedCase): DayPlan => loaded.findings.findings.find((f): f is DayPlan => f.kind === 'day_plan')!;
const md = (name: string, lang: 'zh' | 'en', edit?: (l: LoadedCase) => void): string => markdownOf(name, lang, templates, edit);
const claimIds = (name: string): Claim['id'][] => planOf(caseOf(name)).claims.map((c) => c.id);

describe('leverage flush: a claim of size, not of share', () => {
  it('fires only where liquidations reached liquidations.multipleOfMedianMin (3x) with longs dominant and OI down', () => {
    // Holiday 5.6x the median, 82 % longs, OI −5.7 %; outage 1.3x; ETF launch 1.9x; no keys: a floor, no median.
    expect(claimIds('holiday-2024-07-05')).toContain('leverage_flush');
    expect(claimIds('crash-scope-2024-08-05')).toContain('leverage_flush'); // the assets' sum: BTC's own multiple
    for (const name of ['outage-2024-05-14', 'etf-launch-2024-01-12', 'nokeys-2024-04-24']) {
      expect(claimIds(name)).toContain('long_flush'); // longs still dominated
      expect(claimIds(name)).not.toContain('leverage_flush');
    }
  });

  it('outage day (1.3x median): no "flushed" point, the bullet is labelled by share, not "Long squeeze"', () => {
    const en = md('outage-2024-05-14', 'en');
    const zh = md('outage-2024-05-14', 'zh');
    expect(en).toContain(
      // The lead gives the total and the 70 % share; the en bullet adds the multiple of the median.
      '● **Mostly longs liquidated:** the total was 1.3x the 30-day median of $110 million.[^2]',
    );
    expect(en).toContain('The bull case: funding shows no crowded longs');
    expect(en).not.toMatch(/leverage has been flushed|Long squeeze/);
    expect(zh).toContain('● **多头清算为主**：据 Coinglass 数据，全网 24 小时清算金额约 1.38 亿美元');
    expect(zh).toContain('一方面，多头认为：BTC 持仓加权资金费率（当期未结算）为每 8 小时 0.0049%，接近零，未显示多头拥挤');
    expect(zh).not.toMatch(/出清|杠杆挤兑/);
  });

  it("no-keys day: the $31M floor is never a flush nor a 合计 in the bulls' case", () => {
    const zh = md('nokeys-2024-04-24', 'zh');
    expect(zh).toContain('市场内部存在多空分歧。一方面，多头的依据在于：BTC 持仓加权资金费率（当期未结算）为每 8 小时 0.0072%');
    expect(zh).not.toMatch(/出清|合计 3,100 万美元/);
    expect(md('nokeys-2024-04-24', 'en')).not.toMatch(/leverage has been flushed|Long squeeze/);
  });

  it('a quiet headline says "only" of a total, never of a floor (至少 … 仅 contradicts itself)', () => {
    // A tight range day (weekend, −0.2 %) whose only figure is a floor: its range, not "仅 at least".
    const floor = (l: LoadedCase): void => {
      planOf(l).liquidations!.scope = 'floor';
    };
    expect(md('weekend-2024-03-17', 'zh', floor).split('\n')[0]).toBe('# BTC 窄幅震荡于 6.4 万—6.7 万美元：日内振幅 3.1%');
    expect(md('weekend-2024-03-17', 'en', floor).split('\n')[0]).toBe('# Bitcoin holds a tight $64,000–$67,000 range');
    // A range day that closed 2.2 % lower (no keys) names its floor as one: 至少, never 仅.
    const [zh, en] = [md('nokeys-2024-04-24', 'zh'), md('nokeys-2024-04-24', 'en')];
    expect(zh.split('\n')[0]).toBe('# BTC 收跌 2.2%：BTC 合约至少爆仓 3,100 万美元');
    expect(en.split('\n')[0]).toBe('# Bitcoin slips 2.2%; at least $31.0 million of BTC positions liquidated');
    // A market-wide total on a quiet day keeps its 仅 / "total just".
    expect(md('quiet-2024-06-20', 'zh').split('\n')[0]).toBe('# BTC 窄幅震荡于 6.4 万—6.6 万美元：全网爆仓仅约 6,080 万美元');
    expect(md('quiet-2024-06-20', 'en').split('\n')[0]).toBe(
      '# Bitcoin holds a tight $64,000–$66,000 range; liquidations total just $60.8 million',
    );
  });

  it('en names the high-to-low fall by its size: a slide under 5 %, a drop from 5 %, a plunge from 10 % (ETH and BNB too)', () => {
    expect(md('bundled-2024-01-04', 'en')).toContain('at 06:00 UTC+8, a 6.9% high-to-low drop.');
    const crash = md('crash-parts-2024-08-05', 'en');
    expect(crash).toContain('at 14:00 UTC+8, a 15.7% high-to-low plunge.');
    expect(crash).toMatch(/^● \*\*ETH:\*\* a 22\.0% high-to-low plunge/m);
    expect(crash).toMatch(/^● \*\*BNB:\*\* a 21\.8% high-to-low plunge/m);
  });

  it('the synthesis does not call the selling done when coins flowed onto exchanges on net (holiday); after an inflow spike reversed into net outflows (5 August) it does not say sellers are not done; an outflow day keeps it (bundled)', () => {
    const synthesis = (name: string, lang: 'zh' | 'en') =>
      md(name, lang)
        .split('\n')
        .find((l) => /^(综合来看|总体来看|归结起来|Taken together|In short|The bottom line)/.test(l));
    // 5 August: 36,870 BTC in on net, but 3,382 BTC out after the 13:00 spike (reversal): the
    // exchange-flow bullet reads both halves; the synthesis reads the leverage flush alone.
    expect(synthesis('crash-2024-08-05', 'zh')).toContain('杠杆多头的集中平仓是本轮下跌的核心');
    expect(synthesis('crash-2024-08-05', 'zh')).not.toMatch(/交易所|抛售未必告一段落/);
    expect(synthesis('crash-2024-08-05', 'en')).toContain('leveraged longs were cleared out');
    expect(synthesis('crash-2024-08-05', 'en')).not.toMatch(/exchanges|sellers are not done/);
    // Holiday: coins held fell 3.8 %, under openInterest.dropFractionMin, so no flush reading; the
    // net inflow to exchanges is still said, and the close took back 67 % of the fall.
    expect(synthesis('holiday-2024-07-05', 'zh')).toContain('交易所净流入显示现货抛压仍在，低位承接明显');
    expect(synthesis('bundled-2024-01-04', 'zh')).toContain('强平带来的抛压已大部分释放');
  });

  it('the biggest mover is ranked by its close and says it; the comparison with BTC is not repeated word for word', () => {
    const zh = md('crash-parts-2024-08-05', 'zh');
    expect(zh).toContain('高低点回撤 21.8%，收盘跌幅居主要币种之首。');
    expect(zh.match(/收盘跌幅与日内回撤均大于 BTC，高弹性资产承压更重/g)).toHaveLength(1);
    expect(md('crash-parts-2024-08-05', 'en')).toContain("● **BNB:** a 21.8% high-to-low plunge; the majors' biggest loser at the close.");
  });

  it('en volume: the reading follows the day\'s figures, not the peak hour ("The 23:00 hour traded $595 million, thinning participation")', () => {
    expect(md('weekend-2024-03-17', 'en')).toContain(
      "0.9x the 30-day average, a sign of thinning participation. Binance's 23:00 hour traded $595 million.[^7]",
    );
    expect(md('bundled-2024-01-04', 'en')).toContain(
      "1.7x the 30-day average, as the sell-off drew volume. Binance's 05:00 hour traded $1.24 billion",
    );
  });

  it("a range day's macro heading promises no calendar: the section holds markets, the outlook holds the calendar", () => {
    expect(md('weekend-2024-03-17', 'zh')).toContain('\n## 宏观环境与观望情绪\n');
    expect(md('weekend-2024-03-17', 'en')).toContain('\n## The macro picture\n');
    expect(md('weekend-2024-03-17', 'zh')).not.toContain('宏观日程');
  });

  it('at most two "而非 / 而不是 / 并非" contrasts of our own in a zh brief (brief-style); a quoted note is the writer\'s', () => {
    for (const name of ['crash-parts-2024-08-05', 'bundled-2024-01-04']) {
      const body = md(name, 'zh').split('\n## 数据来源')[0]!;
      const ours = body.split('\n').filter((line) => !line.includes('desk note') && !line.includes('交易员指出'));
      expect(ours.join('\n').match(/而非|并非|而不是/g)?.length ?? 0, name).toBeLessThanOrEqual(2);
    }
    expect(md('bundled-2024-01-04', 'zh')).toContain('放量更可能来自调仓与对冲，难言买盘推动。');
  });

  it('the en ETF-flow point carries its figure and session, as the zh one does (weekend)', () => {
    expect(md('weekend-2024-03-17', 'en')).toContain('The bull case: US spot ETFs took in a net $224 million on 15 March[^9].');
  });

  it('a floor that did license the point is said as 至少, never 合计', () => {
    const zh = md('nokeys-2024-04-24', 'zh', (l) =>
      planOf(l).claims.push({
        id: 'leverage_flush',
        measure: 'test',
        value: 5,
        threshold: { name: 'liquidations.multipleOfMedianMin', value: 3, unit: 'multiple' },
      }),
    );
    expect(zh).toContain('多头杠杆已被集中出清（清算至少 3,100 万美元，其中多头占 71%），拥挤度明显下降');
  });

  it('holiday day (5.6x median) keeps the flush in point (zh), bullet and headline', () => {
    // The en wire wrap does not restate the bullet's reading in the bull case (positioning.ts wire).
    expect(md('holiday-2024-07-05', 'en')).toContain('The bull case: funding shows no crowded longs[^7].');
    expect(md('holiday-2024-07-05', 'en')).toContain('● **Long squeeze:** the total was 5.6x the 30-day median of $118 million.[^2]');
    const zh = md('holiday-2024-07-05', 'zh');
    expect(zh).toContain('# BTC 跌破 5.7 万美元：全网爆仓约 6.64 亿美元，杠杆多头集中出清');
    expect(zh).toContain('多头杠杆已被集中出清（清算合计约 6.64 亿美元，其中多头占 82%）');
  });

  it('ETF launch (1.9x median): the headline and synthesis make no flush claim', () => {
    const zh = md('etf-launch-2024-01-12', 'zh');
    expect(zh).toContain('# BTC 跌破 4.4 万美元：全网爆仓约 2.86 亿美元\n');
    // The synthesis reads its evidence instead: coins flowed onto exchanges on net, and the close
    // took back 7 % of the swing (near the low). Open interest in coins rose 3.9 %: no deleveraging.
    expect(zh).toContain(
      '总体来看，交易所净流入显示现货抛压仍在，收盘仍贴近日内低点，低位承接尚未出现；下方支撑带能否守住，将决定跌势是否延续。',
    );
    expect(md('etf-launch-2024-01-12', 'en')).toContain(
      'The bottom line: coins flowing onto exchanges say spot supply is still there; the close sat near the low with no sign of dip buying, and the support band below decides whether the slide extends.',
    );
  });
});

describe('the deleveraging thesis says flush only with the leverage_flush claim', () => {
  // The bundled day (coins held −6.1 %, longs 73 %) read without its leverage_flush claim; rendered
  // on dates whose skeleton is the one that would say "flushed" (en 0) or "出清" / "集中清洗" (zh 2 and 0).
  const on = (lang: 'zh' | 'en', slot: number, edit?: (plan: DayPlan) => void): string => {
    const loaded = caseOf('bundled-2024-01-04');
    planOf(loaded).claims = planOf(loaded).claims.filter((c) => c.id !== 'leverage_flush');
    edit?.(planOf(loaded));
    const { model } = render(loaded, lang, templates);
    const date = ['2024-01-04', '2024-01-05', '2024-01-06'].find((d) => variantOf(d, 'thesis', 3) === slot)!;
    return renderBriefMarkdown({ ...model, date }, templates).split('\n\n')[1]!;
  };
  it('en: "closing out", not "being flushed"', () => {
    expect(on('en', 0)).toContain('fell 6.1% in coins at the same time, a sign of leveraged longs closing out, not fresh shorts pressing.');
  });
  it('zh: 平仓 / 被动减仓, not 出清 / 集中清洗', () => {
    expect(on('zh', 2)).toContain('仓位收缩与价格下跌同步发生，主导力量是杠杆多头平仓，而不是空头加仓。');
    expect(on('zh', 0)).toContain('这更像是高杠杆多头的被动减仓，而非新增空头主动砸盘。');
  });
  it('positions closed worth several times the liquidations: mostly by choice, not the forced-selling thesis', () => {
    // No corpus day has it: the claim is planted with its value (analysis: test/analysis/day-plan-oi.test.ts).
    const voluntary = (plan: DayPlan): void => {
      plan.claims.push({
        id: 'voluntary_deleveraging',
        asset: 'BTC',
        measure: 'positions closed (coins valued at the end, USD) / liquidation total',
        value: 2.3,
        threshold: { name: 'openInterest.voluntaryMultipleMin', value: 2, unit: 'multiple' },
      });
    };
    expect(on('zh', 0, voluntary)).toContain(
      '未平仓合约按持仓币数计同步下降 6.1%，按期末价格折算，减少的持仓价值为清算总额的 2.3 倍：多数仓位是主动平掉的，被动强平只占其中一部分。',
    );
    expect(on('en', 0, voluntary)).toContain(
      'fell 6.1% in coins at the same time, positions worth 2.3x the liquidation total at the closing price: most were closed by choice, not by force.',
    );
    // The bundled day's $461.9 million closed is 0.37x its $1.262 billion liquidated: the thesis stands.
    expect(claimIds('bundled-2024-01-04')).not.toContain('voluntary_deleveraging');
    // The ETF launch's coins held rose 3.9 %: no deleveraging at all, whatever its dollars did (−4.2 %).
    expect(claimIds('etf-launch-2024-01-12')).not.toContain('deleveraging');
  });
});

describe('ETF inflow point: "仍在" only after two or more inflow sessions', () => {
  it('one inflow session (ETF launch, weekend): 显示存在, not 仍在', () => {
    expect(md('etf-launch-2024-01-12', 'zh')).toContain('美国现货 ETF 1 月 11 日净流入约 5.47 亿美元，显示存在机构配置需求[^11]');
    expect(md('weekend-2024-03-17', 'zh')).toContain('美国现货 ETF 3 月 15 日净流入约 2.24 亿美元，显示存在机构配置需求[^9]');
  });

  it('a second inflow session in a row says 仍在', () => {
    const zh = md('weekend-2024-03-17', 'zh', (l) => {
      const etf = l.findings.findings.find((f) => f.kind === 'etf_flows')!;
      if (etf.kind === 'etf_flows') etf.streakDays = 2;
    });
    expect(zh).toContain('美国现货 ETF 3 月 15 日净流入约 2.24 亿美元，机构配置需求仍在[^9]');
  });
});

describe('the lead does not deny a driver the notes name', () => {
  const NO_TRIGGER = {
    // The lead's sentence, and the clause after a scheduled release of the day (lead-release.hbs).
    en: /no single clear macro or news trigger|No single macro release or headline|no one macro event or news item|no clear macro or news catalyst|explained the move on its own|to explain the move on its own|explained it on its own/,
    zh: /尚无单一明确的宏观|未见可单独解释|尚未找到单一的宏观|暂无明确的宏观数据/,
  };
  it.each(['zh', 'en'] as const)('holiday (Mt. Gox labelled wallet in the notes), %s: no no-trigger sentence', (lang) => {
    const text = md('holiday-2024-07-05', lang);
    expect(text).toContain(lang === 'en' ? 'the Mt. Gox trustee' : 'Mt. Gox 破产信托标记钱包');
    expect(text.split('\n\n')[1]).not.toMatch(NO_TRIGGER[lang]);
    // The payrolls report at 20:30 is said, with the price over its hours and the low that came
    // before it (13:00, editor's second reading), and no "nothing else".
    expect(text.split('\n\n')[1]).toContain(
      lang === 'en'
        ? "82% of them longs.[^2] The calendar had the US payrolls report at 20:30 UTC+8 ([BLS](https://www.bls.gov/schedule/news_release/empsit.htm)); from 20:00 to 22:00 Bitcoin edged up just 0.1%, a muted reaction; the day's low had come earlier, at 13:00.[^3]"
        : '多头占 82%。[^2]从日程看，美国非农就业数据公布的时间是 20:30（来源：[美国劳工统计局](https://www.bls.gov/schedule/news_release/empsit.htm)）；20:00—22:00，比特币仅上涨 0.1%，价格反应平淡；日内低点早在 13:00 已经出现，早于数据公布。[^3]',
    );
  });
  it.each(['zh', 'en'] as const)('ETF launch (only a remark in the notes), %s: the sentence stays', (lang) => {
    expect(md('etf-launch-2024-01-12', lang).split('\n\n')[1]).toMatch(NO_TRIGGER[lang]);
  });
});

describe('en article before a figure', () => {
  it('follows the figure as read aloud', () => {
    for (const f of [
      '8.1%',
      '8.3%',
      '8-day',
      '11',
      '11.5%',
      '18%',
      '18,500',
      '80%',
      '86',
      '800',
      '8,000',
      '$8 million',
      'ETH',
      'SOL',
      'increase',
    ])
      expect(enArticle(f), f).toBe('an');
    for (const f of [
      '1.8%',
      '3.0%',
      '110',
      '180',
      '1,800',
      '1,100',
      '0.8%',
      '7-day',
      '30-session',
      '$1.2 billion',
      '15.7%',
      'US',
      'BTC',
      'rise',
    ])
      expect(enArticle(f), f).toBe('a');
  });
  it('prints "an 8.1%" / "an 8.3%" in the leads', () => {
    expect(md('holiday-2024-07-05', 'en')).toContain('at 13:00 UTC+8, an 8.1% high-to-low drop');
    expect(md('etf-launch-2024-01-12', 'en')).toContain('at 22:00 UTC+8, an 8.3% high-to-low drop');
    expect(md('nokeys-2024-04-24', 'en')).toContain('range on Wednesday, a 3.0% high-to-low swing');
  });
});

describe('historical rank on the no-keys day', () => {
  it('names the day that last beat the drop through its event (13 April 2024), zh and en', () => {
    expect(md('nokeys-2024-04-24', 'en')).toContain(
      'the largest daily drop since [the 13 April 2024 sell-off on Iran’s strike on Israel](https://en.wikipedia.org/wiki/April_2024_Iranian_strikes_against_Israel).[^1]',
    );
    expect(md('nokeys-2024-04-24', 'zh')).toContain(
      '[2024 年 4 月 13 日伊朗空袭以色列引发的下跌](https://en.wikipedia.org/wiki/April_2024_Iranian_strikes_against_Israel)以来最大单日跌幅',
    );
  });
  it('without an event, a day 11 days back is named by its date, not "April 2024"', () => {
    const noEvent = (l: LoadedCase) => {
      for (const f of l.findings.findings) if (f.kind === 'historical_rank' && f.since) delete f.since.event;
    };
    expect(md('nokeys-2024-04-24', 'en', noEvent)).toContain(
      'down 2.2% from the previous close — the largest daily drop since 13 April.[^1]',
    );
    expect(md('nokeys-2024-04-24', 'zh', noEvent)).toContain('较前一日收盘下跌 2.2%，为 4 月 13 日以来最大单日跌幅。[^1]');
  });
});

describe('whale activity judged by its multiple', () => {
  it('0.6x the 30-day average (weekend) is below normal (whale.quietMultipleMax 0.7)', () => {
    expect(md('weekend-2024-03-17', 'en')).toContain('0.6x the 30-day daily average of 55.5;');
    expect(md('weekend-2024-03-17', 'en')).toContain('the largest, 4,834 BTC at 21:24. Whale activity was below normal.[^11]');
    expect(md('weekend-2024-03-17', 'zh')).toContain('最大一笔 4,834 枚 BTC（21:24）；');
    expect(md('weekend-2024-03-17', 'zh')).toContain('，大额转账活跃度低于常态。[^11]');
  });
  it('1.0x (outage: 52 against 49.7 a day, 1.05x) reads "in line with the average", with no judgement on top', () => {
    expect(md('outage-2024-05-14', 'en')).toContain('in line with the 30-day daily average of 49.7; the largest, 4,578 BTC at 05:56.[^10]');
    expect(md('outage-2024-05-14', 'en')).not.toContain('1.0x');
    expect(md('outage-2024-05-14', 'zh')).toContain('与近 30 日日均 49.7 笔基本持平；最大一笔 4,578 枚 BTC（05:56）。');
  });
});

describe('rally section heading follows the liquidation split', () => {
  it('shorts 65 % of liquidations (≥ liquidations.longShareMin 60 %): a short squeeze', () => {
    expect(md('rally-2024-02-28', 'en')).toContain('## Fresh money and a short squeeze\n');
    expect(md('rally-2024-02-28', 'zh')).toContain('## 增量资金与空头回补\n');
  });
  it('shorts 65 % against a 70 % share: no short squeeze in the heading', () => {
    const loaded = loadCase({ ...CASES.find((c) => c.name === 'rally-2024-02-28')!, thresholds: { liquidations: { longShareMin: 0.7 } } });
    expect(planOf(loaded).claims.map((c) => c.id)).not.toContain('short_squeeze');
    const en = render(loaded, 'en', templates).markdown;
    const zh = render(loaded, 'zh', templates).markdown;
    expect(en).toContain('## Fresh money and liquidations\n');
    expect(en).not.toContain('short squeeze');
    expect(zh).toContain('## 增量资金与合约清算\n');
  });
});
