import { describe, expect, it } from 'vitest';
import { liquidationTotal } from '../../pipeline/narrative/liquidation-total.js';

describe('the headline liquidation total', () => {
  it('a floor from sampled streams rounds down and carries no 约', () => {
    // 184,960,000 → 1.8496 亿: three significant figures rounded down are 1.84 (rounding would give 1.85).
    const floor = { scope: 'floor' as const, totalRangeUsd: { low: 184_960_000, high: 184_960_000 } };
    expect(liquidationTotal(floor, 'zh')).toBe('1.84 亿美元');
    expect(liquidationTotal(floor, 'en')).toBe('$184 million');
  });

  it('a complete total rounds to three significant figures, zh with 约', () => {
    const market = { scope: 'market' as const, totalRangeUsd: { low: 184_960_000, high: 184_960_000 } };
    expect(liquidationTotal(market, 'zh')).toBe('约 1.85 亿美元');
    expect(liquidationTotal(market, 'en')).toBe('$185 million');
  });
});
