/**
 * Issue 17, house style: aggregates carry 约 (kernel/locale/format.ts UsdKind). The bundled day's
 * headline had 约 12.6 亿美元 only because 12.63 亿 was rounded; the holiday's 6.64 亿美元, printed
 * exactly, had none. Now every sum across venues, funds or assets (and its 30-day baseline) says
 * 约 in headline, lead and body; one fund's or one venue's own figure only when it was rounded;
 * a floor (至少) never.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, loadCase, render } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const md = (name: string, lang: 'zh' | 'en'): string => render(loadCase(CASES.find((c) => c.name === name)!), lang, templates).markdown;
const line = (text: string, start: string): string => text.split('\n').find((l) => l.startsWith(start)) ?? '';

describe('约 before every aggregate, in headline, lead and body', () => {
  it('holiday (zh): the market-wide 6.64 亿 and the ETF complex 2,040 万 say 约; one fund does not', () => {
    const zh = md('holiday-2024-07-05', 'zh');
    expect(line(zh, '# ')).toBe('# BTC 跌破 5.7 万美元：全网爆仓约 6.64 亿美元，杠杆多头集中出清');
    expect(zh).toContain('Coinglass 数据显示，全网 24 小时清算约 6.64 亿美元，多头占 82%。[^2]');
    expect(line(zh, '● **杠杆挤兑**')).toBe(
      '● **杠杆挤兑**：据 Coinglass 数据，全网 24 小时清算金额约 6.64 亿美元，其中多头占 82%，为近 30 日中位数约 1.18 亿美元的 5.6 倍，多头仓位承压更为明显。[^2]',
    );
    expect(line(zh, '● **ETF 资金净流出**')).toContain(
      '美国现货 BTC ETF 7 月 3 日净流出约 2,040 万美元；其中 FBTC 净流出 1,860 万美元、GBTC 净流出 1,390 万美元、ARKB 净流入 610 万美元',
    );
    expect(zh).toContain('多头杠杆已被集中出清（清算合计约 6.64 亿美元，其中多头占 82%）');
    // Open interest added up over three venues was already rounded: 约 once, not twice.
    expect(zh).toContain('未平仓量自日初的约 85.9 亿美元降至约 81.3 亿美元');
    expect(zh).not.toMatch(/约\s*约/);
  });

  it('bundled day (zh): 约 12.6 亿 as before, and no 约 twice around the median', () => {
    const zh = md('bundled-2024-01-04', 'zh');
    expect(line(zh, '# ')).toContain('全网爆仓约 12.6 亿美元');
    expect(zh).toContain('为近 30 日中位数约 1.60 亿美元的 7.9 倍');
    expect(zh).not.toContain('约为近 30 日中位数');
  });

  it('crash scope (zh): the assets added up and each asset across venues say 约', () => {
    const zh = md('crash-scope-2024-08-05', 'zh');
    expect(line(zh, '# ')).toContain('BTC、ETH、BNB 合约合计爆仓约 7.62 亿美元');
    expect(zh).toContain('其中 BTC 约 3.90 亿美元、ETH 约 3.10 亿美元、BNB 约 6,200 万美元');
  });

  it('a floor stays 至少 without 约, and en states the figures plainly', () => {
    expect(md('nokeys-2024-04-24', 'zh')).toContain('至少 3,100 万美元');
    const en = md('holiday-2024-07-05', 'en');
    expect(line(en, '# ')).toBe('# Bitcoin slides below $57,000; $664 million of positions liquidated market-wide, mostly leveraged longs');
    expect(en).toContain('net outflows of $20.4 million');
  });
});
