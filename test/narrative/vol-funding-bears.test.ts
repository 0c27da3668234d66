/**
 * The editor's findings on the weekend, outage, no-keys and 5 August goldens:
 * - the implied-volatility bullet labelled DVOL "回落" / "eased" on days it rose (outage 52.4 →
 *   54.1, no keys 54.8 → 55.9), because the label read the level against the 30-day average as
 *   the day's direction. Label and reading now keep the two apart: the label is the level
 *   (elevated by impliedVol.elevatedMinFraction, else above or below the average), the reading
 *   the day's open → close, "still" when the two point opposite ways;
 * - the bull and bear points named the funding figure "每 8 小时当期未结算费率", as if one venue's:
 *   it is the open-interest-weighted rate (or a venue average), named as the funding bullet names it;
 *   several assets listed together get no word of size each (5 August: −0.0252 % "轻微为负"
 *   beside −0.0314 % "明显为负"), only what they share;
 * - no keys (−2.2 %, the largest drop since 13 April, close near the low, 71 % of liquidations
 *   longs, open interest −1.1 %) had no bear point and said the bulls had the upper hand: the
 *   bear points were gated on a crash day, and this range day closed lower than a tight range.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayPlan, Finding } from '../../pipeline/analysis/findings.js';
import type { FindingOf } from '../../pipeline/analysis/index.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, type LoadedCase, markdownOf } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const md = (name: string, lang: 'zh' | 'en', edit?: (l: LoadedCase) => void): string =>
  markdownOf(name, lang, templates, edit).replace(/\[\^\d+\]/g, '');
const line = (text: string, label: RegExp): string => text.split('\n').find((l) => label.test(l)) ?? '';
const findingOf = <K extends Finding['kind']>(l: LoadedCase, kind: K, asset = 'BTC'): FindingOf<K> =>
  l.findings.findings.find((f): f is FindingOf<K> => f.kind === kind && 'asset' in f && f.asset === asset)!;
const planOf = (l: LoadedCase): DayPlan => l.findings.findings.find((f): f is DayPlan => f.kind === 'day_plan')!;
const VOL_ZH = /^● \*\*波动率/;
const VOL_EN = /^● \*\*Implied volatility/;

describe('implied volatility: the level in the label, the day’s direction in the reading', () => {
  it('outage, 52.4 → 54.1 below the average of 59.4: "低于均值", rose, still 9% below', () => {
    expect(line(md('outage-2024-05-14', 'zh'), VOL_ZH)).toBe(
      '● **波动率低于均值**：据 Deribit 数据，BTC 隐含波动率指数 DVOL 自日初 52.4 升至 54.1（日内区间 52.1—54.6），仍较近 30 日均值 59.4 低 9%，期权市场并未计入更大的波动。',
    );
    expect(line(md('outage-2024-05-14', 'en'), VOL_EN)).toBe(
      "● **Implied volatility:** below average — Deribit's BTC DVOL rose to 54.1 from 52.4 (range 52.1–54.6), still 9% below its 30-day average of 59.4; options price no bigger move.",
    );
  });

  it('no keys, 54.8 → 55.9: never 回落 / eased on a day it rose', () => {
    const zh = line(md('nokeys-2024-04-24', 'zh'), VOL_ZH);
    expect(zh).toContain('DVOL 自日初 54.8 升至 55.9（日内区间 54.6—56.0），仍较近 30 日均值 61.6 低 9%');
    expect(zh).not.toContain('回落');
    const en = line(md('nokeys-2024-04-24', 'en'), VOL_EN);
    expect(en).toContain("below average — Deribit's BTC DVOL rose to 55.9 from 54.8 (range 54.6–56.0), still 9% below");
    expect(en).not.toContain('eased');
  });

  it('weekend, 66.4 → 63.2 below the average: fell, and no "still" when direction and level agree', () => {
    expect(line(md('weekend-2024-03-17', 'zh'), VOL_ZH)).toContain(
      '**波动率低于均值**：据 Deribit 数据，BTC 隐含波动率指数 DVOL 自日初 66.4 降至 63.2（日内区间 62.9—68.3），较近 30 日均值 65.7 低 4%',
    );
    expect(line(md('weekend-2024-03-17', 'en'), VOL_EN)).toContain('fell to 63.2 from 66.4 (range 62.9–68.3), 4% below its 30-day average');
  });

  it('5 August, 61.3 (the day’s low) → 71.2, 43% above the average: elevated, the peak printed once', () => {
    expect(line(md('crash-2024-08-05', 'zh'), VOL_ZH)).toBe(
      '● **波动率偏高**：据 Deribit 数据，BTC 隐含波动率指数 DVOL 自日初 61.3 升至 71.2（日内高点 93.4），较近 30 日均值 49.9 高 43%，期权市场对短期波动的定价明显抬升，对冲需求增加。',
    );
    expect(line(md('crash-2024-08-05', 'en'), VOL_EN)).toBe(
      "● **Implied volatility:** elevated — Deribit's BTC DVOL rose to 71.2 from 61.3 (peak 93.4), 43% above its 30-day average of 49.9; hedging demand is up.",
    );
  });

  it('elevated but falling on the day (open planted at 80.0): "still" above, and no word that it rose', () => {
    const open80 = (l: LoadedCase): void => {
      findingOf(l, 'implied_vol').open = 80;
    };
    const zh = line(md('crash-2024-08-05', 'zh', open80), VOL_ZH);
    expect(zh).toBe(
      '● **波动率偏高**：据 Deribit 数据，BTC 隐含波动率指数 DVOL 自日初 80.0 降至 71.2（日内区间 61.3—93.4），仍较近 30 日均值 49.9 高 43%，期权端的对冲需求仍高于常态。',
    );
    expect(line(md('crash-2024-08-05', 'en', open80), VOL_EN)).toBe(
      "● **Implied volatility:** elevated — Deribit's BTC DVOL fell to 71.2 from 80.0 (range 61.3–93.4), still 43% above its 30-day average of 49.9; hedging demand is still high.",
    );
  });

  it('the bears’ volatility point says "rose to" only when it rose on the day (holiday, open planted at 60.0)', () => {
    expect(line(md('holiday-2024-07-05', 'zh'), /^另一方面/)).toContain('DVOL 隐含波动率升至 55.1，期权端对冲需求上升');
    const open60 = (l: LoadedCase): void => {
      findingOf(l, 'implied_vol').open = 60;
    };
    const bears = line(md('holiday-2024-07-05', 'zh', open60), /^另一方面/);
    expect(bears).toContain('DVOL 隐含波动率仍在 55.1 的高位，期权端对冲需求不减');
    expect(bears).not.toContain('升至 55.1');
  });

  it('without the window’s open (daily data only): the level, the range, no direction', () => {
    const noOpen = (l: LoadedCase): void => {
      delete findingOf(l, 'implied_vol').open;
    };
    expect(line(md('outage-2024-05-14', 'zh', noOpen), VOL_ZH)).toContain('DVOL 报 54.1（日内区间 52.1—54.6），较近 30 日均值 59.4 低 9%');
    expect(line(md('outage-2024-05-14', 'en', noOpen), VOL_EN)).toContain(
      'DVOL stood at 54.1 (range 52.1–54.6), 9% below its 30-day average',
    );
  });

  it('every zh brief: the volatility label names a level, not a direction, in 4–8 字 no other bullet carries', () => {
    for (const c of CASES) {
      const labels = md(c.name, 'zh')
        .split('\n')
        .flatMap((l) => /^● \*\*([^*]+)\*\*/.exec(l)?.[1] ?? []);
      const vol = labels.find((l) => l.startsWith('波动率'));
      if (!vol) continue;
      expect(vol.length, c.name).toBeGreaterThanOrEqual(4);
      expect(vol.length, c.name).toBeLessThanOrEqual(8);
      expect(vol, c.name).not.toMatch(/回落|抬升|上行|走高|走低/);
      expect(
        labels.filter((l) => l === vol),
        c.name,
      ).toHaveLength(1);
    }
  });
});

