/**
 * Source footnotes in the brief model: paths resolve to the series' provenance, sources are
 * numbered in print order and shared when identical, and zh and en carry the same footnotes.
 */
import { describe, expect, it } from 'vitest';
import { provenanceAt } from '../../pipeline/narrative/citations.js';
import { composeBrief, type BriefModel } from '../../pipeline/narrative/index.js';
import { spaceChinese } from '../../pipeline/narrative/script-spacing.js';
import { CASES, CHARTS, loadCase, TEST_CONFIG, type LoadedCase } from './brief-cases.js';

const bundled = loadCase(CASES[0]!);

function compose(loaded: LoadedCase, lang: 'zh' | 'en'): BriefModel {
  return composeBrief({ ...loaded, lang, config: TEST_CONFIG, charts: CHARTS });
}

/** Every `cite` in the model, in the order the templates print them. */
function citesInOrder(model: BriefModel): string[] {
  const out: string[] = [];
  const add = (c: { cite?: string } | undefined): void => {
    if (c?.cite) out.push(c.cite);
  };
  const { lead } = model;
  [lead, lead.liquidations, lead.deleveraging, lead.etfRecord, lead.etfInflow].forEach(add);
  // The paragraphs under the price chart, then the sections.
  [model.path, model.path?.liquidations, model.path?.prior].forEach(add);
  for (const s of model.sections) {
    s.bullets.forEach(add);
    add(s.macro?.session);
    add(s.macro);
    s.positioning?.bulls.forEach(add);
    s.positioning?.bears.forEach(add);
    s.outlook?.windows.forEach(add);
    add(s.outlook);
    s.outlook?.watch.forEach(add);
  }
  return out;
}

describe('provenanceAt', () => {
  const { snapshot } = bundled;
  it('finds the series a finding path lies in', () => {
    expect(provenanceAt(snapshot, 'prices[1].candles')?.endpoint).toBe('/api/v3/klines?symbol=BTCUSDT&interval=1h');
    expect(provenanceAt(snapshot, 'liquidations.totals[0]')?.endpoint).toBe('/api/futures/liquidation/aggregated-history?interval=1h');
    expect(provenanceAt(snapshot, 'liquidations.history[0].daily')?.endpoint).toBe(
      '/api/futures/liquidation/aggregated-history?interval=1d',
    );
    expect(provenanceAt(snapshot, 'liquidations.orders[0].orders')?.provider).toBe('collector');
  });
  it('gives nothing for a gap, a whole family, a missing index or a malformed path', () => {
    for (const path of ['gaps[0]', 'exchangeFlows', 'prices[9].candles', 'prices[0', '__proto__', 'constructor.name', ''])
      expect(provenanceAt(snapshot, path)).toBeUndefined();
  });
});

