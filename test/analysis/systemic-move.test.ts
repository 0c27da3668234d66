import { describe, expect, it } from 'vitest';
import { systemicMoveSignal } from '../../pipeline/analysis/signals/systemic-move.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import { contextWith, makeSnapshot, priceMoveFinding } from './helpers/make-snapshot.js';

const run = (...moves: [string, number][]) =>
  systemicMoveSignal(makeSnapshot(), DEFAULT_THRESHOLDS, contextWith(moves.map(([a, c]) => priceMoveFinding(a, c))));

describe('systemic_move', () => {
  it('every asset down beyond 2 %: systemic', () => {
    const [f, ...rest] = run(['BTC', -0.05], ['ETH', -0.07], ['BNB', -0.03]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      kind: 'systemic_move',
      direction: 'down',
      systemic: true,
      assets: [
        { asset: 'BTC', changeFraction: -0.05 },
        { asset: 'ETH', changeFraction: -0.07 },
        { asset: 'BNB', changeFraction: -0.03 },
      ],
      threshold: { name: 'systemic.moveFractionMin', value: 0.02, unit: 'fraction' },
    });
    // mean |move| 0.05 / 0.02 = 2.5 × 3/3 → 45 × (1 + 0.25 × 1.5) = 61.875 → 61.9
    expect(f?.importance).toBe(61.9);
  });

  it('one asset alone: not systemic', () => {
    const [f] = run(['BTC', -0.005], ['ETH', -0.06], ['BNB', 0.001]);
    expect(f).toMatchObject({ direction: 'down', systemic: false });
    // 0.06 / 0.02 = 3 × 1/3 = 1, held below firing at 0.99 → 45 × (0.3 + 0.4 × 0.99) = 31.32 → 31.3
    expect(f?.importance).toBe(31.3);
  });

  it('a single asset, or nobody moving, gives nothing', () => {
    expect(run(['BTC', -0.1])).toEqual([]);
    expect(run(['BTC', 0], ['ETH', 0.01])).toEqual([]);
  });
});