describe('funding in the bull and bear points: the weighted rate, named as the bullet names it', () => {
  it('weekend: "BTC 持仓加权资金费率（当期未结算）为每 8 小时 0.0209%", not one venue’s "当期未结算费率"', () => {
    const zh = md('weekend-2024-03-17', 'zh');
    expect(zh).toContain('BTC 持仓加权资金费率（当期未结算）为每 8 小时 0.0209%，处于偏高水平，多头杠杆拥挤，回调时易引发连锁强平');
    expect(zh).not.toContain('每 8 小时当期未结算费率');
    expect(zh).toContain('BTC 永续合约持仓加权资金费率');
  });

  it('an equal-weight average (no open interest for a venue) is "多平台平均" / "venue average" in bullet and point alike', () => {
    const equal = (l: LoadedCase): void => {
      findingOf(l, 'funding_flip').weighting = 'equal';
    };
    const zh = md('weekend-2024-03-17', 'zh', equal);
    expect(zh).toContain('BTC 多平台平均资金费率（当期未结算）为每 8 小时 0.0209%');
    expect(zh).toContain('BTC 永续合约多平台平均资金费率');
    expect(zh).not.toContain('持仓加权');
  });

  it('several assets weighted differently: the weighting said per asset, the kind once', () => {
    const ethEqual = (l: LoadedCase): void => {
      findingOf(l, 'funding_flip', 'ETH').weighting = 'equal';
    };
    expect(md('crash-parts-2024-08-05', 'zh', ethEqual)).toContain(
      '资金费率（当期未结算）每 8 小时 BTC 为 −0.0172%（持仓加权）、ETH 为 −0.0252%（多平台平均）、BNB 为 −0.0314%（持仓加权），均为负值，未显示多头拥挤',
    );
    expect(md('crash-parts-2024-08-05', 'en', ethEqual)).toContain(
      'funding shows no crowded longs, per 8h (current, unsettled): BTC as above, ETH −0.0252% (venue average), BNB −0.0314% (open-interest weighted).',
    );
  });

  it('5 August: three assets listed, no "轻微" / "明显" per asset; only the sign they share', () => {
    const zh = md('crash-scope-2024-08-05', 'zh');
    expect(zh).toContain(
      '持仓加权资金费率（当期未结算）每 8 小时 BTC 为 −0.0172%、ETH 为 −0.0252%、BNB 为 −0.0314%，均为负值，未显示多头拥挤',
    );
    expect(line(zh, /^一方面/)).not.toMatch(/轻微为负|明显为负/);
    expect(md('crash-scope-2024-08-05', 'en')).toContain(
      'funding (open-interest weighted) shows no crowded longs, per 8h (current, unsettled): BTC as above, ETH −0.0252%, BNB −0.0314%.',
    );
  });
});

