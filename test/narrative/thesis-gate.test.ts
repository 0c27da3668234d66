/**
 * The deleveraging thesis ("集中清洗，而非新增空头主动砸盘" and its alternatives) prints only when its
 * evidence fired: open interest fell by openInterest.dropFractionMin AND long liquidations reached
 * liquidations.longShareMin. The bundled day has both (OI −9.2 %, longs 73 %, defaults 5 % and 60 %);
 * raising either threshold above the day's figure takes the sentence out, in zh and en.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, loadCase, render } from './brief-cases.js';

const ZH_THESES = [
  '这更像是一场针对高杠杆多头的集中清洗，而非新增空头主动砸盘',
  '价跌仓降说明抛压主要来自多头被动平仓',
  '主导力量是杠杆多头出清',
];
const EN_THESES = [
  'rather than fresh shorts pressing the market',
  'not new shorts, drove the move',
  'a long squeeze more than a bear raid',
];

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

function leadOf(thresholds: Record<string, unknown> | undefined, lang: 'zh' | 'en') {
  const loaded = loadCase({ ...CASES[0]!, ...(thresholds ? { thresholds } : {}) });
  const { model, markdown } = render(loaded, lang, templates);
  return { model, lead: markdown.split('\n\n')[1]! };
}

const theses = (text: string, lang: 'zh' | 'en') => (lang === 'zh' ? ZH_THESES : EN_THESES).filter((t) => text.includes(t));

describe.each(['zh', 'en'] as const)('deleveraging thesis in the %s lead', (lang) => {
  it('prints when OI fell past its threshold and longs dominated', () => {
    const { model, lead } = leadOf(undefined, lang);
    // Coins held 176,348.9 → 165,634.5: −6.1 % (the dollars' −9.1 % is partly the price).
    expect(model.lead.deleveraging?.oiChange).toBe('6.1%');
    expect(theses(lead, lang)).toHaveLength(1);
    expect(lead).toContain(lang === 'zh' ? '未平仓合约按持仓币数计同步下降 6.1%' : 'fell 6.1% in coins at the same time');
  });

  it('stays out when OI fell less than openInterest.dropFractionMin (9.2 % < 10 %)', () => {
    const { model, lead } = leadOf({ openInterest: { dropFractionMin: 0.1 } }, lang);
    expect(model.lead.deleveraging).toBeUndefined();
    expect(theses(lead, lang)).toEqual([]);
    // The liquidations themselves still print.
    expect(model.lead.liquidations?.longShare).toBe('73%');
  });

  it('stays out when longs did not dominate (73 % < liquidations.longShareMin 80 %)', () => {
    const { model, lead } = leadOf({ liquidations: { longShareMin: 0.8 } }, lang);
    expect(model.lead.deleveraging).toBeUndefined();
    expect(theses(lead, lang)).toEqual([]);
  });
});

/** The synthesis's "leverage flush" / "杠杆出清" reading rests on the same claim as the lead's thesis. */
const FLUSH = { zh: /杠杆多头出清|杠杆出清|杠杆多头的集中平仓/, en: /leverage flush|leveraged longs were cleared out/ };

describe.each(['zh', 'en'] as const)('the %s synthesis', (lang) => {
  const synthesisOf = (thresholds: Record<string, unknown> | undefined) => {
    const loaded = loadCase({ ...CASES[0]!, ...(thresholds ? { thresholds } : {}) });
    const { model, markdown } = render(loaded, lang, templates);
    const line = markdown.split('\n').find((l) => /^(总体来看|综合来看|归结起来|The bottom line|Taken together|In short)/.test(l));
    return { model, line: line ?? '' };
  };

  it('calls the day a leverage flush when OI fell and longs dominated', () => {
    const { model, line } = synthesisOf(undefined);
    expect(model.sections.find((s) => s.outlook)?.outlook?.leverageFlushed).toBe(true);
    expect(line).toMatch(FLUSH[lang]);
  });

  it('does not when open interest fell less than its threshold, though longs were 73 %', () => {
    const { model, line } = synthesisOf({ openInterest: { dropFractionMin: 0.1 } });
    expect(model.sections.find((s) => s.outlook)?.outlook?.leverageFlushed).toBe(false);
    expect(line).not.toMatch(FLUSH[lang]);
    // It reads the close instead: 42,873.9 is (42,873.9 − 41,706.4) / 3,101.2 = 38 % of the swing off
    // the low, neither near it (< pricePath.nearExtremeShareMax 20 %) nor most of it back (≥ 50 %).
    expect(line).toContain(
      lang === 'zh'
        ? '收盘已离开日内低点，但尚未收复关键阻力，短线或以区间震荡消化抛压为主。'
        : 'the close came off the low without reclaiming resistance, so price may need time in a range to absorb the selling.',
    );
  });
});
