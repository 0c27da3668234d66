/**
 * Issue 17, the editor's pass over the corpus: each rule asserted on the rendered text, on a
 * corpus day and, where no corpus day has the other case, on a day adjusted in the test.
 * - "逆转" / "reversed" only when the weighted funding rate changed sign;
 * - the kind of funding rate and its settlement interval said once for a group of venues;
 * - a basis that moved less than the compression threshold "eased" with both figures, "held" only
 *   when the figures print the same;
 * - a sampled floor is not printed beside a complete total that covers its asset;
 * - another basis expiry only when it alone went below spot; no whale counts around the break;
 * - no cross-asset bullet for the lead asset; one "since" for both ranks when they agree;
 * - an intraday-only crash says how much of the slide the close won back;
 * - an ETF-flow bullet names the largest fund against the day's net;
 * - 集中爆仓 / "a long squeeze" in the lead only with the leverage_flush claim.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingOf } from '../../pipeline/analysis/index.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { topFunds } from '../../pipeline/narrative/bullets-flows.js';
import { beforeSpotEtfs, isFirstSpotEtfSession } from '../../pipeline/analysis/index.js';
import { printedFloors } from '../../pipeline/narrative/bullets-liquidations.js';
import type { LiquidationHeadline } from '../../pipeline/analysis/index.js';
import { join } from 'node:path';
import { REPLAYED_CASE } from '../golden/cases.js';
import { loadCase, render, ROOT, type LoadedCase, markdownOf } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const md = (name: string, lang: 'zh' | 'en', edit?: (l: LoadedCase) => void): string => markdownOf(name, lang, templates, edit);
const bullet = (text: string, label: RegExp): string => text.split('\n').find((l) => label.test(l)) ?? '';
const one = <K extends 'funding_flip' | 'basis_compression'>(l: LoadedCase, kind: K): FindingOf<K> =>
  l.findings.findings.find((f): f is FindingOf<K> => f.kind === kind && 'asset' in f && f.asset === 'BTC')!;

describe('funding: "reversal" only with a change of sign', () => {
  it('bundled day, 0.0467 % → 0.0001 % (no sign change): "回落至零附近" / "near zero" (the sentence says it fell), never 逆转', () => {
    const zh = bullet(md('bundled-2024-01-04', 'zh'), /^● \*\*(资金)?费率/);
    expect(zh).toContain('● **费率回落至零附近**：BTC 永续合约持仓加权资金费率自此前 7 日均值每 8 小时 0.0467% 回落至 0.0001%');
    expect(zh).not.toContain('逆转');
    expect(bullet(md('bundled-2024-01-04', 'en'), /^● \*\*Funding/)).toContain(
      '● **Funding:** near zero — BTC perpetual funding (open-interest weighted) fell from',
    );
  });

  it('the same day with the weighted rate ending below zero: "资金费率逆转" / "reversed"', () => {
    const flip = (l: LoadedCase): void => {
      one(l, 'funding_flip').weightedCurrentPer8h = -0.000001;
    };
    expect(bullet(md('bundled-2024-01-04', 'zh', flip), /^● \*\*资金费率/)).toMatch(/^● \*\*资金费率逆转\*\*：.*回落至 −0\.0001%/);
    expect(bullet(md('bundled-2024-01-04', 'en', flip), /^● \*\*Funding/)).toMatch(/^● \*\*Funding:\*\* reversed — /);
  });

  it('three venues on the same kind of rate and interval: the kind said once for the group', () => {
    const zh = bullet(md('bundled-2024-01-04', 'zh'), /^● \*\*(资金)?费率/);
    expect(zh).toContain('各平台当前费率（当期未结算，每 8 小时结算）分别为 OKX −0.0025%、Bybit 0.0002%、Binance 0.0010%');
    expect(zh.match(/当期未结算/g)).toHaveLength(1);
    const en = bullet(md('bundled-2024-01-04', 'en'), /^● \*\*Funding/);
    expect(en).toContain('by venue (current, unsettled): OKX −0.0025%, Bybit 0.0002%, Binance 0.0010%');
    expect(en.match(/unsettled/g)).toHaveLength(1);
  });
});

describe('funding: no word of size the thresholds did not give', () => {
  it('5 August, −0.0172 % per 8 h (about −19 % a year): not "仅轻微为负" beside a level the weekend calls 偏高', () => {
    const zh = bullet(md('crash-2024-08-05', 'zh'), /^● \*\*资金费率/);
    expect(zh).not.toContain('轻微');
    expect(zh).toContain('Binance −0.0120%，多头杠杆降温，但尚不足以说明空头占据主动。');
  });
});

describe('basis: "held" only beside the same figure', () => {
  it('holiday, 8.4 % → 7.3 % (below the compression threshold): eased, with both figures', () => {
    const zh = bullet(md('holiday-2024-07-05', 'zh'), /^● \*\*期货升水/);
    expect(zh).toContain(
      '● **期货升水小幅回落**：Binance BTC 当季合约（9 月 27 日到期，剩余 84 天）年化升水率自此前 3 日均值 8.4% 小幅回落至 7.3%',
    );
    expect(zh).not.toMatch(/维持|平稳/);
    const en = bullet(md('holiday-2024-07-05', 'en'), /^● \*\*Basis/);
    expect(en).toContain('eased from a 3-day average of 8.4% to 7.3%');
    expect(en).not.toContain('held');
  });

  it('the same day with the close equal to the open: "held at", one figure', () => {
    const same = (l: LoadedCase): void => {
      const f = one(l, 'basis_compression');
      for (const t of f.tenors) t.currentAnnualized = t.priorAnnualized;
      f.currentRange = { ...f.priorRange };
    };
    expect(bullet(md('holiday-2024-07-05', 'zh', same), /^● \*\*期货升水/)).toMatch(/^● \*\*期货升水平稳\*\*：.*年化升水率维持在 8\.4%，/);
    expect(bullet(md('holiday-2024-07-05', 'en', same), /^● \*\*Basis/)).toContain('held at 8.4%, intraday low');
  });
});

describe('cuts an editor makes on the 5 August crash (both languages)', () => {
  const zh = (): string => md('crash-2024-08-05', 'zh');
  const en = (): string => md('crash-2024-08-05', 'en');

  it('no sampled floor beside the complete market-wide total', () => {
    expect(en()).not.toContain('Sampled exchange liquidation feeds logged');
    expect(zh()).not.toContain('抽样数据，仅为下限，口径与上述总额不同');
    // The lead gives the total and the long share; the bullet adds the multiple of the median.
    expect(bullet(en(), /^● \*\*Long squeeze/)).toBe('● **Long squeeze:** the total was 8.6x the 30-day median of $118 million.[^2]');
    expect(bullet(zh(), /^● \*\*杠杆挤兑/)).toBe(
      '● **杠杆挤兑**：据 Coinglass 数据，全网 24 小时清算金额约 10.2 亿美元，其中多头占 80%，为近 30 日中位数约 1.18 亿美元的 8.6 倍，显示下跌驱动力以多头去杠杆为主。[^2]',
    );
  });

  it('a floor is printed only for an asset the complete total does not cover', () => {
    const part = (asset: string, coverage: 'complete' | 'lower-bound') => ({
      asset,
      source: coverage === 'complete' ? 'coinglass' : 'collector',
      totalUsd: 1e7,
      longFraction: 0.7,
      coverage,
    });
    const h = (scope: LiquidationHeadline['scope'], assets: string[]): LiquidationHeadline => ({
      scope,
      assets,
      sources: ['coinglass'],
      totalRangeUsd: { low: 5e7, high: 5e7 },
      longFractionRange: { low: 0.7, high: 0.7 },
      start: 0,
      end: 86_400_000,
      parts: assets.map((a) => part(a, 'complete')),
      floors: [part('BTC', 'lower-bound'), part('SOL', 'lower-bound')],
    });
    // A market-wide total covers every asset; a sum of BTC and ETH covers BTC but not SOL.
    expect(printedFloors(h('market', []))).toEqual([]);
    expect(printedFloors(h('assets', ['BTC', 'ETH'])).map((p) => p.asset)).toEqual(['SOL']);
  });

  it('other expiries only when one alone went below spot: Deribit BTC-9AUG24, which ended the day below it (not "briefly")', () => {
    const b = bullet(en(), /^● \*\*Basis/);
    expect(b).toContain('; Deribit BTC-9AUG24 (4 days) went from 6.3% to −3.8%, ending below spot.');
    expect(b).not.toMatch(/30AUG24|241227/);
    expect(bullet(zh(), /^● \*\*期货结构/)).toContain('；Deribit BTC-9AUG24（剩余 4 天）转为贴水，自此前 3 日均值 6.3% 变为 −3.8%，');
  });

  it('whale counts either side of the break are not printed', () => {
    expect(bullet(en(), /^● \*\*Whale/)).not.toMatch(/before the break/);
    expect(bullet(zh(), /^● \*\*链上大额/)).not.toMatch(/前后各/);
  });

  it('no BTC cross-asset bullet ("set the tone" carried no figure); ETH and BNB keep theirs', () => {
    expect(en()).not.toContain('set the tone');
    expect(en()).not.toMatch(/^● \*\*BTC:\*\*/m);
    expect(zh()).not.toMatch(/^● \*\*BTC /m);
    expect(en()).toMatch(/^● \*\*ETH:\*\* a 22\.0% high-to-low plunge/m);
  });

  it('"since at least May 2024" said once for both ranks', () => {
    expect(en()).toContain(
      'down 6.9% from the previous close — the largest daily drop and deepest intraday fall since at least May 2024, while',
    );
    expect(en().match(/since at least May 2024/g)).toHaveLength(1);
    expect(zh()).toContain('较前一日收盘下跌 6.9%，至少为 2024 年 5 月以来最大单日跌幅和最大日内回撤；');
    expect(zh().match(/2024 年 5 月以来/g)).toHaveLength(1);
  });

  it('the history variant, whose ranks name different days, keeps both', () => {
    const text = md('crash-history-2024-08-05', 'en');
    expect(text).toContain('the deepest intraday fall since at least June 2021');
    expect(text).toContain('the largest daily drop since [the November 2022 collapse of FTX]');
  });
});

