/**
 * Issue 17, the editor's finding on the holiday day: the ETF-flow bullet called a $20.4 million
 * outflow too small to read as a direction (规模有限，尚不足以说明资金方向) and the bears' case
 * then argued from it. Every sentence that reads the flow as a direction — bull and bear points,
 * the lead's "fresh money", the headline's "ETF inflows" — now follows the bullet's one decision
 * (etfFlowReadable: the day plan's etf_inflow / etf_outflow claim, etf.netFlowNotableUsd).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayPlan } from '../../pipeline/analysis/findings.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, loadCase, render, type LoadedCase } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const planOf = (l: LoadedCase): DayPlan => l.findings.findings.find((f): f is DayPlan => f.kind === 'day_plan')!;
const md = (name: string, lang: 'zh' | 'en', edit?: (l: LoadedCase) => void): string => {
  const loaded = loadCase(CASES.find((c) => c.name === name)!);
  edit?.(loaded);
  return render(loaded, lang, templates).markdown;
};
const line = (text: string, start: string): string => text.split('\n').find((l) => l.startsWith(start)) ?? '';

describe('an ETF flow the bullet calls too small is no point for either side', () => {
  it('holiday (zh): $20.4 million out is 规模有限 in the bullet and absent from the bears', () => {
    const zh = md('holiday-2024-07-05', 'zh');
    expect(line(zh, '● **ETF 资金净流出**')).toContain(
      '净流出约 2,040 万美元；其中 FBTC 净流出 1,860 万美元、GBTC 净流出 1,390 万美元、ARKB 净流入 610 万美元，规模有限，尚不足以说明资金方向。[^11]',
    );
    expect(line(zh, '另一方面')).toBe(
      '另一方面，空头和谨慎资金则强调：价格收于 5.7 万美元下方，短线技术结构已被破坏[^3]；交易所当日净流入 7,122 枚 BTC，潜在卖压仍在[^13]；未平仓合约按持仓币数计下降 3.8%，仓位有所收缩[^9]；DVOL 隐含波动率升至 55.1，期权端对冲需求上升[^14]。',
    );
  });

  it('quiet day (zh, en): $45.6 million out leaves the bulls alone, and zh opens them without 一方面', () => {
    const zh = md('quiet-2024-06-20', 'zh');
    expect(zh).toContain('规模有限，尚不足以说明资金方向。');
    expect(zh).toContain(
      '围绕本轮震荡，市场内部以偏多的声音为主。多头的依据在于：BTC 持仓加权资金费率（当期未结算）为每 8 小时 0.0099%，小幅为正，未显示多头拥挤',
    );
    expect(zh).toContain('从现有数据看，暂未出现明显的空头信号');
    expect(zh).not.toMatch(/一方面|空头和谨慎资金/);
    const en = md('quiet-2024-06-20', 'en');
    expect(en).toContain('Too small a flow to read as a direction.[^9]');
    expect(en).toContain('The data lean one way. The bull case: funding shows no crowded longs[^3].');
    expect(en).toContain('No clear bearish signal shows yet');
    expect(en).not.toContain('The bear case:');
  });

  it('outage day: the bears argue from the exchange inflow and the price, not a $6.70 million ETF outflow', () => {
    const en = md('outage-2024-05-14', 'en');
    expect(en).toContain('net outflows of $6.70 million');
    // en leaves out the points that restate a printed bullet (the exchange inflow here).
    expect(en).toContain(
      "The bear case: price closed below $62,000, giving up the round number[^1]; the $61,486 close sat near the day's $61,152 low, with no late bounce[^1].",
    );
    expect(en).not.toContain('US spot ETFs saw net outflows');
    const zh = md('outage-2024-05-14', 'zh');
    expect(zh).toContain('交易所当日净流入 1,557 枚 BTC，潜在卖压仍在');
    expect(zh).not.toContain('机构端资金有所撤离');
  });
});

describe('one decision: the claim that words the bullet gates the points, lead and headline', () => {
  it('crash day: a notable $237 million outflow is 撤离 in both the bullet and the bears', () => {
    const zh = md('crash-2024-08-05', 'zh');
    expect(line(zh, '● **ETF 资金净流出**')).toContain('机构端短线资金有所撤离。[^11]');
    expect(line(zh, '另一方面')).toContain('美国现货 ETF 8 月 2 日净流出约 2.37 亿美元，机构端资金有所撤离[^11]');
  });

  it('holiday with the etf_outflow claim planted: bullet and bear point read the same outflow together', () => {
    const plant = (l: LoadedCase) =>
      planOf(l).claims.push({
        id: 'etf_outflow',
        asset: 'BTC',
        measure: 'test',
        value: -20_400_000,
        threshold: { name: 'etf.netFlowNotableUsd', value: 1e7, unit: 'usd' },
      });
    const zh = md('holiday-2024-07-05', 'zh', plant);
    expect(line(zh, '● **ETF 资金净流出**')).toContain(
      'ARKB 净流入 610 万美元；统计所列 5 只产品中，ARKB 和 BITB 之外的 2 只合计净流出约 3,250 万美元，机构端短线资金有所撤离。[^11]',
    );
    expect(line(zh, '另一方面')).toContain('空头和谨慎资金则强调：美国现货 ETF 7 月 3 日净流出约 2,040 万美元，机构端资金有所撤离[^11]；');
    expect(md('holiday-2024-07-05', 'en', plant)).toContain(
      'ARKB +$6.10 million; of the 5 funds listed, the 2 besides ARKB and BITB lost $32.5 million. Some institutional money is leaving.[^11]',
    );
  });

  it('rally without the etf_inflow claim: $577 million in reads as no direction anywhere', () => {
    const drop = (l: LoadedCase) => {
      const plan = planOf(l);
      plan.claims = plan.claims.filter((c) => c.id !== 'etf_inflow');
    };
    const zh = md('rally-2024-02-28', 'zh', drop);
    expect(line(zh, '● **ETF 资金净流入**')).toContain('GBTC 净流出 1.25 亿美元，规模有限，尚不足以说明资金方向。[^6]');
    expect(line(zh, '# ')).toBe('# BTC 突破 6.2 万美元：全网爆仓约 7.02 亿美元，空头集中回补');
    expect(zh).not.toMatch(/需求端在上涨前已有支撑|ETF 资金流入共振|机构配置需求仍在/);
    const en = md('rally-2024-02-28', 'en', drop);
    expect(en).toContain('Too small a flow to read as a direction.[^6]');
    expect(en).not.toMatch(/demand that was there before the move|US spot ETFs saw net inflows/);
    // With the claim (the corpus day) all three read it as demand; the lead as demand before the
    // move (the 27 February session closed before the 28 February rally), not its cause.
    const kept = md('rally-2024-02-28', 'zh');
    expect(kept).toContain('# BTC 突破 6.2 万美元：全网爆仓约 7.02 亿美元，空头回补与 ETF 资金流入共振');
    expect(kept).toContain('美国现货 ETF 2 月 27 日净流入约 5.77 亿美元，需求端在上涨前已有支撑。[^4]');
    expect(kept).toContain('美国现货 ETF 2 月 27 日净流入约 5.77 亿美元，机构配置需求仍在[^4]');
  });
});

describe('a run of ETF flows is summed', () => {
  it('rally: 16 sessions of inflows add up to $5.09 billion; a 2-session run (5 August) is under etf.streakSumMinDays (3)', () => {
    expect(md('rally-2024-02-28', 'zh')).toContain('为连续第 16 个交易日净流入（期间累计净流入约 50.9 亿美元）');
    expect(md('rally-2024-02-28', 'en')).toContain('16 sessions running ($5.09 billion in all)');
    expect(md('crash-2024-08-05', 'zh')).toContain('为连续第 2 个交易日净流出；');
    expect(md('crash-2024-08-05', 'en')).not.toContain('in all)');
  });
});
