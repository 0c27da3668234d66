/**
 * Two long-form readings of figures the bullets print one at a time:
 * - the futures curve after the gauges' reading (reading.ts curveOf): its slope at the close per
 *   venue, the nearest expiry against spot, and whether the day's move sat in the front;
 * - the ETF funds split (the etf_flows finding's split): the funds against the net and the rest
 *   added up, when the per-fund figures add up to the net.
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
const curveSentence = (text: string): string | undefined => /期限结构上，[^。]*。/.exec(text)?.[0];
const basisOf = (l: LoadedCase): FindingOf<'basis_compression'> =>
  l.findings.findings.find((f): f is FindingOf<'basis_compression'> => f.kind === 'basis_compression' && f.asset === 'BTC')!;

describe('the futures curve', () => {
  it('bundled day: the front dipped below spot and came back; the curve still slopes up', () => {
    // Deribit BTC-12JAN24 traded down to −3.4 % and closed at 2.2 %; Deribit closes 2.2 < 4.1 < 5.1
    // ≤ 5.1 %, Binance 4.9 < 5.4 %. Front −6.8 pp against the farthest's −6.5 pp: not front-led.
    expect(curveSentence(md('bundled-2024-01-04', 'zh'))).toBe(
      '期限结构上，最近月合约日内一度贴水，收盘时回到升水；远月升水仍高于近月，曲线维持正向排列。',
    );
  });

  it('5 August: the front closed below spot and the fall sat in the short end', () => {
    // Deribit BTC-9AUG24 6.3 % → −3.8 % (−10.1 pp); Binance's December contract, the farthest,
    // 8.9 % → 5.4 % (−3.5 pp): 6.6 pp apart, over basis.compressionMinFraction (3 pp).
    expect(curveSentence(md('crash-2024-08-05', 'zh'))).toBe(
      '期限结构上，最近月合约收于贴水，更远期限仍保持升水，回落集中在短端，短期合约的压力尚未蔓延至远月。',
    );
  });

  it('ETF launch and rally: the whole curve moved together', () => {
    // March −3.5 pp (Binance) and −3.0 pp (Deribit), June −3.2 pp; closes 11.5 % < 12.7 % (Binance).
    expect(curveSentence(md('etf-launch-2024-01-12', 'zh'))).toBe(
      '期限结构上，远近月合约升水同步回落，曲线整体下移，但仍向上倾斜，未出现倒挂。',
    );
    // March +4.2 / +4.1 pp, June +4.4 / +4.1 pp; closes 16.5 % < 17.0 % (Binance), 16.2 % < 16.7 % (Deribit).
    expect(curveSentence(md('rally-2024-02-28', 'zh'))).toBe('期限结构上，远近月合约升水同步走阔，曲线整体上移，远月仍高于近月。');
  });

  it('a front above the back (planted) is read as an inverted curve', () => {
    // Binance's March contract at 20 % over its June 17 %: no longer upward on Binance. The front's
    // average move (+7.7 and +4.1 pp) is 5.9 pp against the back's 4.25 pp: under 3 pp apart.
    const invert = (l: LoadedCase): void => {
      const march = basisOf(l).tenors.find((t) => t.venue === 'binance' && t.contract === 'BTCUSDT_240329')!;
      march.currentAnnualized = 0.2;
    };
    expect(curveSentence(md('rally-2024-02-28', 'zh', invert))).toBe(
      '期限结构上，远近月合约升水同步走阔，曲线整体上移，但近月升水已高于远月，短期追涨情绪尤为集中。',
    );
  });

  it('is not read on a range day, nor in the wire wrap', () => {
    expect(md('outage-2024-05-14', 'zh')).not.toContain('期限结构');
    expect(md('bundled-2024-01-04', 'en')).not.toMatch(/curve/);
  });
});

describe('the ETF funds split', () => {
  it("the spot ETFs' first day: GBTC out, the other four added up", () => {
    // 111.7 + 227.0 + 65.3 + 237.9 = 641.9 million, about 6.42 亿 / $642 million.
    expect(md('etf-launch-2024-01-12', 'zh')).toContain(
      'GBTC 净流出 9,510 万美元；GBTC 之外，其余 4 只产品合计净流入约 6.42 亿美元，显示场内存在配置需求',
    );
    expect(md('etf-launch-2024-01-12', 'en')).toContain(
      'GBTC −$95.1 million; outside GBTC, the other 4 funds took in $642 million. Allocators are buying.',
    );
  });

  it('no split where the fund against the net is too small, or the flow is too small to read', () => {
    // 5 August: BITB's +6.8 million beside a −237 million net.
    expect(md('crash-2024-08-05', 'zh')).not.toContain('之外，其余');
    // The outage day: −6.7 million net, no direction to split.
    expect(md('outage-2024-05-14', 'zh')).not.toContain('之外，其余');
  });
});

describe('whale transfers either side of the level the day broke', () => {
  it('bundled day: more after the 43,000 break, over the 4 hours the window allows each side', () => {
    // 10 transfers from 00:00 to 04:00, 26 from 04:00 to 08:00 (UTC+8): 2.6x ≥ whale.multipleMin.
    expect(md('bundled-2024-01-04', 'zh')).toContain(
      '最大一笔 7,070 枚 BTC（16:16）；跌破 4.3 万美元（04:00）后的 4 小时内共 26 笔，此前 4 小时为 10 笔，转账集中在破位之后，大户调仓活跃度明显上升。',
    );
  });

  it('rally: above the level it is a breakout, not a breakdown; the weekend: fewer after', () => {
    expect(md('rally-2024-02-28', 'zh')).toContain(
      '突破 6.2 万美元（16:00）后的 8 小时内共 25 笔，此前 8 小时为 13 笔，转账集中在突破之后',
    );
    expect(md('weekend-2024-03-17', 'zh')).toContain(
      '跌破 6.5 万美元（04:00）后的 4 小时内共 3 笔，此前 4 小时为 8 笔，破位并未引发大户集中调仓',
    );
  });

  it('no shift, no sentence: the outage day (19 before, 18 after)', () => {
    expect(md('outage-2024-05-14', 'zh')).not.toMatch(/后的 \d+ 小时内共/);
  });
});
