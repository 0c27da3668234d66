/**
 * Funding and basis of every configured asset in the bulls-versus-bears paragraphs
 * (positioning-derivatives.ts), on the multi-asset crash (crash-parts: BTC, ETH, BNB) and the
 * rally (BTC, ETH). Hand-computed from the fixtures' venue rates and open interest:
 *
 * crash-parts, current-period rates per 8 h, weighted by each venue's open interest (USD):
 * - BTC (−0.00012 × 4.902e9 − 0.00018 × 1.700e9 − 0.00025 × 3.040e9) / 9.642e9 = −0.0172 %
 * - ETH (−0.00021 × 2.745e9 − 0.00026 × 1.370e9 − 0.00032 × 1.516e9) / 5.631e9 = −0.0252 %
 * - BNB (−0.00031 × 4.919e8 − 0.00027 × 7.729e7 − 0.00036 × 1.138e8) / 6.829e8 = −0.0314 %
 * Against the thresholds (neutral ±0.005 %, short pressure −0.03 %): BTC and ETH slightly
 * negative, BNB deeply negative (the plan's short_pressure claim for BNB only). None elevated,
 * so all three argue for the bulls. Listed together, none gets a word of size of its own
 * (−0.0252 % "slightly" beside −0.0314 % "clearly" negative reads arbitrary): all three are negative.
 * Basis, the 27 September 2024 expiry on Binance and Deribit, 53 days out: BTC 7.9–8.2 % → 4.0–4.8 %,
 * ETH 7.4–7.9 % → 3.8–4.1 %, both compressed (mean fall ≥ 3 points); BNB has no futures in the
 * snapshot and gets no basis clause.
 * (The model's list reads "Binance和Deribit"; the rendered zh text spaces it, "Binance 和 Deribit".)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import type { Point } from '../../pipeline/narrative/model.js';
import { CASES, loadCase, render } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

function brief(name: string, lang: 'zh' | 'en') {
  const { model, markdown } = render(loadCase(CASES.find((c) => c.name === name)!), lang, templates);
  const positioning = model.sections.find((s) => s.positioning)?.positioning;
  return { bulls: positioning?.bulls ?? [], bears: positioning?.bears ?? [], text: markdown.replace(/\[\^\d+\]/g, '') };
}
const one = <K extends keyof Point>(points: readonly Point[], key: K): NonNullable<Point[K]> => {
  const found = points.filter((p) => p[key] !== undefined);
  expect(found).toHaveLength(1);
  return found[0]![key]!;
};

describe('funding, a clause per asset', () => {
  it('crash-parts: BTC, ETH and BNB in configured order, sign and size from the plan, current-period rates said once', () => {
    const { bulls, bears } = brief('crash-parts-2024-08-05', 'zh');
    const funding = one(bulls, 'fundingReset');
    expect(funding).toMatchObject({ allCurrent: true, allSettled: false });
    expect(funding.assets.map((a) => [a.asset, a.current, a.slightlyNegative, a.deeplyNegative, a.showKind])).toEqual([
      ['BTC', '−0.0172%', true, false, false],
      ['ETH', '−0.0252%', true, false, false],
      ['BNB', '−0.0314%', false, true, false],
    ]);
    expect(bears.some((p) => p.fundingCrowded)).toBe(false);
  });

  it('zh and en sentences: the rate named as the funding bullet names it, no word of size per asset in a list', () => {
    const zh = brief('crash-parts-2024-08-05', 'zh').text;
    expect(zh).toContain(
      '持仓加权资金费率（当期未结算）每 8 小时 BTC 为 −0.0172%、ETH 为 −0.0252%、BNB 为 −0.0314%，均为负值，未显示多头拥挤',
    );
    expect(zh).not.toMatch(/轻微为负|明显为负|空头付费较重/);
    // The funding bullet names the same rate the same way.
    expect(zh).toContain('BTC 永续合约持仓加权资金费率');
    const en = brief('crash-parts-2024-08-05', 'en').text;
    // BTC's rate is the funding bullet's, which the en wire wrap does not repeat; ETH and BNB are
    // two figures, so BNB's short_pressure claim is not worded beside them.
    expect(en).toContain(
      'funding (open-interest weighted) shows no crowded longs, per 8h (current, unsettled): BTC as above, ETH −0.0252%, BNB −0.0314%.',
    );
    expect(en).not.toContain('deeply negative');
    expect(en).toContain('BTC perpetual funding (open-interest weighted)');
  });

  it('in a list of several, BNB keeps its short_pressure claim in the model but gets no words of its own', () => {
    const { bulls } = brief('crash-parts-2024-08-05', 'zh');
    const bnb = one(bulls, 'fundingReset').assets.find((a) => a.asset === 'BNB')!;
    expect(bnb.deeplyNegative).toBe(true);
    expect(bnb.sized).toBe(false);
    const { bulls: enBulls } = brief('crash-parts-2024-08-05', 'en');
    expect(one(enBulls, 'fundingReset').several).toBe(true);
  });

  it('rally: elevated funding on both assets is the bears’ point', () => {
    const { bulls, bears, text } = brief('rally-2024-02-28', 'zh');
    expect(bulls.some((p) => p.fundingReset)).toBe(false);
    expect(one(bears, 'fundingCrowded').assets.map((a) => [a.asset, a.current, a.elevated])).toEqual([
      ['BTC', '0.0523%', true],
      ['ETH', '0.0569%', true],
    ]);
    expect(text).toContain('持仓加权资金费率（当期未结算）每 8 小时 BTC 为 0.0523%、ETH 为 0.0569%，均处于偏高水平，多头杠杆拥挤');
  });

  it('no zh positioning paragraph says funding "returned to" a rate, or that shorts dominate', () => {
    for (const c of CASES) {
      const paragraphs = brief(c.name, 'zh')
        .text.split('\n')
        .filter((l) => /多头认为|空头和谨慎资金/.test(l));
      expect(paragraphs.join('\n')).not.toMatch(/资金费率已回到|空头占据主动/);
    }
  });
});

describe('basis, a clause per asset where the snapshot has futures', () => {
  it('crash-parts: BTC and ETH at the 27 September expiry, prior → current; no BNB clause', () => {
    const { bears } = brief('crash-parts-2024-08-05', 'zh');
    expect(one(bears, 'basisCooled').assets.map((a) => [a.asset, a.tenor, a.venues, a.expiry, a.days, a.prior, a.current])).toEqual([
      ['BTC', '当季合约', 'Binance和Deribit', '9 月 27 日', '53', '7.9%—8.2%', '4.0%—4.8%'],
      ['ETH', '当季合约', 'Binance和Deribit', '9 月 27 日', '53', '7.4%—7.9%', '3.8%—4.1%'],
    ]);
  });

  it("crash-parts: both assets quote the same contract, so it is shared; the rally's two contracts differ", () => {
    expect(one(brief('crash-parts-2024-08-05', 'en').bears, 'basisCooled').shared).toEqual({
      tenor: 'current-quarter',
      venues: 'Binance and Deribit',
      expiry: '27 September',
      days: '53',
      // The basis bullet above describes this contract: the points name it by its tenor.
      described: true,
    });
    // Rally: BTC's next-quarter contract on Binance and Deribit, ETH's 28 June contract on Deribit alone.
    expect(one(brief('rally-2024-02-28', 'en').bears, 'basisRich').shared).toBeUndefined();
  });

  it('zh and en sentences', () => {
    expect(brief('crash-parts-2024-08-05', 'zh').text).toContain(
      // One contract for both assets, the one the basis bullet describes: named once, by its tenor.
      '期货年化升水收窄，当季合约 BTC 自 7.9%—8.2% 降至 4.0%—4.8%、ETH 自 7.4%—7.9% 降至 3.8%—4.1%，期货端追多意愿降温。',
    );
    expect(brief('crash-parts-2024-08-05', 'en').text).toContain(
      'the annualized basis of current-quarter futures compressed, a sign futures appetite has cooled: BTC 7.9–8.2% to 4.0–4.8%, ETH 7.4–7.9% to 3.8–4.1%.',
    );
  });

  it('rally: a basis that widened by three points or more, per asset; a bare Deribit contract label is not printed as a tenor', () => {
    const { bears, text } = brief('rally-2024-02-28', 'zh');
    // BTC next quarter 12.6 % → 16.7–17.0 % (+4.1 points on Binance's); ETH 28 June on Deribit 11.6 % → 16.2 % (+4.6).
    expect(one(bears, 'basisRich').assets.map((a) => [a.asset, a.tenor, a.prior, a.current])).toEqual([
      ['BTC', '次季合约', '12.6%', '16.7%—17.0%'],
      ['ETH', undefined, '11.6%', '16.2%'],
    ]);
    expect(text).toContain('ETH 期货合约（Deribit，6 月 28 日到期，剩余 121 天）自 11.6% 升至 16.2%');
  });
});