describe('content the data already held', () => {
  it('holiday: the lead says how much of the 8.1 % slide the close won back', () => {
    // Low 53,485.2, high 58,170.4, close 56,610.2: +5.8 % off the low, 3,125.0 / 4,685.2 = 67 %.
    expect(md('holiday-2024-07-05', 'zh')).toContain('较前一日收盘下跌 1.8%，较日内低点回升 5.8%，收复了日内跌幅的 67%。');
    expect(md('holiday-2024-07-05', 'en')).toContain(
      'down 1.8% from the previous close but 5.8% above the low, winning back 67% of the fall.',
    );
    // A crash by the close (6.9 %) says no such thing.
    expect(md('crash-2024-08-05', 'en')).not.toContain('winning back');
  });

  it('an exchange-flow bullet whose day ended in net outflows says what the transfers show (rally), not exchange reserves', () => {
    // Whale Alert's large transfers are no measure of exchange reserves (存量): the zh reading is
    // the shape of the day's net flows around the peak (net outflows on both sides of it).
    expect(bullet(md('rally-2024-02-28', 'zh'), /^● \*\*交易所流入流出/)).toContain('此后净流出 5,324 枚 BTC，高峰前后均为净流出。');
    expect(bullet(md('rally-2024-02-28', 'en'), /^● \*\*Exchange flows/)).toContain('followed by net outflows of 5,324 BTC.');
  });

  it('ETF launch: the volume bullet says why it has no average — the first spot session; another short history says so plainly', () => {
    expect(bullet(md('etf-launch-2024-01-12', 'zh'), /^● \*\*ETF 成交/)).toContain(
      '合计成交额约 42.3 亿美元，当日为美国现货 BTC ETF 上市首个交易日，尚无历史均值可比；其中 GBTC 约 23.0 亿美元',
    );
    expect(bullet(md('etf-launch-2024-01-12', 'en'), /^● \*\*ETF volume/)).toContain(
      "traded $4.23 billion in Thursday's US session (Yahoo Finance), their first session as spot ETFs, so with no average to compare; GBTC $2.30 billion",
    );
    const notFirst = (l: LoadedCase): void => {
      l.findings.findings.find((f): f is FindingOf<'etf_volume'> => f.kind === 'etf_volume')!.firstSpotSession = false;
    };
    expect(bullet(md('etf-launch-2024-01-12', 'zh', notFirst), /^● \*\*ETF 成交/)).toContain(
      '合计成交额约 42.3 亿美元，此前交易日不足，暂无均值可比，无法判断放量程度；',
    );
    expect(bullet(md('etf-launch-2024-01-12', 'en', notFirst), /^● \*\*ETF volume/)).toContain(
      '(Yahoo Finance), with too few earlier sessions for an average;',
    );
  });

  it('ETF launch: the PPI release (after most of the fall) and the spot-ETF launch, both as timing, not a cause; not on another day', () => {
    // The 21:00 hour opened 5.5 % under the day's 46,733 high, two thirds of its 3,868 swing:
    // most of the fall came before the release, so nothing is called simultaneous.
    expect(md('etf-launch-2024-01-12', 'zh')).toContain(
      '当日 21:30 恰逢美国 PPI 数据公布（来源：[美国劳工统计局](https://www.bls.gov/schedule/news_release/ppi.htm)）；21:00—23:00，比特币下跌 3.0%，日内低点即出现在这一时段；但在公布之前，比特币已较日内高点下跌 5.5%，日内高低点回撤已完成六成以上。[^3]本轮下跌正值美国现货比特币 ETF 上市之初：1 月 11 日（美东交易日）是其首个交易日；数据公布与 ETF 上市都只是时间上的背景，截至发稿未见可单独解释这一走势的消息。[^4]',
    );
    expect(md('etf-launch-2024-01-12', 'en')).toContain(
      "Scheduled for 21:30 UTC+8 was the US PPI release ([BLS](https://www.bls.gov/schedule/news_release/ppi.htm)); from 21:00 to 23:00 Bitcoin fell 3.0%, a stretch that held the day's low, though it was already 5.5% off the day's high before the release, over three-fifths of the high-to-low swing.[^3] The drop came as US spot Bitcoin ETFs began trading: Thursday's US session was their first; both are timing, not a cause, and no news explained the move on its own by publication.[^4]",
    );
    expect(md('bundled-2024-01-04', 'zh')).not.toContain('上市之初');
    expect(md('rally-2024-02-28', 'en')).not.toContain('began trading');
  });

  it('one fund is not a sum: no 合计 nor "funds" before GBTC alone (bundled day); several funds keep them (ETF launch)', () => {
    expect(bullet(md('bundled-2024-01-04', 'zh'), /^● \*\*基金成交/)).toContain(
      '在美国交易的 BTC 基金产品（GBTC）1 月 3 日（美东交易日）成交额约 7.94 亿美元',
    );
    expect(md('bundled-2024-01-04', 'en')).toContain(
      "The US-traded fund GBTC traded $794 million in Wednesday's US session, a 30-session high",
    );
    expect(bullet(md('etf-launch-2024-01-12', 'en'), /^● \*\*ETF volume/)).toMatch(
      /US-listed BTC funds \([A-Z, ]+\) traded \$4\.23 billion/,
    );
  });

  it("ETF launch: GBTC's outflow, the one fund against the day's net inflow, is named", () => {
    expect(bullet(md('etf-launch-2024-01-12', 'zh'), /^● \*\*ETF 资金/)).toContain(
      '其中 BITB 净流入约 2.38 亿美元、FBTC 净流入 2.27 亿美元、GBTC 净流出 9,510 万美元',
    );
    const t = (ticker: string, netFlowUsd: number) => ({ ticker, netFlowUsd });
    // D's −2 against a net of 10 is a fifth of it: named in place of C.
    expect(topFunds([t('A', 5), t('B', 4), t('C', 3), t('D', -2)], 10, 0.1).map((f) => f.ticker)).toEqual(['A', 'B', 'D']);
    // D's −0.9 is under a tenth of the net, so it does not replace C; but A + B + C = 11.9 would
    // read larger than the net of 11, so D is named as well (5 August: FBTC, ARKB and GBTC out
    // $244 million of a $237 million net, BITB in $6.8 million).
    expect(topFunds([t('A', 5), t('B', 4), t('C', 2.9), t('D', -0.9)], 11, 0.1).map((f) => f.ticker)).toEqual(['A', 'B', 'C', 'D']);
    expect(topFunds([t('A', 5), t('B', 4), t('C', 0.9), t('D', -0.9)], 9.9, 0.1).map((f) => f.ticker)).toEqual(['A', 'B', 'C']);
    expect(topFunds([t('A', 5), t('B', -4), t('C', 3), t('D', -1)], 3, 0.1).map((f) => f.ticker)).toEqual(['A', 'B', 'C']);
    expect(topFunds([t('A', 5), t('B', 4)], 9, 0.1).map((f) => f.ticker)).toEqual(['A', 'B']);
  });
});

