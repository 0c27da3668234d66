/**
 * What the long-form (zh) brief adds to the figures, each reading gated by the thresholds its
 * words need and asserted on the rendered corpus: the leverage gauges read together
 * (reading.ts), the macro moves read as no shock, the trend before the day set against the
 * close, an ETF flow set against the day's move, and a rally's synthesis that says what the
 * gauges did rather than "if". None carries a figure the en wire wrap would lack.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, loadCase, render, type LoadedCase } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const caseOf = (name: string): LoadedCase => loadCase(CASES.find((c) => c.name === name)!);
const md = (name: string, lang: 'zh' | 'en', edit?: (l: LoadedCase) => void): string => {
  const loaded = caseOf(name);
  edit?.(loaded);
  return render(loaded, lang, templates).markdown;
};
const sentence = (text: string, start: string): string | undefined => new RegExp(`${start}[^。]*。`).exec(text)?.[0];

describe('the leverage gauges read together', () => {
  it('bundled day: funding (0.0467% → 0.0001%, about zero), basis (compressed) and open interest (−9.2%) all fell', () => {
    expect(sentence(md('bundled-2024-01-04', 'zh'), '从结构上看')).toBe(
      '从结构上看，永续资金费率、期货年化升水和未平仓量同时回落，三项指标方向一致，多头杠杆在各个环节同时被压缩；' +
        '不过，隐含波动率明显高于近 30 日均值，期权市场仍在为后续波动支付溢价，短期内剧烈波动的风险尚未解除。',
    );
  });

  it('5 August: funding from a 0.0074% average to −0.0172% counts as falling (it ended negative), though it never was elevated', () => {
    expect(sentence(md('crash-2024-08-05', 'zh'), '从结构上看')).toMatch(
      /^从结构上看，衡量杠杆的三项指标——资金费率、期货升水与未平仓量——在同一天一起下行/,
    );
  });

  it('ETF launch day: funding still positive (0.0101% per 8h) is the gauge that did not fall; DVOL 8% over its average is calm', () => {
    expect(sentence(md('etf-launch-2024-01-12', 'zh'), '从结构上看')).toBe(
      '从结构上看，期货升水收窄、未平仓量下降，但资金费率并未出现同等幅度的回落，永续合约端的多头仓位仍有调整空间；' +
        '隐含波动率则未明显抬升，期权市场并不认为波动会进一步放大。',
    );
  });

  it('open interest down only 1% (under openInterest.dropFractionMin, 5%) leaves the deleveraging incomplete', () => {
    const zh = md('bundled-2024-01-04', 'zh', (l) => {
      for (const f of l.findings.findings) if (f.kind === 'open_interest_change') f.changeFraction = -0.01;
    });
    expect(sentence(zh, '从结构上看')).toMatch(/^从结构上看，资金费率与期货升水同步回落，但未平仓量并未明显下降，杠杆的出清尚不彻底/);
  });

  it('one gauge alone is no joint reading; a range day has none; the wire wrap prints none', () => {
    const zh = md('bundled-2024-01-04', 'zh', (l) => {
      for (const f of l.findings.findings) {
        if (f.kind === 'open_interest_change') f.changeFraction = -0.01;
        if (f.kind === 'basis_compression') f.compressed = false;
      }
    });
    expect(zh).not.toContain('从结构上看');
    expect(md('quiet-2024-06-20', 'zh')).not.toContain('从结构上看');
    expect(md('bundled-2024-01-04', 'en')).not.toMatch(/three gauges|gauges/);
  });

  it('rally: all three rose; the synthesis says leverage has built, not "if funding rises"', () => {
    const zh = md('rally-2024-02-28', 'zh');
    expect(sentence(zh, '从结构上看')).toMatch(/^从结构上看，资金费率、期货升水与未平仓量一同上行/);
    expect(zh).toContain('突破后的持续性取决于增量资金能否跟上；在杠杆已明显升温的情况下，短线回调风险不容忽视。');
    expect(zh).not.toContain('若资金费率与期货升水快速走高');
  });
});

describe('macro moves read as no shock, the trend before the day, an ETF flow against the move', () => {
  it('no macro note and no move past its threshold: the selling is placed inside crypto; with a note, not', () => {
    expect(md('etf-launch-2024-01-12', 'zh')).toContain('上述变动均在常规范围内，尚不构成宏观冲击。由此看，这轮下跌难以归因于宏观层面');
    expect(md('rally-2024-02-28', 'zh')).toContain('尚不构成宏观冲击。换言之，上述宏观指标均未出现足以解释这轮上涨的异动');
    // The bundled day has the Fed minutes in its notes: the macro paragraph keeps them as the candidate.
    expect(md('bundled-2024-01-04', 'zh')).not.toMatch(/难以归因于宏观|足以解释这轮下跌的异动|足以解释这轮下跌的信号/);
  });

  it('a fall after a 12.5% run-up that left the close above the close 30 days back: the trend is intact', () => {
    expect(md('bundled-2024-01-04', 'zh')).toContain(
      '从更长的周期看，收盘价仍高于 30 日前的水平，中期上行趋势尚未被破坏；只有在关键支撑接连失守之后，趋势反转的判断才更有依据。',
    );
    // A rally after a 30.8% run-up extends it; a fall after −14.3% (holiday) extends that.
    expect(md('rally-2024-02-28', 'zh')).toContain('这轮上涨延续了此前 30 日的涨势，中期趋势依然向上。');
    expect(md('holiday-2024-07-05', 'zh')).toContain('这轮下跌延续了此前 30 日的跌势，中期趋势依然偏弱。');
  });

  it('ETF launch: a $547 million inflow on a day the price fell 7.2% is no buying that held the price', () => {
    expect(md('etf-launch-2024-01-12', 'zh')).toContain(
      '显示场内存在配置需求；不过，资金净流入并未阻止价格下跌，ETF 买盘尚不足以抵消其他渠道的抛压。',
    );
    // On the rally the same inflow supports the move: no "did not stop".
    expect(md('rally-2024-02-28', 'zh')).not.toContain('并未阻止价格');
  });
});

describe('the other assets as a group', () => {
  it('5 August: ETH and BNB each fell further than BTC past systemic.moveFractionMin (2%): "均大于"', () => {
    expect(md('crash-2024-08-05', 'zh')).toContain(
      '从币种结构看，以太坊和 BNB 的跌幅均大于比特币，比特币相对抗跌：风险偏好收缩时，弹性更高的主流币首当其冲。',
    );
  });
  it('rally: one other asset (ETH +4.4% against BTC +9.1%) takes no "均"; a day where the assets split prints nothing', () => {
    expect(md('rally-2024-02-28', 'zh')).toContain('从币种结构看，以太坊的涨幅不及比特币，资金集中流向比特币，上涨尚未扩散至其他主流币。');
    const split = md('crash-2024-08-05', 'zh', (l) => {
      const plan = l.findings.findings.find((f) => f.kind === 'day_plan');
      if (plan?.kind === 'day_plan') plan.claims = plan.claims.filter((c) => !(c.id === 'underperformed' && c.asset === 'BNB'));
    });
    expect(split).not.toContain('从币种结构看');
    expect(md('crash-2024-08-05', 'en')).not.toMatch(/held up better than both|fell further than bitcoin/);
  });
});
