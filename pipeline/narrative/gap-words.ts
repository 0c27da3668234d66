/**
 * The words of the data note and of the lead's caveat, a row per language: the gap checks'
 * sentences (gap-checks.ts), the note's one reason (gaps.ts) and the caveat beside the lead's
 * figures (lead-caveat.ts). Each row is typed against the same shape, so a language added to
 * kernel/lang.ts makes the compiler list every sentence it must supply. Figures and time labels
 * arrive formatted; the functions only choose words and punctuation.
 */
import type { Lang } from '../../kernel/lang.js';
import type { GapCheck } from '../../kernel/snapshot/index.js';

/** What a check's sentence is built from, already formatted for the language. */
export interface CheckWords {
  /** How many hours, candles or events the check names. */
  n: number;
  /** The hours with their zone ("03:00、04:00（UTC+8）", hoursLabel). */
  hours: string;
  /** The figures it touches, joined ("低点、收盘价"), or ''. */
  figures: string;
  /** Hours left of the window, and the window's length in hours. */
  covered: number;
  windowHours: number;
  /** The missing session's date, formatted, or ''. */
  day: string;
  /** The substitute provider's name and the one that was down (spot-fallback). */
  by: string;
  down: string;
}

export interface CaveatWords {
  /** The hours in doubt with their zone (hoursLabel). */
  label: string;
  /** How many hours. */
  count: number;
  /** Whether the last hour is one of them, so the close is in doubt too. */
  closeToo: boolean;
}

export interface GapWords {
  /** The data note's reason for everything it lists. */
  notAvailable: string;
  /** A reason no table knows: zh never prints raw error text, en a short excerpt of it. */
  unknownReason: (reason: string) => string;
  /** Per-symbol gaps named by their symbols (`list` already joined and escaped). */
  subjects: { etfs: (list: string) => string; macro: (list: string) => string };
  /** The hours past the ones named ("等另外 9 个小时" / "9 more"). */
  moreHours: (rest: number) => string;
  /** Hours named, with the zone they are in. */
  hoursWithZone: (list: string, offset: string) => string;
  checks: { [K in GapCheck['name']]: (d: CheckWords) => string };
  leadCaveat: (d: CaveatWords) => string;
}

/** zh inside parentheses: "（03:00、04:00，UTC+8）" rather than nested parentheses. */
function inner(hours: string): string {
  return hours.replace('（', '，').replace(/）$/, '');
}

const zhComputed = (figures: string): string => (figures ? `，当日${figures}按其余数据计算` : '');
const enComputed = (d: CheckWords): string =>
  d.figures ? `; the day's ${d.figures} are computed without ${d.n === 1 ? 'it' : 'them'}` : '';
const enCandles = (d: CheckWords): string => `${d.n} hourly candle${d.n === 1 ? '' : 's'} at ${d.hours}`;
const enWere = (n: number): string => (n === 1 ? 'was' : 'were');

export const GAP_WORDS = {
  zh: {
    notAvailable: '截至发稿未能获取',
    unknownReason: () => '未能获取',
    subjects: { etfs: (list) => `ETF ${list} 的成交数据`, macro: (list) => `${list} 行情` },
    moreHours: (rest) => `等另外 ${rest} 个小时`,
    hoursWithZone: (list, offset) => `${list}（${offset}）`,
    checks: {
      'hourly-vs-daily': (d) => `${d.n} 根小时 K 线（${inner(d.hours)}）超出同一交易所当日日线的高低范围，已剔除${zhComputed(d.figures)}`,
      'vs-index': (d) => `${d.n} 根小时 K 线（${inner(d.hours)}）的高低范围与同一小时的指数价格不符，已剔除${zhComputed(d.figures)}`,
      'vs-reference': (d) =>
        `${d.n} 根小时 K 线（${inner(d.hours)}）与同时段永续合约或其他交易所价格偏离过大，已剔除${zhComputed(d.figures)}`,
      'missing-hours': (d) =>
        `缺少 ${d.hours} 的小时数据，当日${d.figures || '高低点'}仅基于其余 ${d.covered}/${d.windowHours} 小时，可能不完整`,
      'missing-session': (d) => `缺少${d.day ? ` ${d.day} ` : '最近一个'}交易日的数据，ETF 合计未计入`,
      'event-size': (d) => `${d.n || '部分'}笔采集到的强平事件规模超出当日价格与未平仓量所允许的范围，已剔除`,
      'lower-bound-above-total': () => `抽样统计（下限）高于完整统计总额，与之矛盾，已剔除`,
      'spot-fallback': (d) => `取自 ${d.by}（${d.down} 不可用）`,
    },
    leadCaveat: (d) =>
      `其中 ${d.label} 的小时数据缺失或未通过校验，当日高低点与回撤${d.closeToo ? '及收盘价' : ''}未计入这些时段，可能不完整`,
  },
  en: {
    notAvailable: 'not available by publication time',
    unknownReason: (reason) => reason.slice(0, 80),
    subjects: { etfs: (list) => `ETF trading data for ${list}`, macro: (list) => `${list} prices` },
    moreHours: (rest) => `${rest} more`,
    hoursWithZone: (list, offset) => `${list} (${offset})`,
    checks: {
      'hourly-vs-daily': (d) => `${enCandles(d)} outside the same venue's daily candle ${enWere(d.n)} left out${enComputed(d)}`,
      'vs-index': (d) => `${enCandles(d)} whose range misses the index price of that hour ${enWere(d.n)} left out${enComputed(d)}`,
      'vs-reference': (d) =>
        `${enCandles(d)} far from the perpetual and other venues at the same hour ${enWere(d.n)} left out${enComputed(d)}`,
      'missing-hours': (d) =>
        `no hourly data for ${d.hours}; the day's ${d.figures || 'high and low'} cover only the other ${d.covered} of ${d.windowHours} hours and may be incomplete`,
      'missing-session': (d) => `no bar for the ${d.day ? `${d.day} ` : 'latest '}session; ETF totals leave it out`,
      'event-size': (d) =>
        `${d.n || 'some'} collected liquidation event${d.n === 1 ? '' : 's'} larger than the day's prices and open interest allow ${enWere(d.n)} left out`,
      'lower-bound-above-total': () => `a sampled (lower-bound) total above the complete total contradicts it and was left out`,
      'spot-fallback': (d) => `taken from ${d.by} (${d.down} unavailable)`,
    },
    leadCaveat: (d) =>
      `Hourly data for ${d.label} is missing or failed a check, so the day's high, low and high-to-low slide${d.closeToo ? ' and the close' : ''} leave ${d.count === 1 ? 'that hour' : 'those hours'} out and may be incomplete`,
  },
} as const satisfies Record<Lang, GapWords>;

export function gapWords(lang: Lang): GapWords {
  return GAP_WORDS[lang];
}