describe('the lead says "concentrated" / "long squeeze" only with the leverage_flush claim', () => {
  it('bundled day (7.9x the median, longs 73 %, open interest −9.2 %): 杠杆多头集中爆仓 / a long squeeze', () => {
    expect(md('bundled-2024-01-04', 'zh').split('\n')[2]).toContain('杠杆多头集中爆仓，');
  });

  it('ETF-launch day (longs dominant, no leverage_flush): no 集中爆仓', () => {
    const zh = md('etf-launch-2024-01-12', 'zh').split('\n')[2]!;
    expect(zh).toContain('多头占');
    expect(zh).not.toContain('集中爆仓');
  });

  it('replayed 2024-01-04 (longs 74 %, coins held −9.1 %): the all-coin total has no median, but BTC’s $1.26 billion is 7.9x its own, so the flush is licensed and its figure printed', () => {
    const replayed = loadCase({ name: REPLAYED_CASE.name, snapshotFile: join(ROOT, REPLAYED_CASE.snapshot) });
    const en = render(replayed, 'en', templates).markdown;
    expect(en).toContain('so positions were closed, not opened: a long squeeze more than a bear raid.');
    expect(en).toContain("● **Long squeeze:** BTC's $1.26 billion was 7.9x its own 30-day median of $159 million.");
    const zh = render(replayed, 'zh', templates).markdown;
    expect(zh).toContain('分币种看，BTC 约 12.6 亿美元（仅统计 Binance、OKX 和 Bybit），为其近 30 日中位数约 1.59 亿美元的 7.9 倍');
    // Without BTC's own median there is nothing to license it.
    const noMedian = loadCase({ name: REPLAYED_CASE.name, snapshotFile: join(ROOT, REPLAYED_CASE.snapshot) });
    for (const f of noMedian.findings.findings) if (f.kind === 'liquidations') delete f.multipleOfMedian;
    const plan = noMedian.findings.findings.find((f) => f.kind === 'day_plan');
    if (plan?.kind === 'day_plan') plan.claims = plan.claims.filter((c) => c.id !== 'leverage_flush');
    expect(render(noMedian, 'en', templates).markdown).toContain('longs cutting risk more than shorts pressing.');
  });
});

