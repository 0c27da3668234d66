import { describe, expect, it } from 'vitest';
import { levelBreakSignal } from '../../pipeline/analysis/signals/level-break.js';
import { DEFAULT_THRESHOLDS, ThresholdsSchema } from '../../kernel/thresholds.js';
import { isMajorLevel, levelsBetween, roundBandOutward, roundStep } from '../../pipeline/analysis/util/levels.js';
import { HOUR, START, bar, btcDropWindow, contextWith, flatHours, makeSnapshot, spot } from './helpers/make-snapshot.js';

describe('round levels', () => {
  it('step follows magnitude: 1,000 for BTC, 100 for a four-digit ETH, 50 for a three-digit BNB, 5 for 55, 0.05 for a 0.5 coin', () => {
    expect(roundStep(44550)).toBe(1000);
    expect(roundStep(2250)).toBe(100);
    expect(roundStep(312)).toBe(50);
    expect(roundStep(999.99)).toBe(50);
    expect(roundStep(1000)).toBe(100);
    expect(roundStep(55)).toBe(5);
    expect(roundStep(0.5)).toBeCloseTo(0.05, 15);
    expect(roundStep(44550, 500)).toBe(500);
  });
  it('levels strictly between, without binary noise', () => {
    expect(levelsBetween(41700, 44000, 1000)).toEqual([42000, 43000]);
    expect(levelsBetween(0.25, 0.61, 0.1)).toEqual([0.3, 0.4, 0.5, 0.6]);
    expect(levelsBetween(5, 5, 1)).toEqual([]);
    expect(isMajorLevel(40000, 1000)).toBe(true);
    expect(isMajorLevel(42000, 1000)).toBe(false);
    expect(roundBandOutward(2215, 2288, 10)).toEqual({ low: 2210, high: 2290 });
  });
});

describe('level_break', () => {
  it('BTC from 44,000 breaks 43,000 (held) then 42,000 (reclaimed by the close)', () => {
    const out = levelBreakSignal(makeSnapshot({ prices: [spot('BTC', '1h', btcDropWindow())] }), DEFAULT_THRESHOLDS, contextWith());
    expect(out).toMatchObject([
      // distance 1,000 / 44,000 = 0.0227; ratio 0.0227 / 0.03 = 0.7576 → 50 × (0.3 + 0.4 × 0.7576) = 30.15 → 30.2
      { kind: 'level_break', asset: 'BTC', level: 43000, direction: 'below', time: START + 4 * HOUR, closedBeyond: true, importance: 30.2 },
      // 2,000 / 44,000 / 0.03 = 1.5152 × 0.75 (reclaimed) = 1.1364 → 50 × (1 + 0.25 × 0.1364) = 51.70
      {
        kind: 'level_break',
        asset: 'BTC',
        level: 42000,
        direction: 'below',
        time: START + 10 * HOUR,
        closedBeyond: false,
        importance: 51.7,
      },
    ]);
    expect(out[0]?.threshold).toEqual({ name: 'levels.step', value: 1000, unit: 'price' });
  });

  it('a touch is not a break; an upward cross is', () => {
    // prior close 2,950, window touches 2,900 exactly and trades above 3,000 at hour 5.
    const candles = [bar(START - HOUR, 2950, 2950, 2950, 2950), ...flatHours(START, 24, 2950)];
    candles[3] = { ...candles[3]!, l: 2900 };
    candles[6] = { ...candles[6]!, h: 3010, c: 3005 };
    const out = levelBreakSignal(
      makeSnapshot({ assets: ['ETH'], prices: [spot('ETH', '1h', candles)] }),
      DEFAULT_THRESHOLDS,
      contextWith(),
    );
    expect(out).toMatchObject([{ asset: 'ETH', level: 3000, direction: 'above', time: START + 5 * HOUR, closedBeyond: false }]);
  });

  it('keeps only the furthest levels when many break', () => {
    const candles = [bar(START - HOUR, 2550, 2550, 2550, 2550), ...flatHours(START, 24, 1950)];
    candles[1] = { ...candles[1]!, o: 2550, h: 2550 };
    const t = ThresholdsSchema.parse({ levels: { maxBreaksPerAsset: 2 } });
    const out = levelBreakSignal(makeSnapshot({ assets: ['ETH'], prices: [spot('ETH', '1h', candles)] }), t, contextWith());
    expect(out.map((f) => (f.kind === 'level_break' ? f.level : 0))).toEqual([2100, 2000]);
  });

  it('flat market and missing prices: no breaks', () => {
    expect(
      levelBreakSignal(
        makeSnapshot({ prices: [spot('BTC', '1h', flatHours(START - HOUR, 25, 42000))] }),
        DEFAULT_THRESHOLDS,
        contextWith(),
      ),
    ).toEqual([]);
    expect(levelBreakSignal(makeSnapshot(), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
  });
});
