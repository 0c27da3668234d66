import { describe, expect, it } from 'vitest';
import { basisCompressionSignal } from '../../pipeline/analysis/signals/basis-compression.js';
import { DEFAULT_THRESHOLDS, ThresholdsSchema } from '../../kernel/thresholds.js';
import type { SnapshotInput } from '../../kernel/snapshot/schema.js';
import { HOUR, START, contextWith, makeSnapshot, prov } from './helpers/make-snapshot.js';

type Tenor = NonNullable<SnapshotInput['basis']>[number];
const pt = (time: number, annualizedBasis: number) => ({ time, futuresPrice: 100, indexPrice: 100, annualizedBasis });

/** Points 100 h (ignored with priorDays 3), 60 h, 36 h and 12 h before the window, then in the window. */
function tenor(contract: string, venue: string, expiry: string, prior: [number, number, number], inWindow: [number, number][]): Tenor {
  return {
    venue,
    asset: 'BTC',
    contract,
    tenor: contract,
    expiry: Date.parse(expiry),
    history: [
      pt(START - 100 * HOUR, 0.5),
      pt(START - 60 * HOUR, prior[0]),
      pt(START - 36 * HOUR, prior[1]),
      pt(START - 12 * HOUR, prior[2]),
      ...inWindow.map(([h, v]) => pt(START + h * HOUR, v)),
    ],
    provenance: prov(venue),
  };
}
const SERIES = [
  tenor(
    'BTCUSDT_240628',
    'binance',
    '2024-06-28T08:00:00Z',
    [0.12, 0.12, 0.12],
    [
      [2, 0.09],
      [20, 0.06],
    ],
  ),
  tenor(
    'BTCUSDT_240329',
    'binance',
    '2024-03-29T08:00:00Z',
    [0.1, 0.11, 0.12],
    [
      [2, 0.08],
      [10, 0.03],
      [20, 0.05],
    ],
  ),
  tenor(
    'BTC-12JAN24',
    'deribit',
    '2024-01-12T08:00:00Z',
    [0.2, 0.2, 0.2],
    [
      [10, -0.02],
      [20, 0.04],
    ],
  ),
];

describe('basis_compression', () => {
  it('quarterlies compress from 11–12 % to 5–6 %; the weekly trades at a discount', () => {
    const [f] = basisCompressionSignal(makeSnapshot({ basis: SERIES }), DEFAULT_THRESHOLDS, contextWith());
    if (f?.kind !== 'basis_compression') throw new Error('expected basis_compression');
    expect(f.tenors.map((x) => x.contract)).toEqual(['BTC-12JAN24', 'BTCUSDT_240329', 'BTCUSDT_240628']); // by expiry
    // Weekly: current at START + 20 h = 2024-01-04 12:00Z; expiry 2024-01-12 08:00Z → 7 d 20 h = 7.83333 days.
    expect(f.tenors[0]).toMatchObject({
      priorAnnualized: 0.2,
      currentAnnualized: 0.04,
      minAnnualized: -0.02,
      backwardation: true,
      daysToExpiry: 7.83333,
    });
    // March: prior mean (0.10 + 0.11 + 0.12) / 3 = 0.11, current 0.05, min 0.03.
    expect(f.tenors[1]).toMatchObject({ priorAnnualized: 0.11, currentAnnualized: 0.05, minAnnualized: 0.03, backwardation: false });
    // Ranges only across venues of one expiry: March (the nearest with ≥ 30 days) alone; the
    // weekly (< 30 days) and June (another contract, not another source) stay out.
    expect(f.headlineExpiry).toBe(Date.parse('2024-03-29T08:00:00Z'));
    expect(f.priorRange).toEqual({ low: 0.11, high: 0.11 });
    expect(f.currentRange).toEqual({ low: 0.05, high: 0.05 });
    // fall 0.11 − 0.05 = 0.06 ≥ 0.03 → ratio 2 → 52 × 1.25 = 65
    expect(f).toMatchObject({ compressed: true, anyBackwardation: true, importance: 65 });
    expect(f.threshold).toEqual({ name: 'basis.compressionMinFraction', value: 0.03, unit: 'fraction' });
    expect(f.paths).toEqual(['basis[2].history', 'basis[1].history', 'basis[0].history']);
  });

  it('every configured asset with futures gets its own finding, per contract; an asset without futures none', () => {
    const eth = (contract: string, venue: string, prior: number, current: number): Tenor => ({
      ...tenor(contract, venue, '2024-03-29T08:00:00Z', [prior, prior, prior], [[20, current]]),
      asset: 'ETH',
    });
    const findings = basisCompressionSignal(
      makeSnapshot({
        assets: ['BTC', 'ETH', 'BNB'],
        basis: [SERIES[1]!, eth('ETHUSDT_240329', 'binance', 0.1, 0.06), eth('ETH-29MAR24', 'deribit', 0.09, 0.055)],
      }),
      DEFAULT_THRESHOLDS,
      contextWith(),
    );
    expect(findings.map((f) => (f.kind === 'basis_compression' ? f.asset : undefined))).toEqual(['BTC', 'ETH']);
    const ethFinding = findings[1]!;
    if (ethFinding.kind !== 'basis_compression') throw new Error('expected basis_compression');
    // March on both venues: one expiry, so one range; 84 days 4 h from 2024-01-04 12:00Z.
    expect(ethFinding.tenors.map((t) => [t.venue, t.contract, t.daysToExpiry, t.priorAnnualized, t.currentAnnualized])).toEqual([
      ['binance', 'ETHUSDT_240329', 84.8333, 0.1, 0.06],
      ['deribit', 'ETH-29MAR24', 84.8333, 0.09, 0.055],
    ]);
    expect(ethFinding).toMatchObject({ priorRange: { low: 0.09, high: 0.1 }, currentRange: { low: 0.055, high: 0.06 } });
    // Mean fall ((0.10 − 0.06) + (0.09 − 0.055)) / 2 = 0.0375 ≥ 0.03: compressed.
    expect(ethFinding.compressed).toBe(true);
  });

  it('priorDays 0 uses the last point before the window', () => {
    const t = ThresholdsSchema.parse({ basis: { priorDays: 0 } });
    const [f] = basisCompressionSignal(makeSnapshot({ basis: [SERIES[1]!] }), t, contextWith());
    expect(f).toMatchObject({ priorRange: { low: 0.12, high: 0.12 } });
  });

  it('steady basis: not compressed, no threshold; expired or windowless tenors are skipped', () => {
    const steady = tenor('BTCUSDT_240329', 'binance', '2024-03-29T08:00:00Z', [0.1, 0.1, 0.1], [[5, 0.1]]);
    const [f] = basisCompressionSignal(makeSnapshot({ basis: [steady] }), DEFAULT_THRESHOLDS, contextWith());
    expect(f).toMatchObject({ compressed: false, anyBackwardation: false, importance: 15.6 }); // 52 × 0.3
    expect(f && 'threshold' in f).toBe(false);
    const expired = tenor('OLD', 'binance', '2024-01-04T00:00:00Z', [0.1, 0.1, 0.1], [[20, 0.1]]);
    const noWindow = { ...steady, history: steady.history.slice(0, 4) };
    expect(basisCompressionSignal(makeSnapshot({ basis: [expired, noWindow] }), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
  });
});