describe('exchange flows: "the spike\'s inflow did not persist" only on a day of net outflows', () => {
  it('bundled day (a net 4,567 BTC left exchanges, 16,135 BTC out after the 05:00 spike): the reading and the bull point', () => {
    const en = md('bundled-2024-01-04', 'en');
    expect(bullet(en, /^● \*\*Exchange flows/)).toContain(
      // Whale Alert sees coins leave exchange wallets, not where they go: no "cold storage".
      // "持续" and "not a rush to sell" read more than a day's net outflow in large transfers shows.
      "then 16,135 BTC left on net — the spike's inflow did not persist.",
    );
  });

  it('5 August scope variant (a net 36,870 BTC flowed in, 3,382 BTC out after the spike): no such reading and no bull point', () => {
    const en = md('crash-scope-2024-08-05', 'en');
    expect(bullet(en, /^● \*\*Exchange flows/)).toContain(
      "in $500,000-plus transfers tracked by Whale Alert, a net 36,870 BTC (about $1.91 billion) went onto exchanges; 9,912 BTC arrived in the 13:00 hour, 4.1x the day's hourly median, then 3,382 BTC left on net.",
    );
    expect(en).not.toContain('did not persist');
    const zh = md('crash-scope-2024-08-05', 'zh');
    expect(zh).not.toContain('筹码持续流出交易所');
    expect(zh).not.toContain('高峰时段的流入并未延续');
  });
});

