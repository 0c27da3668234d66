/**
 * The day plan's open-interest claims on the bundled snapshot: deleveraging read from the coins
 * held, and voluntary_deleveraging from the positions closed (coins lost, valued at each venue's
 * dollars per coin at the end) against the whole liquidation total.
 */
import { describe, expect, it } from 'vitest';
import { analyze, type DayPlan, type Thresholds } from '../../pipeline/analysis/index.js';
import { ThresholdsSchema } from '../../kernel/thresholds.js';
import { loadSnapshot } from '../../kernel/snapshot/index.js';
import { join } from 'node:path';

const snapshot = await loadSnapshot(join(import.meta.dirname, '../../snapshots/2024-01-04.json'));
const planWith = (overrides: Record<string, unknown>): DayPlan => {
  const thresholds: Thresholds = ThresholdsSchema.parse(overrides);
  return analyze(snapshot, thresholds).findings.find((f): f is DayPlan => f.kind === 'day_plan')!;
};

describe('open-interest claims (bundled day)', () => {
  it('coins held fell 6.08 % (176,348.9 → 165,634.5): deleveraging; 461.9 M closed against 1,262 M liquidated is 0.37x, no voluntary claim', () => {
    const plan = planWith({});
    const deleveraging = plan.claims.find((c) => c.id === 'deleveraging');
    expect(deleveraging?.value).toBeCloseTo(-0.06076, 4);
    expect(deleveraging?.measure).toBe('open interest change while price fell');
    expect(plan.claims.some((c) => c.id === 'voluntary_deleveraging')).toBe(false);
  });

  it('with the bar at 0.3x the same figures fire it: (5,257.25 + 1,867.97 + 3,589.20) coins × 43,107.93 = 461.88 M / 1,262 M = 0.366', () => {
    const claim = planWith({ openInterest: { voluntaryMultipleMin: 0.3 } }).claims.find((c) => c.id === 'voluntary_deleveraging');
    expect(claim?.value).toBeCloseTo(0.366, 3);
    expect(claim?.threshold).toEqual({ name: 'openInterest.voluntaryMultipleMin', value: 0.3, unit: 'multiple' });
  });
});

describe('leverage_flush on a market-wide total without a median (replayed 4 January)', () => {
  it('the lead asset’s own multiple licenses it: BTC 1.26 billion against its 30-day median, 7.9x ≥ 3x', async () => {
    const replayed = await loadSnapshot(join(import.meta.dirname, '../golden/cases/replayed-2024-01-04/snapshot.json'));
    const findings = analyze(replayed).findings;
    const plan = findings.find((f): f is DayPlan => f.kind === 'day_plan')!;
    expect(plan.liquidations?.scope).toBe('market');
    expect(plan.liquidations?.multipleOfMedian).toBeUndefined();
    const btc = findings.find((f) => f.kind === 'liquidations' && f.asset === 'BTC');
    const flush = plan.claims.find((c) => c.id === 'leverage_flush');
    expect(flush?.value).toBe(btc?.kind === 'liquidations' ? btc.multipleOfMedian : NaN);
    expect(flush?.value).toBeCloseTo(7.9, 1);
  });
});