describe('a drop has its bears; its bulls never "have the upper hand"', () => {
  it('no keys (−2.2%, range day): the bears argue from the level lost, the close near the low and the longs liquidated; open interest in coins rose 1.0 %, so it is no bears’ point', () => {
    const zh = md('nokeys-2024-04-24', 'zh');
    expect(line(zh, /^另一方面/)).toBe(
      '另一方面，空头和谨慎资金则强调：价格收于 6.6 万美元下方，未能守住这一整数关口；收盘价 65,180.2 美元贴近日内低点 65,040.6 美元，抛压至收盘未见缓和；清算以多头为主（至少 3,100 万美元，其中多头占 71%），下跌中多头仓位首当其冲。',
    );
    expect(zh).toContain('围绕本轮回落，');
    expect(zh).not.toMatch(/暂占上风|以偏多的声音为主|多头叙事占据上风|暂未出现明显的空头信号/);
    const en = md('nokeys-2024-04-24', 'en');
    expect(en).toContain(
      "The bear case: price closed below $66,000, giving up the round number; the $65,180 close sat near the day's $65,041 low, with no late bounce.",
    );
    expect(en).not.toMatch(/The data lean one way|No clear bearish signal|mostly with the bulls|favour the bulls/);
    // A tight range (weekend, −0.2 %) is no drop: still 震荡, none of the drop's points.
    const weekend = md('weekend-2024-03-17', 'zh');
    expect(weekend).toContain('围绕本轮震荡，');
    expect(weekend).not.toMatch(/未能守住这一整数关口|贴近日内低点 |下跌中多头仓位首当其冲|价格本身就是空头/);
  });

  it('a drop with none of those findings still hears the bears: the fall itself', () => {
    const bare = (l: LoadedCase): void => {
      l.findings.findings = l.findings.findings.filter((f) => !['level_break', 'price_path', 'open_interest_change'].includes(f.kind));
      const plan = planOf(l);
      plan.claims = plan.claims.filter((c) => c.id !== 'long_flush');
    };
    const zh = md('nokeys-2024-04-24', 'zh', bare);
    expect(line(zh, /^另一方面/)).toBe('另一方面，空头和谨慎资金则强调：BTC 较前一日收盘下跌 2.2%，价格本身就是空头最直接的依据。');
    expect(zh).not.toMatch(/暂占上风|以偏多的声音为主|多头叙事占据上风/);
    const en = md('nokeys-2024-04-24', 'en', bare);
    expect(en).toContain('The bear case: BTC closed 2.2% lower, the plainest case of all.');
    expect(en).not.toMatch(/The data lean one way|No clear bearish signal/);
  });
});

describe('second editor’s reading: words that follow the figures', () => {
  it('ETF launch, DVOL 62.7 → 66.9, 8% above its average (not elevated): priced a little higher, never "no bigger move"', () => {
    expect(md('etf-launch-2024-01-12', 'zh')).toContain('较近 30 日均值 61.8 高 8%，期权市场对波动的定价略有抬升，但尚未达到偏高水平。');
    expect(md('etf-launch-2024-01-12', 'en')).toContain(
      '8% above its 30-day average of 61.8; options price a slightly bigger move, short of elevated.',
    );
  });

  it('outage, open interest −2.0 % in dollars but −0.1 % in coins held: positions barely moved, not "traders stepped back" / 资金离场观望', () => {
    expect(md('outage-2024-05-14', 'zh')).toContain('按持仓币数计基本持平（−0.1%；Binance \\+0.1%、Bybit −0.3%），仓位并未明显变化。');
    expect(md('outage-2024-05-14', 'en')).toContain('. Positions barely moved.');
    expect(md('outage-2024-05-14', 'zh')).not.toContain('资金离场观望');
  });

  it('a calm DVOL is no bulls’ point: low volatility says nothing of direction (outage, 54.1 under its 59.4 average)', () => {
    expect(md('outage-2024-05-14', 'zh')).toContain(
      '多头认为：BTC 持仓加权资金费率（当期未结算）为每 8 小时 0.0049%，接近零，未显示多头拥挤。',
    );
    expect(md('outage-2024-05-14', 'zh')).not.toMatch(/隐含波动率(仅|只有|低至)/);
    expect(md('outage-2024-05-14', 'en')).not.toContain('calm DVOL implied volatility');
  });
});