describe('before the spot ETFs launched, the funds are not called ETFs', () => {
  it('bundled day (3 January 2024 session): GBTC was the Grayscale trust — a fund, in text and chart; from 11 January, ETFs', () => {
    const zh = md('bundled-2024-01-04', 'zh');
    // GBTC was quoted over the counter until it converted: traded in the US, not listed.
    expect(zh).toContain('在美国交易的基金产品（GBTC）1 月 3 日成交额约 7.94 亿美元');
    expect(zh).toContain('● **基金成交创阶段新高**：据 Yahoo Finance 数据，在美国交易的 BTC 基金产品（GBTC）');
    expect(zh).not.toMatch(/ETF 产品（GBTC）|BTC ETF（GBTC）/);
    expect(md('bundled-2024-01-04', 'en')).toContain('● **Fund volume:**');
    expect(md('etf-launch-2024-01-12', 'zh')).toContain('美国上市的 BTC ETF 产品（ARKB、BITB、FBTC、GBTC、IBIT）');
    expect(beforeSpotEtfs('BTC', '2024-01-10')).toBe(true);
    expect(beforeSpotEtfs('BTC', '2024-01-11')).toBe(false);
    expect(beforeSpotEtfs('ETH', '2024-07-22')).toBe(true);
    expect(beforeSpotEtfs('SOL', '2024-01-01')).toBe(false);
    expect([
      isFirstSpotEtfSession('BTC', '2024-01-11'),
      isFirstSpotEtfSession('BTC', '2024-01-12'),
      isFirstSpotEtfSession('ETH', '2024-07-23'),
    ]).toEqual([true, false, true]);
  });
});
describe('before the spot ETFs launched, the section heading says funds too', () => {
  it('bundled day (a 3 January session): 基金与链上资金流向 / Fund and on-chain flows; the ETF launch keeps ETF', () => {
    expect(md('bundled-2024-01-04', 'zh')).toContain('\n## 基金与链上资金流向\n');
    expect(md('bundled-2024-01-04', 'en')).toContain('\n## Fund and on-chain flows\n');
    expect(md('etf-launch-2024-01-12', 'zh')).toContain('\n## ETF 与链上资金流向\n');
  });
});

