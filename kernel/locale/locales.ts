/**
 * Every per-language choice the formatters make, in one table: scale words, where the dollar
 * goes, range dashes, unit words, date patterns, the zone's name and the page's language tags.
 * format.ts and labels.ts hold the logic (rounding, significant figures, choosing a scale) and
 * read their words from here. A third language in kernel/lang.ts's LANGS makes `satisfies`
 * below fail until it has a row; nothing else in kernel/locale branches on the language.
 *
 * Functions stand where the rule is more than a word (en plurals, where the minus sign goes);
 * they receive figures already printed, so the same input always gives the same bytes.
 */
import { format as formatCalendar } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import { zhCN } from 'date-fns/locale/zh-CN';
import type { Lang } from '../lang.js';

export const MINUS = '\u2212';

/** A word that stands for a power of ten: "亿" for 1e8, "billion" for 1e9. */
export interface Scale {
  divisor: number;
  word: string;
}

/** A printed figure ("12.3", "−4.56") and the scale word it is counted in, if any. */
export interface Amount {
  digits: string;
  scale?: Scale;
}

export interface LocaleRules {
  /** BCP 47 tag: `<html lang>`, the feed's xml:lang, hreflang. */
  tag: string;
  /** Open Graph og:locale. */
  ogLocale: string;

  /** Scale words for aggregates, largest first. */
  scales: readonly Scale[];
  /** The mark of an approximate amount (zh 约), by the rule of format.ts UsdKind; without it every figure is stated plainly. */
  approx?: string;
  /** Dollars around an aggregate: zh "12.6 亿美元", en "−$1.23 billion". */
  usdAmount(amount: Amount): string;
  /** Two amounts in the same scale (or both plain) as a dollar range. */
  usdRange(low: Amount, high: Amount): string;
  /** Dollars around a price or level, as the price is printed: zh "42,156.3 美元", en "$42,156". */
  usdPrice(digits: string): string;
  /** Decimals a price from 1,000 up is quoted with (below that prices have cents). */
  priceDecimalsFrom1000: number;
  /** Round levels quoted in a scale word (zh "4.2 万美元"): from `divisor` up, when the level is whole in the last of `decimals`. */
  levelScale?: Scale & { decimals: number };
  /** The dash between the ends of a range. */
  rangeDash: string;
  /** Between the items of an inline enumeration of names (tickers, contracts): zh "IBIT、FBTC", en "IBIT, FBTC". */
  enumerationSeparator: string;
  /** Two printed percentages ("10%", "12%") as a range. */
  percentRange(low: string, high: string): string;
  multiple(digits: string): string;
  coins(digits: string, asset: string): string;
  hours(digits: string, hours: number): string;
  /** A share of at least half in words, by the steps of SHARE_STEPS (formatShareWords); [under half, ≥0.5, ≥0.6, ≥0.7, ≥0.8, ≥0.9]. */
  shareWords: readonly [string, string, string, string, string, string];
  days(digits: string, days: number): string;

  /** A calendar date; `month` 1–12. */
  date(year: number, month: number, day: number, withYear: boolean): string;
  month(year: number, month: number): string;
  weekday(year: number, month: number, day: number): string;
  /** A printed date (without year) and a wall-clock time "10:00". */
  dateTime(date: string, time: string, offset: string): string;
  /** The zone's name in a dateline, given its IANA name and its printed offset ("UTC+8"). */
  zoneName(timezone: string, offset: string): string;
  /** The masthead date: a printed date with year and the zone's name. */
  dateLabel(date: string, zone: string): string;
  /** The PDF footer around the page number and the page count. */
  page: { before: string; middle: string; after: string };
  /** A source note's as-of stamp, given the ISO date, the printed date with year and a wall-clock time. */
  stamp(isoDate: string, printedDate: string, time: string): string;
  /** A parenthetical after a phrase: zh full-width brackets with no space, en a space and ASCII brackets. */
  aside(text: string): string;
  /** Whether a space goes between Han characters and Latin letters or digits (zh typesetting). */
  spaceBetweenScripts: boolean;
}

// date-fns's locales give month and weekday names; a calendar date is built at local midnight
// and formatted in local time, so the host's zone cannot move it to another day.
const EN = { locale: enUS };
const ZH = { locale: zhCN };

const ZH_DASH = '—';
const EN_DASH = '–';

/** en puts the minus before the dollar sign: "−$1.23 billion". */
function enDollars(digits: string): string {
  return digits.startsWith(MINUS) ? `${MINUS}$${digits.slice(1)}` : `$${digits}`;
}

const zhScaled = (a: Amount): string => (a.scale ? `${a.digits} ${a.scale.word}` : a.digits);

