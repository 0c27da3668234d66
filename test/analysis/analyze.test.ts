import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../pipeline/analysis/analyze.js';
import { FindingsSchema, type Finding } from '../../pipeline/analysis/findings.js';
import { KIND_ORDER, importanceOf, sortFindings } from '../../pipeline/analysis/importance.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import { HOUR, START, bar, btcDropWindow, makeSnapshot, perp, prov, spot } from './helpers/make-snapshot.js';

function fullish() {
  return makeSnapshot({
    prices: [spot('BTC', '1h', btcDropWindow())],
    perpetuals: [
      perp(
        'BTC',
        btcDropWindow().map((c) => ({ ...c, qv: 1000 })),
      ),
    ],
    liquidations: {
      totals: [
        {
          source: 'coinglass',
          start: START,
          end: START + 24 * HOUR,
          totalUsd: 1e9,
          longUsd: 7e8,
          shortUsd: 3e8,
          coverage: 'complete',
          provenance: prov('coinglass'),
        },
      ],
      history: [],
      orders: [],
    },
  });
}

describe('analyze', () => {
  it('returns schema-valid findings ordered by importance, then kind order', () => {
    const findings = analyze(fullish());
    expect(FindingsSchema.parse(findings)).toEqual(findings);
    expect(findings).toMatchObject({
      date: '2024-01-04',
      timezone: 'Asia/Shanghai',
      start: START,
      end: START + 24 * HOUR,
      assets: ['BTC'],
    });
    const kinds = findings.findings.map((f) => f.kind);
    expect(kinds).toContain('price_move');
    expect(kinds).toContain('level_break');
    expect(kinds).toContain('liquidations');
    expect(kinds).toContain('data_gap');
    for (let i = 1; i < findings.findings.length; i++) {
      const a = findings.findings[i - 1]!;
      const b = findings.findings[i]!;
      expect(
        a.importance > b.importance || (a.importance === b.importance && KIND_ORDER.indexOf(a.kind) <= KIND_ORDER.indexOf(b.kind)),
      ).toBe(true);
    }
  });

  it('is deterministic: the same snapshot gives byte-identical JSON', () => {
    expect(JSON.stringify(analyze(fullish()))).toBe(JSON.stringify(analyze(fullish(), DEFAULT_THRESHOLDS)));
  });

  it('an empty snapshot yields only data gaps, one per expected family', () => {
    const findings = analyze(makeSnapshot());
    expect(findings.findings.every((f) => f.kind === 'data_gap')).toBe(true);
    expect(findings.findings).toHaveLength(DEFAULT_THRESHOLDS.gaps.expectedFamilies.length);
  });

  it('never throws and never emits NaN/Infinity on arbitrary price paths (property)', () => {
    const price = fc.double({ min: 0.0001, max: 1e7, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(price, price, fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })), {
          minLength: 0,
          maxLength: 30,
        }),
        (rows) => {
          const candles = rows.map(([a, b, v], i) => bar(START - HOUR + i * HOUR, a, Math.max(a, b), Math.min(a, b), b, v, v * b));
          const snapshot = makeSnapshot({ prices: [spot('BTC', '1h', candles)], perpetuals: [perp('BTC', candles)] });
          const findings = analyze(snapshot);
          expect(JSON.stringify(findings)).not.toMatch(/NaN|Infinity|null/);
          FindingsSchema.parse(findings);
        },
      ),
      { seed: 20240104, numRuns: 200 },
    );
  });
});

describe('importance', () => {
  it('scales by the threshold ratio: 0.3× base at zero, base at the threshold, 1.5× base capped', () => {
    expect(importanceOf('price_move', 0)).toBe(19.8); // 66 × 0.3
    expect(importanceOf('price_move', 0.5)).toBe(33); // 66 × 0.5
    expect(importanceOf('price_move', 1)).toBe(66);
    expect(importanceOf('price_move', 3)).toBe(99); // 66 × 1.5
    expect(importanceOf('price_move', 100)).toBe(99);
    expect(importanceOf('data_gap', undefined)).toBe(9);
  });

  it('sorts ties by kind order then asset', () => {
    const gap = (asset: string): Finding => ({
      kind: 'data_gap',
      importance: 30,
      sources: [],
      paths: [],
      family: 'etfs',
      asset,
      source: 's',
      gapKind: 'absent',
      reason: 'r',
      affects: [],
    });
    const sorted = sortFindings([gap('ETH'), gap('BTC')]);
    expect(sorted.map((f) => (f.kind === 'data_gap' ? f.asset : ''))).toEqual(['BTC', 'ETH']);
  });
});
