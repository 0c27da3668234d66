/** Link text in the brief's language: zh names a known publisher in Chinese, en in English. */
import { describe, expect, it } from 'vitest';
import { publisherName } from '../../pipeline/narrative/names.js';
import { composeBrief } from '../../pipeline/narrative/index.js';
import { CASES, CHARTS, loadCase, TEST_CONFIG } from './brief-cases.js';

describe('publisherName', () => {
  it('names a known host in the language of the brief', () => {
    expect(publisherName('https://www.federalreserve.gov/monetarypolicy/x.htm', 'zh', 'Federal Reserve')).toBe('美联储');
    expect(publisherName('https://www.federalreserve.gov/monetarypolicy/x.htm', 'en', 'Federal Reserve')).toBe('Federal Reserve');
    expect(publisherName('https://www.sec.gov/rules/sro/cboebzx.htm', 'zh')).toBe('美国证券交易委员会');
    expect(publisherName('https://bls.gov/schedule/news_release/cpi.htm', 'zh')).toBe('美国劳工统计局');
  });
  it('keeps the name a note gives for an unknown host, else the host', () => {
    expect(publisherName('https://example.com/notes/a', 'zh', 'Fixture desk note')).toBe('Fixture desk note');
    expect(publisherName('https://example.com/notes/a', 'zh')).toBe('example.com');
  });
});

describe('link text in the bundled brief', () => {
  it('is Chinese in zh and English in en for the same links', () => {
    const bundled = loadCase(CASES[0]!);
    const links = (lang: 'zh' | 'en') => {
      const model = composeBrief({ ...bundled, lang, config: TEST_CONFIG, charts: CHARTS });
      return JSON.stringify(model).match(/"name":"[^"]*","url":"https:\/\/www\.federalreserve\.gov[^"]*"/g);
    };
    expect(links('zh')?.[0]).toMatch(/^"name":"美联储"/);
    expect(links('en')?.[0]).toMatch(/^"name":"Federal Reserve"/);
  });
});