const ROWS = {
  zh: {
    tag: 'zh-CN',
    ogLocale: 'zh_CN',
    scales: [
      { divisor: 1e12, word: '万亿' },
      { divisor: 1e8, word: '亿' },
      { divisor: 1e4, word: '万' },
    ],
    approx: '约 ',
    // The unit follows a scale word directly ("12.6 亿美元") and a figure after a space ("8,500 美元").
    usdAmount: (a) => (a.scale ? `${zhScaled(a)}美元` : `${a.digits} 美元`),
    // The scale word on both ends, the unit once: "12.1 亿—12.8 亿美元", "41,800—42,200 美元".
    usdRange: (lo, hi) => `${zhScaled(lo)}${ZH_DASH}${zhScaled(hi)}${hi.scale ? '' : ' '}美元`,
    usdPrice: (digits) => `${digits} 美元`,
    priceDecimalsFrom1000: 1,
    levelScale: { divisor: 1e4, word: '万', decimals: 2 },
    rangeDash: ZH_DASH,
    enumerationSeparator: '、',
    percentRange: (lo, hi) => `${lo}${ZH_DASH}${hi}`,
    multiple: (digits) => `${digits} 倍`,
    coins: (digits, asset) => `${digits} 枚 ${asset}`,
    hours: (digits) => `${digits} 小时`,
    shareWords: ['不足一半', '一半以上', '六成以上', '七成以上', '八成以上', '九成以上'],
    days: (digits) => `${digits} 日`,
    date: (year, month, day, withYear) => `${withYear ? `${year} 年 ` : ''}${month} 月 ${day} 日`,
    month: (year, month) => `${year} 年 ${month} 月`,
    // zh-CN's abbreviated weekday is the 周四 form the briefs use (its wide form is 星期四).
    weekday: (year, month, day) => formatCalendar(new Date(year, month - 1, day), 'EEE', ZH),
    // zh: the lead states 东八区时间 once for the whole brief.
    dateTime: (date, time) => `${date} ${time}`,
    zoneName: (timezone, offset) => (timezone === 'Asia/Shanghai' ? '东八区' : offset),
    dateLabel: (date, zone) => `${date}(${zone})`,
    page: { before: '第 ', middle: ' 页，共 ', after: ' 页' },
    stamp: (isoDate, _printed, time) => `${isoDate} ${time}`,
    aside: (text) => `（${text}）`,
    spaceBetweenScripts: true,
  },
  en: {
    tag: 'en',
    ogLocale: 'en_US',
    scales: [
      { divisor: 1e12, word: 'trillion' },
      { divisor: 1e9, word: 'billion' },
      { divisor: 1e6, word: 'million' },
    ],
    usdAmount: (a) => `${enDollars(a.digits)}${a.scale ? ` ${a.scale.word}` : ''}`,
    // The unit once: "$1.21–1.28 billion"; plain figures each with their sign: "$43,000–$44,000".
    usdRange: (lo, hi) => (hi.scale ? `$${lo.digits}${EN_DASH}${hi.digits} ${hi.scale.word}` : `$${lo.digits}${EN_DASH}$${hi.digits}`),
    usdPrice: (digits) => `$${digits}`,
    priceDecimalsFrom1000: 0,
    rangeDash: EN_DASH,
    enumerationSeparator: ', ',
    percentRange: (lo, hi) => `${lo.slice(0, -1)}${EN_DASH}${hi}`,
    multiple: (digits) => `${digits}x`,
    coins: (digits, asset) => `${digits} ${asset}`,
    hours: (digits, hours) => `${digits} hour${hours === 1 ? '' : 's'}`,
    shareWords: ['under half', 'over half', 'over three-fifths', 'over two-thirds', 'over four-fifths', 'nearly all'],
    days: (digits, days) => `${digits} day${days === 1 ? '' : 's'}`,
    date: (year, month, day, withYear) => formatCalendar(new Date(year, month - 1, day), withYear ? 'd MMMM yyyy' : 'd MMMM', EN),
    month: (year, month) => formatCalendar(new Date(year, month - 1, 1), 'MMMM yyyy', EN),
    weekday: (year, month, day) => formatCalendar(new Date(year, month - 1, day), 'EEEE', EN),
    // en: a time on another day (the calendar) carries its zone; the dateline may be in ET.
    dateTime: (date, time, offset) => `${time} ${offset} on ${date}`,
    zoneName: (_timezone, offset) => offset,
    dateLabel: (date, zone) => `${date} (${zone})`,
    page: { before: 'Page ', middle: ' of ', after: '' },
    stamp: (_isoDate, printed, time) => `${printed} ${time}`,
    aside: (text) => ` (${text})`,
    spaceBetweenScripts: false,
  },
} satisfies Record<Lang, LocaleRules>;

/** The rules of each language, read as the interface (a row's optional rules may be absent). */
export const LOCALES: Readonly<Record<Lang, LocaleRules>> = ROWS;