describe('source footnotes in the bundled brief model', () => {
  const zh = compose(bundled, 'zh');
  const en = compose(bundled, 'en');

  it('gives each sentence one marker, notes numbered in order of first use', () => {
    // Price sentence: the hourly spot candles (price move) and the daily candles (rank) → note 1.
    expect(zh.lead.cite).toBe('[^1]');
    expect(zh.sources.notes[0]!.series.map((s) => s.endpoint)).toEqual([
      '`/api/v3/klines?symbol=BTCUSDT&interval=1h`',
      '`/api/v3/klines?symbol=BTCUSDT&interval=1d`',
    ]);
    // Liquidations: Coinglass hourly totals and daily history → note 2 with both series.
    expect(zh.lead.liquidations?.cite).toBe('[^2]');
    expect(zh.sources.notes[1]!.series.map((s) => s.provider)).toEqual(['Coinglass', 'Coinglass']);
    // Open interest: the hourly candles and the three venues' OI history → note 3 with four series,
    // the candles first (first used in the price sentence).
    expect(zh.lead.deleveraging?.cite).toBe('[^3]');
    const oi = zh.sources.notes[2]!.series;
    expect(oi.length).toBe(4);
    expect(oi[0]!.endpoint).toBe('`/api/v3/klines?symbol=BTCUSDT&interval=1h`');
    const seen: number[] = [];
    for (const cite of citesInOrder(zh)) {
      expect(cite).toMatch(/^\[\^\d+\]$/);
      const n = Number(/\d+/.exec(cite)![0]);
      if (!seen.includes(n)) seen.push(n);
    }
    expect(seen).toEqual(zh.sources.notes.map((_, i) => i + 1));
  });

  it('gives every bullet one footnote', () => {
    const bullets = zh.sections.flatMap((s) => s.bullets);
    expect(bullets.length).toBeGreaterThan(5);
    for (const b of bullets) expect(b.cite).toMatch(/^\[\^\d+\]$/);
  });

  it('states each series as of its provenance time on the UTC+8 clock', () => {
    const series = zh.sources.notes.flatMap((n) => n.series);
    // prices[1].provenance.asOf 2024-01-04T15:00Z + 8 h = 2024-01-04 23:00 (UTC+8).
    expect(zh.sources.notes[0]).toMatchObject({ label: '1' });
    expect(series[0]).toMatchObject({ provider: 'Binance', endpoint: '`/api/v3/klines?symbol=BTCUSDT&interval=1h`' });
    expect(series[0]).toMatchObject({ asOf: '2024-01-04 23:00', utc8: true, offset: 'UTC+8', reconstructed: true, replayed: false });
    expect(en.sources.notes[0]!.series[0]!.asOf).toBe('4 January 2024 23:00');
    // funding[0] asOf 2024-01-04T16:00Z + 8 h = 24:00, i.e. 2024-01-05 00:00.
    expect(series.find((n) => n.endpoint.includes('fundingRate'))?.asOf).toBe('2024-01-05 00:00');
    // The collector's asOf 15:41:51.100Z prints to the minute: 23:41.
    const collector = series.find((n) => n.provider === '交易所强平推送');
    expect(collector?.asOf).toBe('2024-01-04 23:41');
    const enSeries = en.sources.notes.flatMap((n) => n.series);
    expect(enSeries.find((n) => n.endpoint === collector?.endpoint)?.provider).toBe('Exchange liquidation feeds');
    expect(zh.sources).toMatchObject({ reconstructed: true, replayed: false });
  });

  it('carries the same footnotes under the same numbers in zh and en', () => {
    const key = (m: BriefModel) => m.sources.notes.map((n) => [n.label, n.series.map((s) => [s.endpoint, s.utc8, s.reconstructed])]);
    expect(key(en)).toEqual(key(zh));
    expect(citesInOrder(en)).toEqual(citesInOrder(zh));
  });

  it('shares one series between identical sources', () => {
    // Give the daily candles the hourly candles' provenance: the price sentence's note then lists one series.
    const snapshot = structuredClone(bundled.snapshot);
    snapshot.prices[0]!.provenance = { ...snapshot.prices[1]!.provenance };
    const model = compose({ ...bundled, snapshot }, 'zh');
    expect(model.lead.cite).toBe('[^1]');
    expect(model.sources.notes[0]!.series.length).toBe(1);
  });

  it('prints nothing for a series the snapshot does not hold', () => {
    const snapshot = structuredClone(bundled.snapshot);
    snapshot.volatility = [];
    const model = compose({ ...bundled, snapshot }, 'en');
    const vol = model.sections.flatMap((s) => s.bullets).find((b) => b.volatility);
    // The finding still exists (analysis ran on the full snapshot) but its path resolves to nothing.
    expect(vol?.volatility).toBeDefined();
    expect(vol?.cite).toBeUndefined();
  });
});

describe('Chinese spacing around source notes', () => {
  it('leaves code spans and the footnote marker as written', () => {
    const line = '[^9]: 交易所强平推送 `wss binance !forceOrder@arr; okx SWAP`,数据截至2024-01-04 23:41(东八区)。';
    expect(spaceChinese(line)).toBe('[^9]: 交易所强平推送 `wss binance !forceOrder@arr; okx SWAP`,数据截至 2024-01-04 23:41(东八区)。');
  });
  it('still spaces the prose around a code span', () => {
    expect(spaceChinese('据Binance `a b`统计73%')).toBe('据 Binance `a b`统计 73%');
  });
});
