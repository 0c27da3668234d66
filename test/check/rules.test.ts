/**
 * The check stage catches each fault it exists for: a fault is planted in a real brief (the
 * bundled day, its model and Markdown as render makes them) and the failure names the rule, the
 * figures and the sentence. The unplanted brief passes every rule.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDay, formatFailure, type CheckedBrief } from '../../pipeline/check/index.js';
import { parseFigures, sameValue } from '../../pipeline/check/figures.js';
import { modelFigures } from '../../pipeline/check/model-figures.js';
import { composeBrief, loadTemplates, renderBriefMarkdown, type BriefModel, type TemplateSet } from '../../pipeline/narrative/index.js';
import { renderCharts } from '../../renderers/charts/index.js';
import { CASES, loadCase, TEST_CONFIG, type LoadedCase } from '../narrative/brief-cases.js';

let templates: TemplateSet;
let loaded: LoadedCase;
const charts: Record<'zh' | 'en', { id: string; title: string; alt: string }[]> = { zh: [], en: [] };

beforeAll(async () => {
  templates = await loadTemplates();
  loaded = loadCase(CASES[0]!);
  for (const lang of ['zh', 'en'] as const) {
    charts[lang] = (await renderCharts(loaded.snapshot, loaded.findings, lang)).map(({ id, title, alt }) => ({ id, title, alt }));
  }
});

function modelOf(lang: 'zh' | 'en'): BriefModel {
  return composeBrief({ ...loaded, lang, config: TEST_CONFIG, charts: charts[lang] });
}

function brief(lang: 'zh' | 'en', plant?: (model: BriefModel) => void, markdown?: (md: string) => string): CheckedBrief {
  const model = modelOf(lang);
  plant?.(model);
  const text = renderBriefMarkdown(model, templates);
  return { lang, model, markdown: markdown ? markdown(text) : text };
}

const bulletOf = <K extends string>(model: BriefModel, key: K): Record<string, unknown> =>
  model.sections.flatMap((s) => s.bullets).find((b) => key in b)![key as never] as Record<string, unknown>;

describe('figures as printed', () => {
  it('reads zh and en amounts at their printed precision', () => {
    const zh = parseFigures('全网 24 小时清算约 12.6 亿美元')[1];
    const figures = parseFigures('$1.26 billion, $794M, 7.9x, −0.0025%, 10.3–11.7%');
    expect(zh).toMatchObject({ value: 1.26e9, tolerance: 5e6, unit: 'usd', key: '12.6亿' });
    expect(figures.map((f) => [f.value, f.unit])).toEqual([
      [1.26e9, 'usd'],
      [7.94e8, 'usd'],
      [7.9, 'multiple'],
      [-0.0025, 'pct'],
      [10.3, 'pct'],
      [11.7, 'pct'],
    ]);
    expect(sameValue(zh!, figures[0]!)).toBe(true);
    // Names and unit labels are not figures: 12JAN24, 21Shares, UTC+8, per 8h.
    expect(parseFigures('BTC-12JAN24 ARK 21Shares UTC+8 per 8h')).toEqual([]);
  });
});

describe('check stage on the bundled day', () => {
  it('passes every rule as rendered', () => {
    const report = checkDay('2024-01-04', [brief('zh'), brief('en')]);
    expect(report.failures.map(formatFailure)).toEqual([]);
    expect(report.rules.filter((r) => !r.passed)).toEqual([]);
    expect(report.rules).toHaveLength(17); // 8 rules × 2 languages + parity
  });

  it('one-value: a chart caption and the bullet beside it with two values for one venue', () => {
    // The bullet gives each venue's current rate, the chart its last settlement; without the
    // bullet's "当前" the reader sees Binance at 0.0010% in one and 0.0030% in the other.
    const zh = brief('zh', undefined, (md) => md.replace('各平台当前费率', '其中'));
    const failures = checkDay('2024-01-04', [zh]).failures.filter((f) => f.rule === 'one-value');
    const binance = failures.find((f) => f.message.startsWith('funding.venues[@Binance].rate'))!;
    expect(binance.message).toBe(
      'funding.venues[@Binance].rate has two values (sections[0].bullets[3].funding.venues[2].rate: 0.0010%; chart funding: 0.0030%) and neither sentence labels the difference',
    );
    expect(binance.figures).toEqual(['0.0010%', '0.0030%']);
    expect(formatFailure(binance)).toMatch(/^check one-value \(zh\): .* — “BTC 永续合约资金费率（每 8 小时）/);
    expect(failures).toHaveLength(3); // Binance, OKX, Bybit
  });

  it('one-value: a bull point that repeats the liquidation total with another value', () => {
    const zh = brief('zh', (m) => {
      const point = m.sections.flatMap((s) => s.positioning?.bulls ?? []).find((p) => p.flushed)!;
      point.flushed!.total = '13.4 亿美元' as never;
    });
    const failure = checkDay('2024-01-04', [zh]).failures.find((f) => f.rule === 'one-value')!;
    expect(failure.message).toMatch(
      /^liquidations\.total@BTC has two values \(lead\.liquidations\.total: 12\.6 亿美元; .*flushed\.total: 13\.4 亿美元\)/,
    );
    expect(failure.sentence).toContain('13.4 亿美元');
  });

  it('one-value: the drop-day bear points state the same quantities as the lead (close, low, change, liquidations)', () => {
    const model = modelOf('zh');
    model.sections
      .find((s) => s.positioning)!
      .positioning!.bears.push(
        { closedNearLow: { close: '42,873.9 美元', low: '41,706.4 美元' } } as never,
        { priceDrop: { asset: 'BTC', change: '3.8%' } } as never,
        { longsLiquidated: { longShare: '73%', total: '约 12.6 亿美元', floor: false } } as never,
      );
    const quantities = modelFigures(model)
      .filter((f) => /closedNearLow|priceDrop|longsLiquidated/.test(f.path))
      .map((f) => `${f.path.replace(/^.*bears\[\d+\]\./, '')} ${f.quantity}`);
    expect(quantities).toEqual([
      'closedNearLow.close price.close@BTC',
      'closedNearLow.low price.low@BTC',
      'priceDrop.change price.change@BTC',
      'longsLiquidated.longShare liquidations.longShare@BTC',
      'longsLiquidated.total liquidations.total@BTC',
    ]);
  });

  it('parts: a part larger than its total', () => {
    const zh = brief('zh', (m) => {
      (bulletOf(m, 'cluster') as { notional: string }).notional = '15.2 亿美元' as never;
    });
    const failure = checkDay('2024-01-04', [zh]).failures.find((f) => f.rule === 'parts')!;
    expect(failure.message).toBe('part larger than its total: the cluster within the liquidation total (15.2 亿美元 > 12.6 亿美元)');
    expect(failure.sentence).toContain('合计 15.2 亿美元');
  });

  it('trace: a number typed into a template is not a figure of the model', () => {
    const zh = brief('zh', undefined, (md) => md.replace('与此同时，', '与此同时，全网清算 12 亿美元，'));
    const failure = checkDay('2024-01-04', [zh]).failures.find((f) => f.rule === 'trace')!;
    expect(failure.figures).toEqual(['12 亿美元']);
    expect(failure.sentence).toContain('全网清算 12 亿美元');
  });

  it('windows: a price change over another window than the lead must say which', () => {
    const en = brief('en', undefined, (md) => md.replace('from US close to US close', 'that day'));
    const failure = checkDay('2024-01-04', [en]).failures.find((f) => f.rule === 'windows')!;
    expect(failure.message).toBe('BTC moves 3.8% in the lead and 4.7% here; this sentence does not say which window it measures');
  });

  it('superlatives: "since records began" is no window', () => {
    const zh = brief('zh', undefined, (md) => md.replace('创近 30 个交易日新高', '创有数据以来最高'));
    const failure = checkDay('2024-01-04', [zh]).failures.find((f) => f.rule === 'superlatives')!;
    expect(failure.message).toBe('"有数据以来" without the window it was measured over (近 N 日 / in N days)');
  });

  it('data-note: a gap note with an endpoint, a status code or a cut message', () => {
    const zh = brief('zh', (m) => {
      m.gaps = [{ what: 'Deribit 基差' as never, why: 'x' as never, checked: true, notApplicable: false, absent: false }];
      m.gaps[0]!.why = '404 /api/v2/public/get_tradingview_chart_data 返回数据无法解析…' as never;
    });
    const failure = checkDay('2024-01-04', [zh]).failures.find((f) => f.rule === 'data-note')!;
    expect(failure.message).toMatch(/^the data note prints an endpoint, a code, a cut or an internal message/);
    expect(failure.sentence).toContain('Deribit 基差');
  });

  it('one-marker: a sentence with stacked footnote markers', () => {
    const en = brief('en');
    expect(checkDay('2024-01-04', [en]).failures.filter((f) => f.rule === 'one-marker')).toEqual([]);
    const planted = { ...en, markdown: en.markdown.replace('[^1]', '[^1][^5][^6]') };
    const failure = checkDay('2024-01-04', [planted]).failures.find((f) => f.rule === 'one-marker')!;
    expect(failure.message).toBe('stacked footnote markers ([^1][^5][^6])');
    expect(failure.figures).toEqual(['[^1][^5][^6]']);
  });

  it('one-marker: a footnote no sentence points at, and a marker with no footnote', () => {
    const en = brief('en');
    const orphan = { ...en, markdown: en.markdown.replace(/\[\^2\](?!:)/g, '') };
    expect(
      checkDay('2024-01-04', [orphan])
        .failures.filter((f) => f.rule === 'one-marker')
        .map((f) => f.message),
    ).toEqual(['footnote [^2] is listed but no sentence points at it']);
    const dangling = { ...en, markdown: en.markdown.replace(/^\[\^2\]:.*\n/m, '') };
    expect(
      checkDay('2024-01-04', [dangling])
        .failures.filter((f) => f.rule === 'one-marker')
        .map((f) => f.message),
    ).toEqual(['marker [^2] has no footnote']);
  });

  it('zh-punctuation: half-width punctuation in Chinese text', () => {
    const zh = brief('zh', undefined, (md) => md.replace('杠杆多头集中爆仓，', '杠杆多头集中爆仓,'));
    const failure = checkDay('2024-01-04', [zh]).failures.find((f) => f.rule === 'zh-punctuation')!;
    expect(failure.message).toBe('half-width punctuation in Chinese text ("仓,")');
  });

  it('parity: zh and en carry different figures', () => {
    const en = brief('en', (m) => {
      m.lead.change = '4.1%' as never;
    });
    const failures = checkDay('2024-01-04', [brief('zh'), en]).failures.filter((f) => f.rule === 'parity');
    expect(failures.map((f) => f.message)).toContain('lead.change: zh 3.8%, en 4.1%');
  });
});
