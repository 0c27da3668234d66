/**
 * Scope in every liquidation figure, on the hand-made crash variants (crash-parts: market-wide
 * and per-asset Coinglass totals, the smallest asset with the largest multiple of its median;
 * crash-scope: per-asset totals only, beside sampled exchange streams), and a property over
 * every brief case: no printed total is smaller than one of its parts.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LiquidationOrder } from '../../kernel/snapshot/schema.js';
import { liquidationClusterSignal } from '../../pipeline/analysis/signals/liquidation-clusters.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, loadCase, render } from '../narrative/brief-cases.js';
import { END, START, contextWith, makeSnapshot, priceMoveFinding, prov } from '../analysis/helpers/make-snapshot.js';
import type { PriceMove } from '../../pipeline/analysis/findings.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});
const caseNamed = (name: string) => loadCase(CASES.find((c) => c.name === name)!);
const plain = (md: string) => md.replace(/\[\^\d+\]/g, '');

describe('crash-parts: the market-wide total leads, the assets are its parts', () => {
  it('BNB has the largest multiple of its own median, yet the headline and lead give the market-wide figure', () => {
    const loaded = caseNamed('crash-parts-2024-08-05');
    const bnb = loaded.findings.findings.find((f) => f.kind === 'liquidations' && f.asset === 'BNB');
    const btc = loaded.findings.findings.find((f) => f.kind === 'liquidations' && f.asset === 'BTC');
    if (bnb?.kind !== 'liquidations' || btc?.kind !== 'liquidations') throw new Error('expected per-asset liquidations');
    // 6.2e7 against a 3.1e6 median is 20×; BTC 3.9e8 against 1.18e8 is 3.3×.
    expect(bnb.multipleOfMedian!).toBeGreaterThan(btc.multipleOfMedian!);
    const zh = plain(render(loaded, 'zh', templates).markdown);
    const en = plain(render(loaded, 'en', templates).markdown);
    expect(zh.split('\n')[0]).toContain('全网爆仓约 20.4 亿美元');
    // Figures exact to three significant figures carry no 约.
    expect(zh).toContain('全网 24 小时清算约 20.4 亿美元，多头占 82%；其中 BTC 约 3.90 亿美元、ETH 约 3.10 亿美元、BNB 约 6,200 万美元');
    expect(en.split('\n')[0]).toContain('$2.04 billion of positions liquidated market-wide');
    // The sampled streams (BTC 1.84 亿, ETH 1.52 亿, BNB 1,890 万) are floors of the same assets the
    // complete market-wide total covers: not printed beside it, and never a range or "多方统计".
    expect(zh).not.toContain('抽样数据');
    expect(en).not.toContain('Sampled');
    expect(zh).not.toContain('多方统计');
    expect(zh).not.toMatch(/清算金额介于/);
  });
});

describe('crash-scope: without a market-wide total, the assets added up are never "全网"', () => {
  it('adds BTC 3.90 + ETH 3.10 + BNB 0.62 = 7.62 亿美元 and names the scope', () => {
    const loaded = caseNamed('crash-scope-2024-08-05');
    const zh = plain(render(loaded, 'zh', templates).markdown);
    const en = plain(render(loaded, 'en', templates).markdown);
    expect(zh).not.toContain('全网');
    expect(zh.split('\n')[0]).toContain('BTC、ETH、BNB 合约合计爆仓约 7.62 亿美元');
    expect(zh).toContain('BTC、ETH 和 BNB 合约 24 小时合计清算约 7.62 亿美元');
    expect(en).not.toMatch(/liquidated market-wide|market-wide over/);
    expect(en.split('\n')[0]).toContain('$762 million of BTC, ETH and BNB positions liquidated');
  });
});

/** "X 亿美元" / "X 万美元" → USD. */
function zhUsd(text: string): number {
  const m = /([\d,.]+) (亿|万)美元/.exec(text)!;
  return Number(m[1]!.replace(/,/g, '')) * (m[2] === '亿' ? 1e8 : 1e4);
}

describe('property: no printed liquidation total is smaller than one of its parts', () => {
  it.each(CASES.map((c) => c.name))('%s', (name) => {
    const zh = plain(render(caseNamed(name), 'zh', templates).markdown);
    let checked = 0;
    for (const m of zh.matchAll(
      /清算(?:金额)? ?(?:约 )?([\d,.]+ (?:亿|万)美元)[^。]*?其中((?: ?[A-Z]+ (?:约 )?[\d,.]+ (?:亿|万)美元、?)+)/g,
    )) {
      const total = zhUsd(m[1]!);
      for (const part of m[2]!.split('、')) expect(zhUsd(part)).toBeLessThanOrEqual(total);
      checked++;
    }
    for (const m of zh.matchAll(/清算(?:金额)? ?(?:约 )?([\d,.]+ (?:亿|万)美元)[^。]*?至少记录((?: ?[A-Z]+ [\d,.]+ (?:亿|万)美元、?)+)/g)) {
      const total = zhUsd(m[1]!);
      for (const part of m[2]!.split('、')) expect(zhUsd(part)).toBeLessThanOrEqual(total);
      checked++;
    }
    // A case whose snapshot holds a complete total and a second figure of its scope prints them
    // together, so the property has something to check there: per-asset totals under a market-wide
    // one, the assets of a sum (two or more), or a sampled floor of an asset a sum leaves out. A floor of an asset the total
    // covers is not printed (bullets-market.ts printedFloors), nor is there anything beside a total
    // on its own (outage: the market-wide total alone; nokeys: the streams only).
    const totals = caseNamed(name).snapshot.liquidations.totals;
    const complete = totals.filter((t) => t.coverage === 'complete');
    const completeAssets = new Set(complete.flatMap((t) => (t.asset ? [t.asset] : [])));
    const market = complete.some((t) => t.asset === undefined);
    const uncoveredFloor = totals.some((t) => t.coverage === 'lower-bound' && t.asset !== undefined && !completeAssets.has(t.asset));
    const second = (market && completeAssets.size > 0) || completeAssets.size > 1 || (completeAssets.size > 0 && uncoveredFloor);
    if (complete.length > 0 && second) expect(checked).toBeGreaterThan(0);
    else expect(checked).toBe(0);
  });
});

describe('property: a liquidation band is "reached" only when the traded range overlaps it', () => {
  it('holds for random orders and random traded ranges', () => {
    const order = (price: number, notionalUsd: number): LiquidationOrder => ({
      venue: 'binance',
      symbol: 'ETHUSDT',
      asset: 'ETH',
      side: 'long',
      price,
      quantity: notionalUsd / price,
      notionalUsd,
      time: START + 3_600_000,
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 100 })), { minLength: 5, maxLength: 30 }),
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 0, max: 150 }),
        (orders, low, width) => {
          const snapshot = makeSnapshot({
            assets: ['ETH'],
            liquidations: {
              totals: [],
              history: [],
              orders: [
                {
                  source: 'collector',
                  coverage: 'lower-bound',
                  orders: orders.map(([p, n]) => order(p, n * 1e5)),
                  provenance: prov('collector'),
                },
              ],
            },
          });
          const move: PriceMove = { ...(priceMoveFinding('ETH', -0.05) as PriceMove), low, high: low + width, start: START, end: END };
          const [f] = liquidationClusterSignal(snapshot, DEFAULT_THRESHOLDS, contextWith([move]));
          if (f?.kind !== 'liquidation_cluster') return;
          const overlaps = low <= f.band.high && low + width >= f.band.low;
          expect(f.reachedByPrice).toBe(overlaps);
        },
      ),
    );
  });
});
