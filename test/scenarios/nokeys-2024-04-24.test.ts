/**
 * The no-keys scenario (24 April 2024, UTC+8): Coinglass and Whale Alert were not called. The
 * brief gives liquidations only as the streams' floor, prints no ETF flow or exchange flow, and
 * its data note says what the reader misses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { windowStats } from '../fixtures/scenarios/checks.js';
import { CASES, loadCase, render, type LoadedCase } from '../narrative/brief-cases.js';
import { spot } from './helpers.js';

let loaded: LoadedCase;
let templates: TemplateSet;
beforeAll(async () => {
  loaded = loadCase(CASES.find((c) => c.name === 'nokeys-2024-04-24')!);
  templates = await loadTemplates();
});
const plain = (md: string) => md.replace(/\[\^\d+\]/g, '');

describe('nokeys-2024-04-24', () => {
  it('BTC ranges 65,040.6–67,075.3 and closes −2.2 %', () => {
    const w = windowStats(spot(loaded.snapshot, 'BTC', '1h'), loaded.snapshot.window);
    expect([w.low, w.high, w.close]).toEqual([65_040.6, 67_075.3, 65_180.2]);
    // 65,180.2 / 66,620.8 − 1 = −0.021624
    expect(w.close / w.prevClose - 1).toBeCloseTo(-0.021624, 5);
  });

  it('holds only keyless data: a lower-bound liquidation floor, no flows, three not-configured gaps', () => {
    const s = loaded.snapshot;
    expect(s.gaps.map((g) => `${g.source}/${g.family}/${g.kind}`)).toEqual([
      'whale-alert/whaleTransfers/not-configured',
      'coinglass/liquidations/not-configured',
      'coinglass/etfFlows/not-configured',
    ]);
    expect(s.etfFlows).toEqual([]);
    expect(s.exchangeFlows).toEqual([]);
    expect(s.liquidations.history).toEqual([]);
    expect(s.liquidations.totals.map((t) => [t.source, t.coverage])).toEqual([['collector', 'lower-bound']]);
    const floor = s.liquidations.totals[0]!;
    // 31,000,717.96 of which 22,010,644.74 longs = 71 %
    expect(floor.totalUsd).toBeCloseTo(31_000_717.96, 2);
    expect(floor.longUsd / floor.totalUsd).toBeCloseTo(0.71, 2);
  });

  it('says "at least" for the floor, cites no keyed provider and names what is missing', () => {
    const en = plain(render(loaded, 'en', templates).markdown);
    const zh = plain(render(loaded, 'zh', templates).markdown);
    const body = (md: string) => md.split(/\n## (Sources|数据来源)\n/)[0]!;
    // The lead's liquidation sentence has date-seeded skeletons: "According to …, at least $31.0 million …" on this day.
    expect(en.split('\n')[2]).toMatch(/[Aa]t least \$31\.0 million of BTC positions were liquidated/);
    expect(zh.split('\n')[2]).toContain('合计清算至少 3,100 万美元');
    expect(body(en)).not.toMatch(/Coinglass|Whale Alert|● \*\*ETF flows|● \*\*Exchange flows/);
    expect(body(zh)).not.toMatch(/Coinglass|Whale Alert|● \*\*ETF 资金|● \*\*交易所/);
    expect(en).toContain(
      '**Data note:** ETF flows, exchange on-chain flows and the market-wide liquidation total could not be obtained by publication time',
    );
    expect(zh).toContain('**数据说明**：截至发稿，ETF 资金流向、交易所链上流入流出和全网清算总额未能获取');
  });
});
