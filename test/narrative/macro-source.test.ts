/**
 * The macro paragraph names its source and carries its note, as every data family does (editor's
 * finding: DXY, the 10-year yield and the Nasdaq were printed with neither). The session was cited
 * in compose but never numbered: the citations walk skipped `macro.session`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { markdownOf } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const line = (text: string, start: string): string => text.split('\n').find((l) => l.startsWith(start)) ?? '';

describe('the macro session paragraph (outage, 14 May 2024: the 13 May US session)', () => {
  it('zh names Yahoo Finance and ends on its note, which lists the three series', () => {
    const zh = markdownOf('outage-2024-05-14', 'zh', templates);
    const paragraph = line(zh, '美股与利率方面');
    expect(paragraph).toMatch(
      /^美股与利率方面，据 Yahoo Finance 数据，5 月 13 日（美东交易日）美元指数下跌 0\.1%，收于 105\.22；.*\[\^(\d+)\]$/,
    );
    const n = paragraph.match(/\[\^(\d+)\]$/)![1];
    const note = line(zh, `[^${n}]:`);
    for (const symbol of ['DX-Y.NYB', '%5ETNX', '%5EIXIC']) expect(note).toContain(`/v8/finance/chart/${symbol}?interval=1d`);
  });

  it('en carries the same note', () => {
    const en = markdownOf('outage-2024-05-14', 'en', templates);
    const paragraph = line(en, "In Monday's US session");
    expect(paragraph).toMatch(/None was large enough to count as a macro shock\.\[\^(\d+)\]$/);
    const n = paragraph.match(/\[\^(\d+)\]$/)![1];
    expect(line(en, `[^${n}]:`)).toContain('Yahoo Finance `/v8/finance/chart/DX-Y.NYB?interval=1d`');
  });
});

describe('a tech rally beside a crypto drop (no keys, 24 April 2024: Nasdaq +1.6 %, BTC −2.2 %)', () => {
  it('says the risk appetite did not carry over, not that it "returned"', () => {
    expect(markdownOf('nokeys-2024-04-24', 'zh', templates)).toContain('收于 15,696.64。科技股走强，但这一风险偏好并未传导至加密资产。');
    expect(markdownOf('nokeys-2024-04-24', 'en', templates)).toContain(
      'rose 1.6% to 15,696.64. Tech rallied, but the risk appetite did not carry over to crypto.',
    );
  });
});
