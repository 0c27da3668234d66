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
  it('bundled day: the curve still slopes up (flat at the back); the bullet has the dip below spot', () => {
    // Deribit closes 2.2 < 4.1 < 5.1 ≤ 5.1 %, Binance 4.9 < 5.4 %: non-decreasing on each venue.
    // Front −6.8 pp against the farthest's −6.5 pp: not front-led. BTC-12JAN24's intraday dip below
    // spot is the basis bullet's ("一度贴水"), not repeated here.
    expect(curveSentence(md('bundled-2024-01-04', 'zh'))).toBe('期限结构上，各期限合约的升水随到期日延后而走高或持平，曲线没有倒挂。');
  });

  it('5 August: only the nearest expiry closed below spot; every other premium shrank too', () => {
    // Deribit BTC-9AUG24 (4 days) 6.3 % → −3.8 %; the others stayed above spot but fell 3–4 pp each
    // (08-30 7.9 → 3.8 %, Binance 09-27 8.2 → 4.8 %, 12-27 8.9 → 5.4 %): the basis compressed, so
    // "普遍收窄", never "the pressure did not reach the back" (editor's reading, session 9).
    expect(curveSentence(md('crash-2024-08-05', 'zh'))).toBe('期限结构上，仅最近到期的合约收于贴水，其余期限仍为升水，但升水普遍收窄。');
  });

  it('rally: the whole curve moved together; the ETF launch: upward, the front not leading', () => {
    // ETF launch: the basis compressed while coins held rose 3.9 %, a reading of its own
    // (positionsGrew), and the curve after it. Closes 11.5 % < 12.7 % (Binance March, June);
    // March −3.1 / −2.8 pp (mean −2.95) against June's −2.9 pp: under 3 pp apart, no front lead.
    expect(curveSentence(md('etf-launch-2024-01-12', 'zh'))).toBe('期限结构上，各期限合约的升水随到期日延后而走高或持平，曲线没有倒挂。');
    // March +4.2 / +4.1 pp, June +4.4 / +4.1 pp; closes 16.5 % < 17.0 % (Binance), 16.2 % < 16.7 % (Deribit).
    expect(curveSentence(md('rally-2024-02-28', 'zh'))).toBe('期限结构上，各期限合约升水同步走阔，仍是近低远高的升水结构。');
  });

  it('a front above the back (planted) is read as an inverted curve', () => {
    // Binance's March contract at 20 % over its June 17 %: no longer upward on Binance. The front's
    // average move (+7.7 and +4.1 pp) is 5.9 pp against the back's 4.25 pp: under 3 pp apart.
    const invert = (l: LoadedCase): void => {
      const march = basisOf(l).tenors.find((t) => t.venue === 'binance' && t.contract === 'BTCUSDT_240329')!;
      march.currentAnnualized = 0.2;
    };
    expect(curveSentence(md('rally-2024-02-28', 'zh', invert))).toBe(
      '期限结构上，各期限合约升水同步走阔，但近期升水已高于远期，短期追涨情绪尤为集中。',
    );
  });

  it('is not read on a range day, nor in the wire wrap', () => {
    expect(md('outage-2024-05-14', 'zh')).not.toContain('期限结构');
    expect(md('bundled-2024-01-04', 'en')).not.toMatch(/curve/);
  });
});

describe('the ETF funds split', () => {
  it("the spot ETFs' first day: GBTC out, the other four added up", () => {
    // 111.7 + 227.0 + 65.3 + 237.9 = 641.9 million, about 6.42 亿 / $642 million; "of the 5 listed":
    // the provider's list need not hold every fund (editor's reading, session 9).
    expect(md('etf-launch-2024-01-12', 'zh')).toContain(
      'GBTC 净流出 9,510 万美元；统计所列 5 只产品中，GBTC 之外的 4 只合计净流入约 6.42 亿美元，显示场内存在配置需求',
    );
    expect(md('etf-launch-2024-01-12', 'en')).toContain(
      'GBTC −$95.1 million; of the 5 funds listed, the 4 besides GBTC took in $642 million. Allocators are buying.',
    );
  });

  it('no split where the fund against the net is too small, or the flow is too small to read', () => {
    // 5 August: BITB's +6.8 million beside a −237 million net.
    expect(md('crash-2024-08-05', 'zh')).not.toContain('统计所列');
    // The outage day: −6.7 million net, no direction to split.
    expect(md('outage-2024-05-14', 'zh')).not.toContain('统计所列');
  });
});

describe('whale transfers either side of the level the day broke', () => {
  it('bundled day: more after the 43,000 break, over the 4 hours the window allows each side', () => {
    // 10 transfers from 00:00 to 04:00, 26 from 04:00 to 08:00 (UTC+8): 2.6x ≥ whale.multipleMin.
    expect(md('bundled-2024-01-04', 'zh')).toContain(
      // "more than the 4 hours before", not "concentrated after": the rest of the day ran at about the
      // same rate (editor's reading, session 9).
      '最大一笔 7,070 枚 BTC（16:16）；跌破 4.3 万美元（04:00）后的 4 小时内共 26 笔，明显多于此前 4 小时的 10 笔，大户调仓活跃度明显上升。',
    );
  });

  it('rally: above the level it is a breakout, not a breakdown; the weekend: fewer after', () => {
    expect(md('rally-2024-02-28', 'zh')).toContain('突破 6.2 万美元（16:00）后的 8 小时内共 25 笔，明显多于此前 8 小时的 13 笔。');
    expect(md('weekend-2024-03-17', 'zh')).toContain(
      '跌破 6.5 万美元（04:00）后的 4 小时内共 3 笔，少于此前 4 小时的 8 笔，破位并未引发大户集中调仓',
    );
  });

  it('no shift, no sentence: the outage day (19 before, 18 after)', () => {
    expect(md('outage-2024-05-14', 'zh')).not.toMatch(/后的 \d+ 小时内共/);
  });
});