describe("a fund's own average where the funds' sum has none", () => {
  it('ETF launch with GBTC history planted: its own 30-session multiple beside it; with a total average, none', () => {
    const plant = (l: LoadedCase): void => {
      for (const f of l.findings.findings)
        if (f.kind === 'etf_volume')
          for (const t of f.tickers) if (t.ticker === 'GBTC') Object.assign(t, { avg30dUsd: 1.15e9, multiple: 2.0008 });
    };
    expect(md('etf-launch-2024-01-12', 'zh', plant)).toContain(
      '其中 GBTC 约 23.0 亿美元（为其自身近 30 个交易日均值的 2.0 倍）、IBIT 约 10.1 亿美元',
    );
    expect(md('etf-launch-2024-01-12', 'en', plant)).toContain('GBTC $2.30 billion (2.0x its own 30-session average), IBIT $1.01 billion');
    // 5 August: the five funds' sum has its average, so no fund's own is printed.
    expect(md('crash-2024-08-05', 'zh')).not.toContain('自身近');
  });
});

describe('"briefly below spot" carries the figure that shows it', () => {
  it('bundled day: Deribit BTC-12JAN24 ended at 2.2% but traded below spot — its window low (−3.4%) is printed beside 一度贴水', () => {
    expect(md('bundled-2024-01-04', 'zh')).toContain(
      'Deribit BTC-12JAN24（剩余 8 天）一度贴水（日内最低 −3.4%），自此前 3 日均值 9.0% 变为 2.2%',
    );
    expect(md('bundled-2024-01-04', 'en')).toContain(
      'Deribit BTC-12JAN24 (8 days) went from 9.0% to 2.2%, briefly below spot (low −3.4%).',
    );
  });
});

describe('second editor’s reading: each figure says whose and which window', () => {
  it('the volume peak is the leading venue’s, after a three-venue total: 其中 Binance / "Binance’s 05:00 hour"', () => {
    expect(md('bundled-2024-01-04', 'zh')).toContain(
      '为近 30 日均值的 1.7 倍；其中 Binance 单小时成交峰值出现在 05:00，成交额约 12.4 亿美元',
    );
  });

  it("the price change beside the ETF volume covers the funds' own span, US close to US close (session 11: the UTC day clashed with the lead)", () => {
    // Hourly closes at 21:00 UTC (16:00 EST) on 2 and 3 January: 44,925.75 → 42,794.87, −4.74 %.
    expect(md('bundled-2024-01-04', 'zh')).toContain('；BTC 同期（按美股收盘计）下跌 4.7%，放量更可能来自调仓与对冲，难言买盘推动。');
    expect(md('bundled-2024-01-04', 'en')).toContain('With BTC down 4.7% from US close to US close,');
  });
});
