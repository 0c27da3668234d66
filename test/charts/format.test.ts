import { describe, expect, it } from 'vitest';
import { formatPercent, formatPrice, formatUsd, formatUsdFloor, groupThousands, usdUnit } from '../../renderers/charts/format.js';
import { estimateTextWidth } from '../../renderers/charts/text-width.js';
import { wallClockHHMM, wallClockMs, zoneLabel, zoneOffsetMs } from '../../renderers/charts/time.js';

const T = Date.UTC(2024, 0, 3, 16); // 2024-01-04 00:00 in UTC+8

describe('number formats', () => {
  it('groups thousands and never prints -0', () => {
    expect(groupThousands(1234567.891, 2)).toBe('1,234,567.89');
    expect(groupThousands(-42000, 0)).toBe('−42,000');
    expect(groupThousands(-0.0001, 2)).toBe('0.00');
    expect(formatPrice(42156.3)).toBe('42,156');
    expect(formatPrice(2.345)).toBe('2.35'); // below 1,000: cents (2.345 rounds half-up in toFixed's binary form to 2.35)
  });

  it('formats fractions as percentages', () => {
    expect(formatPercent(0.0001, 4)).toBe('0.0100%'); // 0.0001 × 100 = 0.01
    expect(formatPercent(-0.052, 1)).toBe('−5.2%');
  });

  it('formats caption dollars as the brief text does: three significant figures, zh 约 by the kind of amount', () => {
    // A reported figure: 约 only when digits were dropped.
    expect(formatUsd(577_000_000, 'zh', 'reported')).toBe('5.77 亿美元'); // 5.77e8 / 1e8, nothing dropped
    expect(formatUsd(95_244_000, 'zh', 'reported')).toBe('约 9,520 万美元'); // 9,524.4 万 → three figures 9,520, digits dropped
    // An aggregate (the captions' sums across funds or venues): always 约, however exactly it prints.
    expect(formatUsd(577_000_000, 'zh', 'aggregate')).toBe('约 5.77 亿美元');
    expect(formatUsd(1_234_000_000, 'zh', 'aggregate')).toBe('约 12.3 亿美元');
    expect(formatUsd(577_000_000, 'en', 'aggregate')).toBe('$577 million');
    expect(formatUsd(1_234_000_000, 'en', 'reported')).toBe('$1.23 billion');
    expect(formatUsd(-2_500_000, 'en', 'aggregate')).toBe('−$2.50 million');
  });

  it('formats a floor rounded down, without 约', () => {
    expect(formatUsdFloor(95_296_000, 'zh')).toBe('9,520 万美元'); // 9,529.6 万 rounds down to 9,520
    expect(formatUsdFloor(1_239_000_000, 'en')).toBe('$1.23 billion');
  });

  it('chooses the axis unit from the largest value', () => {
    expect(usdUnit(3e8, 'zh')).toEqual({ divisor: 1e8, label: '亿美元' });
    expect(usdUnit(5e6, 'zh')).toEqual({ divisor: 1e4, label: '万美元' });
    expect(usdUnit(5e6, 'en')).toEqual({ divisor: 1e6, label: 'USD m' });
    expect(usdUnit(2e9, 'en')).toEqual({ divisor: 1e9, label: 'USD bn' });
  });
});

describe('time zone arithmetic (independent of the process TZ)', () => {
  it('moves instants to the wall clock of the brief zone', () => {
    expect(zoneOffsetMs(T, 'Asia/Shanghai')).toBe(8 * 3_600_000);
    expect(wallClockMs(T, 'Asia/Shanghai')).toBe(Date.UTC(2024, 0, 4, 0));
    expect(wallClockHHMM(T + 90 * 60_000, 'Asia/Shanghai')).toBe('01:30');
    // New York in January is UTC−5: 16:00 UTC is 11:00.
    expect(wallClockHHMM(T, 'America/New_York')).toBe('11:00');
  });

  it('names the zone for readers', () => {
    expect(zoneLabel('Asia/Shanghai', T, 'zh')).toBe('东八区');
    expect(zoneLabel('Asia/Shanghai', T, 'en')).toBe('UTC+8');
    expect(zoneLabel('America/New_York', T, 'zh')).toBe('UTC−5');
    expect(zoneLabel('Asia/Kolkata', T, 'en')).toBe('UTC+5:30');
    expect(zoneLabel('UTC', T, 'en')).toBe('UTC');
  });
});

describe('text width estimate', () => {
  it('counts CJK characters as a full em and Latin narrower', () => {
    expect(estimateTextWidth({ fontSize: 10 }, '多头')).toBe(20); // 2 × 1 em × 10 px
    expect(estimateTextWidth({ fontSize: 10 }, '42')).toBeCloseTo(11.2); // 2 × 0.56 em × 10 px
    expect(estimateTextWidth({}, 'A')).toBeCloseTo(7.26); // default 11 px × 0.66 em
    expect(estimateTextWidth({ fontSize: 10, limit: 15 }, '多头多头')).toBe(15); // 40 px capped at the limit
  });
});
