/**
 * What the long-form (zh) brief adds to the figures, each reading gated by the thresholds its
 * words need and asserted on the rendered corpus: the leverage gauges read together
 * (reading.ts), the macro moves read as no shock beside a leverage claim, the close set against
 * the trend before the day, the other assets as a group, what would settle the bulls' and
 * bears' split, what a calendar release bears on, the ETF and exchange flows read together, and a
 * rally's synthesis that says what the
 * gauges did rather than "if". None carries a figure the en wire wrap would lack, and none
 * restates a bullet's reading.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { markdownOf, type LoadedCase } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const md = (name: string, lang: 'zh' | 'en', edit?: (l: LoadedCase) => void): string => markdownOf(name, lang, templates, edit);
const sentence = (text: string, start: string): string | undefined => new RegExp(`${start}[^。]*。`).exec(text)?.[0];

describe('the leverage gauges read together', () => {
  it('bundled day: funding (0.0467% → 0.0001%, about zero), basis (compressed) and open interest (−9.2%) all fell', () => {
    expect(sentence(md('bundled-2024-01-04', 'zh'), '从结构上看')).toBe(
      '从结构上看，永续资金费率、期货年化升水和未平仓量同时回落，三项指标方向一致，多头的押注在永续与期货两端同时收缩。',
    );
  });

  it('5 August: funding from a 0.0074% average to −0.0172% counts as falling (it ended negative), though it never was elevated', () => {
    expect(sentence(md('crash-2024-08-05', 'zh'), '从结构上看')).toBe(
      '从结构上看，资金费率、期货升水与未平仓量在同一天一起下行，降温同时覆盖了永续合约与期货市场。',
    );
  });

  it('funding that fell but stayed positive is said so, not "did not fall" (bundled day, without its negative funding)', () => {
    // The bundled day with its funding finding moved to a small positive rate that fell: the basis
    // and coins held fell (two gauges), funding fell but stayed positive.
    const zh = md('bundled-2024-01-04', 'zh', (l) => {
      for (const f of l.findings.findings)
        if (f.kind === 'funding_flip') {
          f.weightedPriorPer8h = 0.000224;
          f.weightedCurrentPer8h = 0.000101;
          f.level = 'positive';
        }
    });
    expect(sentence(zh, '从结构上看')).toBe('从结构上看，期货升水收窄、未平仓量下降，资金费率虽有回落，但当期费率仍为正值。');
  });

  it('open interest down only 1% (under openInterest.dropFractionMin, 5%) leaves the deleveraging incomplete', () => {
    const zh = md('bundled-2024-01-04', 'zh', (l) => {
      for (const f of l.findings.findings) if (f.kind === 'open_interest_change') f.changeFraction = -0.01;
    });
    expect(sentence(zh, '从结构上看')).toBe(
      '从结构上看，资金费率与期货升水同步回落，但未平仓量并未明显下降，杠杆的出清尚不彻底，仓位仍有进一步调整的空间。',
    );
  });

  it('ETF launch: the basis compressed and funding eased while coins held rose 3.9% — no deleveraging, said so', () => {
    expect(sentence(md('etf-launch-2024-01-12', 'zh'), '从结构上看')).toBe(
      '从结构上看，期货升水收窄、资金费率有所回落，持仓却没有减少：降温的是追价热情，而非仓位本身，这轮下跌并未演变为整体去杠杆。',
    );
    // Coins held little changed (under openInterest.flatFractionMax), or the basis held: basis alone is one gauge.
    const flat = md('etf-launch-2024-01-12', 'zh', (l) => {
      for (const f of l.findings.findings) if (f.kind === 'open_interest_change') f.flat = true;
    });
    expect(flat).not.toContain('从结构上看');
    const held = md('etf-launch-2024-01-12', 'zh', (l) => {
      for (const f of l.findings.findings) if (f.kind === 'basis_compression') f.compressed = false;
    });
    expect(held).not.toContain('从结构上看');
  });

  it('one gauge alone is no joint reading; a range day has none; the wire wrap prints none; volatility stays with its bullet', () => {
    const zh = md('bundled-2024-01-04', 'zh', (l) => {
      for (const f of l.findings.findings) {
        if (f.kind === 'open_interest_change') f.changeFraction = -0.01;
        if (f.kind === 'basis_compression') f.compressed = false;
      }
    });
    expect(zh).not.toContain('从结构上看');
    expect(md('quiet-2024-06-20', 'zh')).not.toContain('从结构上看');
    expect(md('bundled-2024-01-04', 'en')).not.toMatch(/gauges/);
    expect(sentence(md('bundled-2024-01-04', 'zh'), '从结构上看')).not.toContain('隐含波动率');
  });

  it('rally: funding and basis rose; the synthesis says leverage has built, not "if funding rises"', () => {
    const zh = md('rally-2024-02-28', 'zh');
    // Coins held fell 3.0 % while the dollars rose 6.1 % with the price: open interest did not rise.
    expect(sentence(zh, '从结构上看')).toBe(
      '从结构上看，资金费率与期货升水同步走高，但按持仓币数计的未平仓量反而小幅下降，追价情绪升温体现在价格与费率上，仓位并未跟进。',
    );
    // Coins held fell 3.0 %: what rose is the cost of leverage (funding, basis), not its size.
    expect(zh).toContain('突破后的持续性取决于增量资金能否跟上；在资金费率与期货升水已明显升温的情况下，短线回调风险不容忽视。');
    expect(zh).toContain('多头追价意愿增强，但持仓币数并未随之增加，上升的是杠杆成本而非杠杆规模');
    expect(zh).not.toContain('若资金费率与期货升水快速走高');
    // en says the same of the same gauges.
    expect(md('rally-2024-02-28', 'en')).toContain(
      'the rally holds only if fresh money keeps coming; with funding and basis already up, the risk of a pullback has grown.',
    );
  });
});

describe('macro as no shock, the close against the trend, the split and the calendar', () => {
  it('no macro note, no move past its threshold and the leverage claim fired: the move is placed inside crypto', () => {
    // Holiday: leverage_flush (5.6x the median, 82% longs, OI −5.7%).
    expect(md('holiday-2024-07-05', 'zh')).toContain(
      // "No macro shock" said once, by the sentence that places the move (not also by the calm one before it).
      '从幅度看，上述指标均处于常规区间。外部市场并未给出足以解释这轮下跌的信号，结合集中爆仓与未平仓量的回落，抛压更可能来自加密市场内部的杠杆出清。',
    );
    // Rally: short_squeeze (65% shorts, 4.8x the median).
    expect(md('rally-2024-02-28', 'zh')).toContain('外部市场并未给出足以解释这轮上涨的信号，结合空头集中被动平仓来看');
    // ETF launch: liquidations 1.9x the median, no leverage_flush — nothing to place the move in.
    expect(md('etf-launch-2024-01-12', 'zh')).not.toMatch(/外部市场并未给出|宏观层面找不到/);
    // The bundled day has the Fed minutes in its notes: the macro paragraph keeps them as the candidate.
    expect(md('bundled-2024-01-04', 'zh')).not.toMatch(/外部市场并未给出|宏观层面找不到/);
    // …and beside a repricing of rate cuts it does not say "no macro shock" of the calm asset prices.
    expect(md('bundled-2024-01-04', 'zh')).toContain('上述资产价格的变动尚在常规范围内，宏观层面的变化更多体现在政策预期上（见下文）。');
    expect(md('bundled-2024-01-04', 'en')).toContain(
      'Asset prices moved within their usual ranges; the shift was in rate expectations (below).',
    );
    expect(md('bundled-2024-01-04', 'en')).not.toContain('None was large enough to count as a macro shock.');
  });

  it('a fall after a 12.5% run-up that left the close above the close 30 days back: the trend is intact', () => {
    expect(md('bundled-2024-01-04', 'zh')).toContain(
      '从更长的周期看，收盘价仍高于 30 日前的水平，中期上行趋势尚未被破坏；只有在上述支撑带被放量跌破之后，趋势反转的判断才更有依据。',
    );
    // A continuing trend is said once, in the path paragraph, not again after the synthesis.
    const rally = md('rally-2024-02-28', 'zh');
    expect(rally).toContain('本轮上涨是前期涨势的延续');
    expect(rally).not.toMatch(/从更长的周期看|把时间拉长来看/);
  });

  it('the split settled by the nearest support and the gauges the bullets print', () => {
    expect(md('bundled-2024-01-04', 'zh')).toContain(
      '多空判断的分水岭在于出清之后能否企稳：守住 4.2 万美元、资金费率企稳回升，意味着抛压已基本释放；跌破 4.2 万美元且未平仓量重新增加，则可能意味着新的空头仓位正在入场。',
    );
    // Without the leverage_flush claim the question is what kind of fall it was.
    expect(md('etf-launch-2024-01-12', 'zh')).toContain('分歧的焦点在于下跌的性质：');
    // One side only: no split to settle.
    expect(md('quiet-2024-06-20', 'zh')).not.toMatch(/分歧的焦点|分水岭/);
  });

  it("a curated release without a desk note says what it bears on (zh); a note's own words win", () => {
    const zh = md('bundled-2024-01-04', 'zh');
    expect(zh).toContain('1 月 5 日 21:30 美国非农就业数据公布（就业数据若明显强于预期，降息预期可能降温，风险资产或再度承压；来源：');
    // The basis data's own expiry.
    expect(zh).toContain('1 月 12 日 Deribit 12JAN24 合约交割（交割前后期货基差与持仓可能出现较大调整）');
    expect(md('bundled-2024-01-04', 'en')).not.toContain('bears on');
  });
});

describe('the other assets as a group', () => {
  it('rally: one other asset (ETH +4.4% against BTC +9.1%) fared worse — no "均", no claim it did not rise', () => {
    expect(md('rally-2024-02-28', 'zh')).toContain('从币种结构看，以太坊的涨幅不及比特币，涨势以比特币为主导。');
  });
  it('5 August: the cross-asset bullets compare each asset already — no group sentence beside them', () => {
    expect(md('crash-2024-08-05', 'zh')).not.toContain('从币种结构看');
  });
});

describe('the ETF and exchange flows read together, each window named', () => {
  it('rally: money into the funds on 27 February, coins off exchanges on the day — one story', () => {
    expect(sentence(md('rally-2024-02-28', 'zh'), '从资金流向看')).toBe(
      '从资金流向看，美国现货 BTC ETF 在 2 月 27 日（美东交易日）录得净流入，2 月 28 日交易所 BTC 呈净流出；两者方向一致，均偏向多方。',
    );
  });

  it('ETF launch: money into the funds on 11 January while 7,083 BTC went onto exchanges — two', () => {
    expect(sentence(md('etf-launch-2024-01-12', 'zh'), '从资金流向看')).toBe(
      '从资金流向看，美国现货 BTC ETF 在 1 月 11 日（美东交易日）录得净流入，1 月 12 日交易所 BTC 呈净流入；前者意味着买盘，后者意味着潜在卖压，两者指向相反，资金面信号并不一致。',
    );
  });

  it('the rally with the funds paying out: the signals disagree; 5 August (an inflow spike, then outflows): no reading; en: none', () => {
    const outflow = (l: LoadedCase): void => {
      for (const f of l.findings.findings) if (f.kind === 'etf_flows') f.netFlowUsd = -f.netFlowUsd;
      for (const f of l.findings.findings)
        if (f.kind === 'day_plan') for (const c of f.claims) if (c.id === 'etf_inflow') c.id = 'etf_outflow';
    };
    expect(sentence(md('rally-2024-02-28', 'zh', outflow), '从资金流向看')).toBe(
      '从资金流向看，美国现货 BTC ETF 在 2 月 27 日（美东交易日）录得净流出，2 月 28 日交易所 BTC 呈净流出；前者意味着资金撤出，后者意味着筹码离场，两者指向相反，资金面信号并不一致。',
    );
    expect(md('crash-2024-08-05', 'zh')).not.toContain('从资金流向看');
    expect(md('rally-2024-02-28', 'en')).not.toMatch(/fund flows and exchange flows|both point/);
  });
});
