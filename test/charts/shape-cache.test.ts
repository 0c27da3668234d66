/**
 * Charts drawn from a cached shape (hoist.ts, shape-cache.ts) must be the very bytes a fresh
 * View draws: checked over the four scenario days in both languages, with the cache warmed by
 * the other days first, so every chart reuses a dataflow parsed for another day's values.
 */
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../pipeline/analysis/index.js';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { loadSnapshot } from '../../kernel/snapshot/index.js';
import { planCharts, renderVegaLite, type ChartPlan } from '../../renderers/charts/index.js';
import { hoistSpec, textToken } from '../../renderers/charts/hoist.js';
import { bindTextSignals, ShapeCache } from '../../renderers/charts/shape-cache.js';
import { BASE_SNAPSHOTS } from '../bench/days.js';
import { REPO } from '../support/run-cli.js';

describe('hoisting a chart spec', () => {
  const spec = (values: number[], day: number, subtitle: string, mark = 'bar'): TopLevelSpec =>
    ({
      title: { text: 'Liquidations', subtitle },
      layer: [
        {
          data: { values: values.map((v, i) => ({ i, v })) },
          mark,
          encoding: {
            x: {
              field: 'i',
              type: 'temporal',
              scale: {
                domain: [
                  { utc: true, year: 2024, month: 1, date: day, hours: 8 },
                  { utc: true, year: 2024, month: 1, date: day + 1 },
                ],
              },
              axis: { values: [1, 2, 3], title: 'Hour (UTC+8)' },
            },
            y: { field: 'v', type: 'quantitative', scale: { domain: [0, Math.max(...values)] } },
          },
        },
      ],
    }) as TopLevelSpec;

  it('lifts data, domains (DateTime as epoch ms, UTC), tick values and titles out of the shape', () => {
    const hoisted = hoistSpec(spec([3, 5], 4, 'total $8M'));
    expect([...hoisted.datasets.values()]).toEqual([
      [
        { i: 0, v: 3 },
        { i: 1, v: 5 },
      ],
    ]);
    // 2024-01-04 08:00 UTC = 1,704,355,200,000 ms; 2024-01-05 00:00 UTC = 1,704,412,800,000 ms.
    expect([...hoisted.signals.values()]).toEqual([
      'Liquidations',
      'total $8M',
      [1_704_355_200_000, 1_704_412_800_000],
      [1, 2, 3],
      'Hour (UTC+8)',
      [0, 5],
    ]);
    expect(hoisted.key).not.toMatch(/Liquidations|total|1704|Hour/);
    expect(hoisted.textTokens.size).toBe(3);
  });

  it('gives two days of one chart the same key, and another mark another key', () => {
    const a = hoistSpec(spec([3, 5], 4, 'total $8M'));
    const b = hoistSpec(spec([7, 1, 2], 9, 'total $10M'));
    expect(b.key).toBe(a.key);
    expect(hoistSpec(spec([3, 5], 4, 'total $8M', 'line')).key).not.toBe(a.key);
  });

  it('turns title tokens into signals, and gives up when vega-lite changed a token', () => {
    const hoisted = hoistSpec(spec([3, 5], 4, 'total $8M'));
    const [token, name] = [...hoisted.textTokens][0]!;
    const compiled = { title: { text: token } } as unknown as vega.Spec;
    expect(bindTextSignals(compiled, hoisted)).toMatchObject({ title: { text: { signal: name } } });
    const joined = { axes: [{ title: `${token}, ${textToken('other')}` }] } as unknown as vega.Spec;
    expect(bindTextSignals(joined, hoisted)).toBeUndefined();
  });
});

describe('the shape cache', () => {
  it('keeps at most its limit of shapes, dropping the least recently used', () => {
    const cache = new ShapeCache(2);
    const made: string[] = [];
    const get = (n: number) => {
      const hoisted = hoistSpec({ mark: 'bar', data: { values: [] }, width: n } as TopLevelSpec);
      return cache.obtain(hoisted, () => {
        made.push(String(n));
        return n === 4 ? undefined : { runtime: {} as vega.Runtime, compileWarnings: [] };
      });
    };
    get(1);
    get(2);
    get(1); // 1 is now the most recent
    get(3); // evicts 2
    get(1);
    get(2); // made again
    expect(made).toEqual(['1', '2', '3', '2']);
    expect(cache.size).toBe(2);
    // A shape that cannot be cached is tried once, then drawn fresh without asking again.
    expect(get(4)).toBeUndefined();
    expect(get(4)).toBeUndefined();
    expect(made).toEqual(['1', '2', '3', '2', '4']);
  });
});

describe('charts from cached shapes', () => {
  it('are byte-identical to fresh Views for every scenario day and language', async () => {
    const plans: ChartPlan[] = [];
    for (const file of BASE_SNAPSHOTS) {
      const snapshot = await loadSnapshot(join(REPO, file));
      const findings = analyze(snapshot, DEFAULT_CONFIG.thresholds);
      for (const lang of ['zh', 'en'] as const) plans.push(...planCharts(snapshot, findings, lang));
    }
    expect(plans.length).toBe(48);
    // Warm the cache with every chart, then draw each again (reversed: other days' values
    // were the last through each shape) and compare with a fresh View.
    for (const plan of plans) await renderVegaLite(plan.spec);
    const mismatches: string[] = [];
    for (const plan of [...plans].reverse()) {
      const cached = await renderVegaLite(plan.spec);
      const fresh = await renderVegaLite(plan.spec, { fresh: true });
      if (cached.svg !== fresh.svg) mismatches.push(`${plan.id}: ${plan.title}`);
      expect(cached.warnings).toEqual([]);
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('still refuse a spec that asks for a URL', async () => {
    const spec = {
      data: { url: 'http://127.0.0.1:9/x.csv' },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal' } },
    } as TopLevelSpec;
    await expect(renderVegaLite(spec)).rejects.toThrow(/tried to load 1 resource\(s\), e\.g\. load "http:\/\/127\.0\.0\.1:9\/x\.csv"/);
  });
});
