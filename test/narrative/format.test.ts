import { describe, expect, it } from 'vitest';
import {
  decimalsForSignificant,
  formatCoins,
  formatCount,
  formatDate,
  formatDateTime,
  formatDays,
  formatHours,
  formatLevel,
  formatMonth,
  formatMultiple,
  formatNumber,
  formatPercent,
  formatPercentAbs,
  formatPercentRange,
  formatPrice,
  formatPriceRange,
  formatRate,
  formatTime,
  formatUsd,
  formatUsdRange,
  formatUtcOffset,
  formatWeekday,
  zonedDate,
} from '../../kernel/locale/format.js';

describe('formatNumber', () => {
  it('groups thousands and rounds half away from zero after removing binary noise', () => {
    expect(formatNumber(42156.34, 1)).toBe('42,156.3');
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    // 1.005 is 1.00499999999999989… in binary; cleaning to 12 significant figures gives 1.005 → 1.01.
    expect(formatNumber(1.005, 2)).toBe('1.01');
    expect(formatNumber(-0.25, 1)).toBe('\u22120.3');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
    expect(formatNumber(999.96, 1)).toBe('1,000.0');
  });
  it('floors and ceils for range ends', () => {
    expect(formatNumber(12.19, 1, 'floor')).toBe('12.1');
    expect(formatNumber(12.11, 1, 'ceil')).toBe('12.2');
  });
  it('refuses non-finite numbers instead of printing NaN', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
  it('keeps three significant figures without dropping integer digits', () => {
    expect(decimalsForSignificant(12.34)).toBe(1);
    expect(decimalsForSignificant(5.77)).toBe(2);
    expect(decimalsForSignificant(9524.4)).toBe(0);
    expect(decimalsForSignificant(0.0123)).toBe(4); // log10 → −1.9, int digits −1 → 3 − (−1) = 4
  });
});

describe('formatUsd', () => {
  it('writes zh aggregates in 亿 and 万', () => {
    // 1,234,000,000 / 1e8 = 12.34 → 12.3 亿, rounded, so 约 (never "12.34 亿")
    expect(formatUsd(1_234_000_000, 'zh')).toBe('约 12.3 亿美元');
    // 1,263,000,000 → 12.63 亿 at four figures; three: 12.6, with 约
    expect(formatUsd(1_263_000_000, 'zh')).toBe('约 12.6 亿美元');
    // 577,000,000 / 1e8 = 5.77 exactly: nothing rounded, no 约
    expect(formatUsd(577_000_000, 'zh')).toBe('5.77 亿美元');
    // 95,244,000 / 1e4 = 9,524.4 → three significant figures: 9,520 万, with 约
    expect(formatUsd(95_244_000, 'zh')).toBe('约 9,520 万美元');
    expect(formatUsd(95_200_000, 'zh')).toBe('9,520 万美元');
    expect(formatUsd(8_512, 'zh')).toBe('约 8,510 美元');
    // 9,999.6 万 rounds to 1.00 亿 because the scale is picked with a 0.9995 margin
    expect(formatUsd(99_996_000, 'zh')).toBe('约 1.00 亿美元');
    expect(formatUsd(-123_400_000, 'zh')).toBe('约 \u22121.23 亿美元');
  });
  it('writes en aggregates in news style', () => {
    expect(formatUsd(1_234_000_000, 'en')).toBe('$1.23 billion');
    expect(formatUsd(320_400_000, 'en')).toBe('$320 million');
    expect(formatUsd(45_312, 'en')).toBe('$45,300');
    expect(formatUsd(-321_000_000, 'en')).toBe('\u2212$321 million');
  });
  it('writes ranges where sources disagree, both ends at the precision of the high end', () => {
    // 1.214e9 and 1.276e9: high 12.76 亿 has 1 decimal at 3 s.f.; 12.14 → 12.1, 12.76 → 12.8
    expect(formatUsdRange(1.214e9, 1.276e9, 'zh')).toBe('12.1 亿—12.8 亿美元');
    expect(formatUsdRange(1.214e9, 1.276e9, 'en')).toBe('$1.21–1.28 billion');
    // Scale from the high end: 950 million and 1.02 billion → 0.95–1.02 billion
    expect(formatUsdRange(0.95e9, 1.02e9, 'en')).toBe('$0.95–1.02 billion');
    // Equal after rounding: a single figure
    expect(formatUsdRange(1.2301e9, 1.2302e9, 'zh')).toBe('约 12.3 亿美元');
    expect(formatUsdRange(41_000, 45_000, 'en')).toBe('$41,000–$45,000');
  });
  it('the one rule of 约: an aggregate always, a reported figure only when rounding dropped digits', () => {
    // Holiday's market-wide liquidations: 6.64 亿 prints exactly, yet a sum across venues is an estimate.
    expect(formatUsd(664_000_000, 'zh', 'aggregate')).toBe('约 6.64 亿美元');
    expect(formatUsd(664_000_000, 'zh', 'reported')).toBe('6.64 亿美元');
    expect(formatUsd(664_000_000, 'zh')).toBe('6.64 亿美元'); // reported is the default
    // Rounded: 约 either way, once.
    expect(formatUsd(1_263_000_000, 'zh', 'aggregate')).toBe('约 12.6 亿美元');
    // A range states its spread: no 约; collapsed to one figure it is the aggregate again.
    expect(formatUsdRange(1.214e9, 1.276e9, 'zh', 'aggregate')).toBe('12.1 亿—12.8 亿美元');
    expect(formatUsdRange(6.64e8, 6.64e8, 'zh', 'aggregate')).toBe('约 6.64 亿美元');
    // en states figures plainly whatever the kind.
    expect(formatUsd(664_000_000, 'en', 'aggregate')).toBe('$664 million');
  });
});

describe('prices and levels', () => {
  it('prints prices at desk precision', () => {
    expect(formatPrice(42156.34, 'zh')).toBe('42,156.3 美元');
    expect(formatPrice(42156.34, 'en')).toBe('$42,156');
    expect(formatPrice(312.456, 'en')).toBe('$312.46');
    expect(formatPrice(250, 'zh', 'USDT')).toBe('250.00 USDT');
    expect(formatPrice(0.123456, 'en')).toBe('$0.1235');
  });
  it('prints round levels in 万 for zh', () => {
    expect(formatLevel(42000, 'zh')).toBe('4.2 万美元');
    expect(formatLevel(44000, 'zh')).toBe('4.4 万美元');
    expect(formatLevel(42500, 'zh')).toBe('4.25 万美元');
    expect(formatLevel(42550, 'zh')).toBe('42,550 美元');
    expect(formatLevel(2200, 'zh')).toBe('2,200 美元');
    expect(formatLevel(42000, 'en')).toBe('$42,000');
  });
  it('prints bands', () => {
    expect(formatPriceRange(43000, 44000, 'zh')).toBe('4.3 万—4.4 万美元');
    expect(formatPriceRange(2210, 2290, 'zh')).toBe('2,210—2,290 美元');
    expect(formatPriceRange(44000, 43000, 'en')).toBe('$43,000–$44,000');
    expect(formatPriceRange(41800, 42200, 'zh', 'USDT')).toBe('41,800—42,200 USDT');
    expect(formatPriceRange(41812.5, 42200, 'en', 'USDT')).toBe('41,813–42,200 USDT');
  });
});

describe('percentages, rates, multiples', () => {
  it('prints fractions as percentages', () => {
    expect(formatPercent(0.052)).toBe('5.2%');
    expect(formatPercent(-0.0523, { sign: true })).toBe('\u22125.2%');
    expect(formatPercent(0.0523, { sign: true })).toBe('+5.2%');
    expect(formatPercent(0.7, { decimals: 0 })).toBe('70%');
    expect(formatPercentAbs(-0.0814)).toBe('8.1%');
  });
  it('prints percentage ranges', () => {
    expect(formatPercentRange(0.1, 0.12, 'zh', 0)).toBe('10%—12%');
    expect(formatPercentRange(0.12, 0.1, 'en', 0)).toBe('10–12%');
    expect(formatPercentRange(0.701, 0.704, 'zh', 0)).toBe('70%');
  });
  it('prints funding rates with four decimals of a percent', () => {
    expect(formatRate(0.0001)).toBe('0.0100%');
    expect(formatRate(-0.000025)).toBe('\u22120.0025%');
    expect(formatRate(0.00037)).toBe('0.0370%');
    expect(formatRate(0.0001, { sign: true })).toBe('+0.0100%');
    expect(formatRate(0)).toBe('0.0000%');
  });
  it('prints multiples, coins, counts, vol', () => {
    expect(formatMultiple(4.23, 'zh')).toBe('4.2 倍');
    expect(formatMultiple(12.6, 'en')).toBe('13x');
    expect(formatCoins(2000, 'BTC', 'zh')).toBe('2,000 枚 BTC');
    expect(formatCoins(8900.4, 'BTC', 'en')).toBe('8,900 BTC');
    expect(formatCoins(12.345, 'ETH', 'en')).toBe('12.3 ETH');
    expect(formatCount(1234)).toBe('1,234');
  });
});

describe('dates and times', () => {
  // 2024-01-04T02:00:00Z = 10:00 on 4 January in Shanghai (UTC+8).
  const t = Date.UTC(2024, 0, 4, 2, 0);
  it('prints dates per language', () => {
    expect(formatDate('2024-01-04', 'zh')).toBe('1 月 4 日');
    expect(formatDate('2024-01-04', 'zh', { year: true })).toBe('2024 年 1 月 4 日');
    expect(formatDate('2024-01-04', 'en')).toBe('4 January');
    expect(formatDate('2024-01-04', 'en', { year: true })).toBe('4 January 2024');
    expect(formatMonth('2023-03-17', 'zh')).toBe('2023 年 3 月');
    expect(formatMonth('2023-03-17', 'en')).toBe('March 2023');
  });
  it('knows the weekday of a date', () => {
    // 4 January 2024 was a Thursday; 5 August 2024 a Monday.
    expect(formatWeekday('2024-01-04', 'en')).toBe('Thursday');
    expect(formatWeekday('2024-08-05', 'zh')).toBe('周一');
  });
  it('prints wall-clock time in the brief zone, not the host zone', () => {
    expect(formatTime(t, 'Asia/Shanghai')).toBe('10:00');
    expect(formatTime(t, 'UTC')).toBe('02:00');
    expect(formatDateTime(t, 'Asia/Shanghai', 'zh')).toBe('1 月 4 日 10:00');
    expect(formatDateTime(t, 'Asia/Shanghai', 'en')).toBe('10:00 UTC+8 on 4 January');
    // 2024-01-03T20:00Z is already 4 January in Shanghai (04:00).
    expect(zonedDate(Date.UTC(2024, 0, 3, 20), 'Asia/Shanghai')).toBe('2024-01-04');
  });
  it('prints the UTC offset', () => {
    expect(formatUtcOffset(t, 'Asia/Shanghai')).toBe('UTC+8');
    expect(formatUtcOffset(t, 'UTC')).toBe('UTC');
    expect(formatUtcOffset(t, 'America/New_York')).toBe('UTC\u22125');
    expect(formatUtcOffset(t, 'Asia/Kolkata')).toBe('UTC+5:30');
  });
  it('prints spans', () => {
    expect(formatHours(24, 'zh')).toBe('24 小时');
    expect(formatHours(1, 'en')).toBe('1 hour');
    expect(formatDays(30, 'en')).toBe('30 days');
  });
});
