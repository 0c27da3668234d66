/**
 * The per-language table (kernel/locale/locales.ts): one row per language of LANGS, each rule
 * writing what the brief style asks, and the formatters themselves free of language names, so
 * that a third language is a row here (tsc lists the table when LANGS grows), not a branch.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../kernel/lang.js';
import { LOCALES } from '../../kernel/locale/index.js';

const { zh, en } = LOCALES;

describe('LOCALES', () => {
  it('has one row per language, no more', () => {
    expect(Object.keys(LOCALES).sort()).toEqual([...LANGS].sort());
  });

  it('names each language for HTML, feeds and link previews', () => {
    expect([zh.tag, zh.ogLocale]).toEqual(['zh-CN', 'zh_CN']);
    expect([en.tag, en.ogLocale]).toEqual(['en', 'en_US']);
  });

  it('lists scale words largest first', () => {
    for (const lang of LANGS) {
      const divisors = LOCALES[lang].scales.map((s) => s.divisor);
      expect(divisors).toEqual([...divisors].sort((a, b) => b - a));
    }
    expect(zh.scales.map((s) => s.word)).toEqual(['万亿', '亿', '万']);
    expect(en.scales.map((s) => s.word)).toEqual(['trillion', 'billion', 'million']);
  });

  it('places the dollar: zh unit after the scale word or after a space, en sign before the minus-free figure', () => {
    const yi = zh.scales[1]!;
    const billion = en.scales[1]!;
    expect(zh.usdAmount({ digits: '12.6', scale: yi })).toBe('12.6 亿美元');
    expect(zh.usdAmount({ digits: '8,500' })).toBe('8,500 美元');
    expect(en.usdAmount({ digits: '\u22121.23', scale: billion })).toBe('\u2212$1.23 billion');
    expect(en.usdAmount({ digits: '45,300' })).toBe('$45,300');
    expect(zh.usdPrice('\u22125.00')).toBe('\u22125.00 美元');
    expect(en.usdPrice('\u22125.00')).toBe('$\u22125.00');
    expect([zh.approx, en.approx]).toEqual(['约 ', undefined]);
  });

  it('writes ranges: zh em dash and the scale word on both ends, en en dash and the unit once', () => {
    const yi = zh.scales[1]!;
    const billion = en.scales[1]!;
    expect(zh.usdRange({ digits: '12.1', scale: yi }, { digits: '12.8', scale: yi })).toBe('12.1 亿—12.8 亿美元');
    expect(zh.usdRange({ digits: '41,800' }, { digits: '42,200' })).toBe('41,800—42,200 美元');
    expect(en.usdRange({ digits: '1.21', scale: billion }, { digits: '1.28', scale: billion })).toBe('$1.21–1.28 billion');
    expect(en.usdRange({ digits: '43,000' }, { digits: '44,000' })).toBe('$43,000–$44,000');
    expect(zh.percentRange('10%', '12%')).toBe('10%—12%');
    expect(en.percentRange('10%', '12%')).toBe('10–12%');
  });

  it('separates an enumeration of names: zh 顿号, en comma and space', () => {
    expect([LOCALES.zh.enumerationSeparator, LOCALES.en.enumerationSeparator]).toEqual(['、', ', ']);
    expect(['IBIT', 'FBTC'].join(LOCALES.zh.enumerationSeparator)).toBe('IBIT、FBTC');
  });

  it('writes units, with en plurals from the number', () => {
    expect([zh.multiple('4.2'), en.multiple('4.2')]).toEqual(['4.2 倍', '4.2x']);
    expect([zh.coins('2,000', 'BTC'), en.coins('2,000', 'BTC')]).toEqual(['2,000 枚 BTC', '2,000 BTC']);
    expect([zh.hours('1', 1), en.hours('1', 1), en.hours('1.5', 1.5)]).toEqual(['1 小时', '1 hour', '1.5 hours']);
    expect([zh.days('30', 30), en.days('1', 1), en.days('30', 30)]).toEqual(['30 日', '1 day', '30 days']);
  });

  it('writes dates, the zone and the page footer', () => {
    expect([zh.date(2024, 1, 4, false), zh.date(2024, 1, 4, true)]).toEqual(['1 月 4 日', '2024 年 1 月 4 日']);
    expect([en.date(2024, 1, 4, false), en.date(2024, 1, 4, true)]).toEqual(['4 January', '4 January 2024']);
    expect([zh.month(2023, 3), en.month(2023, 3)]).toEqual(['2023 年 3 月', 'March 2023']);
    expect([zh.weekday(2024, 1, 4), en.weekday(2024, 1, 4)]).toEqual(['周四', 'Thursday']);
    expect([zh.dateTime('1 月 4 日', '10:00', 'UTC+8'), en.dateTime('4 January', '10:00', 'UTC+8')]).toEqual([
      '1 月 4 日 10:00',
      '10:00 UTC+8 on 4 January',
    ]);
    expect([zh.zoneName('Asia/Shanghai', 'UTC+8'), zh.zoneName('Asia/Tokyo', 'UTC+9'), en.zoneName('Asia/Shanghai', 'UTC+8')]).toEqual([
      '东八区',
      'UTC+9',
      'UTC+8',
    ]);
    expect(zh.dateLabel('2024 年 1 月 4 日', '东八区')).toBe('2024 年 1 月 4 日(东八区)');
    expect(en.dateLabel('4 January 2024', 'UTC+8')).toBe('4 January 2024 (UTC+8)');
    expect(`${zh.page.before}2${zh.page.middle}5${zh.page.after}`).toBe('第 2 页，共 5 页');
    expect(`${en.page.before}2${en.page.middle}5${en.page.after}`).toBe('Page 2 of 5');
  });

  it('leaves the formatters without a language name: their choices are rows of the table', () => {
    for (const file of ['format.ts', 'labels.ts']) {
      const source = readFileSync(new URL(`../../kernel/locale/${file}`, import.meta.url), 'utf8');
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/'(zh|en)'/);
    }
  });
});
