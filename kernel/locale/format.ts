/**
 * Figures as the briefs print them, per language. Small pure functions, no locale lookups that
 * depend on the machine: grouping, units and dates are spelled out here so that the same value
 * always gives the same bytes.
 *
 * Conventions (see the reference brief-style):
 * - zh: a space between a number and the following Chinese unit ("4.4 万美元", "1 月 4 日"), none
 *   before "%"; aggregates in 万/亿 with at most three significant figures but never fewer
 *   integer digits than the number has ("9,524 万美元", "12.3 亿美元"); ranges with an em dash
 *   and the unit on both ends ("12.1 亿—12.8 亿美元").
 * - en: news style "$1.23 billion", "$321 million", "$42,156"; ranges with an en dash and the unit
 *   once ("$1.21–1.28 billion").
 * - Negative numbers use U+2212 MINUS SIGN; fractions in (0.05) are printed as percentages (5%).
 *
 * The words and patterns of each language are rows of LOCALES (locales.ts); this file holds the
 * rules every language shares and never branches on the language.
 */
import { format as formatCalendar } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import type { Lang } from '../lang.js';
import { LOCALES, MINUS, type Amount, type Scale } from './locales.js';

export type { Lang };
export { MINUS };

/** Removes binary noise (0.1 + 0.2) before rounding so that ties round the way a reader expects. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

function roundTo(value: number, decimals: number, mode: 'round' | 'floor' | 'ceil' = 'round'): number {
  const factor = 10 ** decimals;
  const scaled = clean(value * factor);
  const rounded =
    mode === 'floor' ? Math.floor(scaled) : mode === 'ceil' ? Math.ceil(scaled) : Math.sign(scaled) * Math.round(Math.abs(scaled));
  return clean(rounded / factor);
}

function group(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The digits of a huge integer without exponent notation: 15 significant digits, then zeros (beyond them a double holds only noise). */
function plainInteger(abs: number): string {
  const [mantissa = '0', exponent = '0'] = abs.toExponential(14).split('e');
  const digits = mantissa.replace('.', '');
  return digits.padEnd(Number(exponent) + 1, '0');
}

/** A number with thousands separators and exactly `decimals` decimals; negatives with U+2212. */
export function formatNumber(value: number, decimals = 0, mode: 'round' | 'floor' | 'ceil' = 'round'): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot format a non-finite number (${value})`);
  const rounded = roundTo(value, decimals, mode);
  // toFixed switches to exponent form from 1e21; such integers are written out digit by digit.
  const fixed = Math.abs(rounded) >= 1e21 ? plainInteger(Math.abs(rounded)) : Math.abs(rounded).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const body = frac ? `${group(int)}.${frac}` : group(int);
  return rounded < 0 && Number(fixed) !== 0 ? `${MINUS}${body}` : body;
}

/** Decimals that keep `sig` significant figures without dropping integer digits (952.4 → 0, 12.34 → 1). */
export function decimalsForSignificant(value: number, sig = 3): number {
  const abs = Math.abs(value);
  if (abs === 0) return 0;
  const intDigits = Math.floor(Math.log10(abs)) + 1;
  return Math.max(0, sig - intDigits);
}

/** Drops trailing zeros after the decimal point ("4.20" → "4.2", "5.0" → "5"). */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function scaleFor(abs: number, lang: Lang): Scale | undefined {
  return LOCALES[lang].scales.find((s) => abs >= s.divisor * 0.9995);
}

/** An amount with three significant figures in a scale word: "12.3" in 亿/"1.23" in billion, or plain. */
function scaledAmount(
  value: number,
  lang: Lang,
  mode: 'round' | 'floor' | 'ceil' = 'round',
  scale = scaleFor(Math.abs(value), lang),
  decimals?: number,
): Amount {
  const divisor = scale?.divisor ?? 1;
  const scaled = value / divisor;
  // Decimals from the value as it will print (0.99996 prints as 1.00, not 1.000).
  const d = decimals ?? decimalsForSignificant(Number(scaled.toPrecision(3)));
  let text = formatNumber(scaled, d, mode);
  if (decimals === undefined && d === 0 && Math.abs(scaled) >= 1000) {
    // Four integer digits keep three significant figures too: 45,312 → 45,300, 9,524 万 → 9,520 万.
    const step = 10 ** (Math.floor(Math.log10(Math.abs(scaled))) - 2);
    text = formatNumber(roundTo(scaled / step, 0, mode) * step, 0);
  }
  return scale ? { digits: text, scale } : { digits: text };
}

/** The value a scaled amount prints as ("12.6" in 亿 → 1.26e9, "9,524" in 万 → 9.524e7, "45,300" → 45300). */
function printedValue(amount: Amount): number {
  const negative = amount.digits.startsWith(MINUS);
  const digits = negative ? amount.digits.slice(1) : amount.digits;
  return (negative ? -1 : 1) * Number(digits.replace(/,/g, '')) * (amount.scale?.divisor ?? 1);
}

/**
 * What a dollar amount is, for the one rule of 约 (zh; en news style states every figure plainly):
 * - `aggregate`: a sum across several venues, funds, assets or providers (market-wide or per-asset
 *   liquidations, a provider's market-wide total, an ETF complex's net flow or volume, open
 *   interest or volume added up over venues) or a baseline of such a sum (its 30-day median or
 *   average). It always carries 约, however exactly it prints: venues report on their own clocks
 *   and methods and providers revise, so the sum is an estimate ("约 6.64 亿美元" as "约 12.6 亿美元").
 * - `reported` (the default): one venue's, one fund's, one stream's or one transfer's own figure.
 *   It is exact as reported and carries 约 only when printing it at three significant figures in
 *   万/亿 dropped digits ("约 90.1 亿美元" for 9,012,345,678; "1,860 万美元" for 18,600,000).
 * A floor (至少, formatUsdFloor) never carries 约 ("至少 约 X" contradicts itself), nor does a range
 * (formatUsdRange: its two ends state the spread); a range whose ends print alike is one figure again.
 */
export type UsdKind = 'aggregate' | 'reported';

/**
 * A dollar amount: zh "约 12.6 亿美元", "9,524 万美元", "8,500 美元"; en "$1.23 billion", "$45,300".
 * zh prints at most three significant figures in 万/亿 (house style: "约 12.6 亿美元", never
 * "12.63 亿美元") and 约 by the rule of UsdKind.
 */
export function formatUsd(value: number, lang: Lang, kind: UsdKind = 'reported'): string {
  const rules = LOCALES[lang];
  const amount = scaledAmount(value, lang);
  const rounded = Math.abs(printedValue(amount) - value) > Math.abs(value) * 1e-9;
  const approx = rules.approx !== undefined && (kind === 'aggregate' || rounded) ? rules.approx : '';
  return `${approx}${rules.usdAmount(amount)}`;
}

/**
 * A lower bound ("at least"): rounded down, so the printed figure is still a floor, and never
 * marked 约 — "至少 约 X" would contradict itself.
 */
export function formatUsdFloor(value: number, lang: Lang): string {
  return LOCALES[lang].usdAmount(scaledAmount(value, lang, 'floor'));
}

/**
 * A range of dollar aggregates where sources disagree, as narrow as the figures allow: both ends
 * at the precision of the high end (three significant figures). Ends equal after rounding
 * collapse to a single figure (of `kind`, for its 约).
 */
export function formatUsdRange(low: number, high: number, lang: Lang, kind: UsdKind = 'reported'): string {
  const [lo, hi] = low <= high ? [low, high] : [high, low];
  const scale = scaleFor(Math.max(Math.abs(lo), Math.abs(hi)), lang);
  const divisor = scale?.divisor ?? 1;
  const decimals = decimalsForSignificant(Number((hi / divisor).toPrecision(3)));
  const loAmount = scaledAmount(lo, lang, 'round', scale, decimals);
  const hiAmount = scaledAmount(hi, lang, 'round', scale, decimals);
  if (loAmount.digits === hiAmount.digits) return formatUsd((lo + hi) / 2, lang, kind);
  return LOCALES[lang].usdRange(loAmount, hiAmount);
}

/** Decimals a price is quoted with: zh one decimal above 1,000 ("42,156.3"), en whole dollars. */
function priceDecimals(value: number, lang: Lang): number {
  const abs = Math.abs(value);
  if (abs >= 1000) return LOCALES[lang].priceDecimalsFrom1000;
  if (abs >= 1) return 2;
  return Math.max(2, decimalsForSignificant(value, 4));
}

/** A traded price: zh "42,156.3 美元", en "$42,156"; exchange quotes in USDT: "42,156.3 USDT". */
export function formatPrice(value: number, lang: Lang, quote: 'USD' | 'USDT' = 'USD'): string {
  const text = formatNumber(value, priceDecimals(value, lang));
  if (quote === 'USDT') return `${text} USDT`;
  return LOCALES[lang].usdPrice(text);
}

/** A level in the language's level scale word (zh "4.2" in 万, for 42,000), if it is one. */
function scaledLevel(value: number, lang: Lang): Amount | undefined {
  const scale = LOCALES[lang].levelScale;
  if (!scale || Math.abs(value) < scale.divisor) return undefined;
  // Only a level its printed decimals hold exactly (zh: whole hundreds, "4.25 万"): others are prices.
  const step = scale.divisor / 10 ** scale.decimals;
  if (!Number.isInteger(clean(value / step))) return undefined;
  return { digits: trimZeros(formatNumber(value / scale.divisor, scale.decimals)), scale };
}

/** A round level: zh "4.2 万美元" (whole or half thousands above 10,000), else like a price. */
export function formatLevel(value: number, lang: Lang): string {
  const scaled = scaledLevel(value, lang);
  if (scaled) return LOCALES[lang].usdAmount(scaled);
  if (Number.isInteger(clean(value))) return LOCALES[lang].usdPrice(formatNumber(value, 0));
  return formatPrice(value, lang);
}

/** A price band: zh "4.3 万—4.4 万美元", "41,800—42,200 美元"; en "$43,000–$44,000"; exchange quotes "41,800—42,200 USDT". */
export function formatPriceRange(low: number, high: number, lang: Lang, quote: 'USD' | 'USDT' = 'USD'): string {
  const [lo, hi] = low <= high ? [low, high] : [high, low];
  const rules = LOCALES[lang];
  if (quote === 'USDT') return `${bareLevel(lo, lang)}${rules.rangeDash}${bareLevel(hi, lang)} USDT`;
  // Both ends in the level scale word (zh "4.3 万—4.4 万美元"), else both as plain figures.
  const [loLevel, hiLevel] = [scaledLevel(lo, lang), scaledLevel(hi, lang)];
  if (loLevel && hiLevel) return rules.usdRange(loLevel, hiLevel);
  return rules.usdRange({ digits: bareLevel(lo, lang) }, { digits: bareLevel(hi, lang) });
}

/** A level's digits without a unit: whole numbers as they are, other prices at price precision. */
function bareLevel(value: number, lang: Lang): string {
  return formatNumber(value, Number.isInteger(clean(value)) ? 0 : priceDecimals(value, lang));
}

/** A fraction as a percentage: 0.052 → "5.2%"; `sign` adds "+" to positives (negatives always carry "−"). */
export function formatPercent(fraction: number, options: { decimals?: number; sign?: boolean } = {}): string {
  const decimals = options.decimals ?? 1;
  const text = formatNumber(fraction * 100, decimals);
  const positive = !text.startsWith(MINUS) && Number(text.replace(/,/g, '')) !== 0;
  return `${options.sign && positive ? '+' : ''}${text}%`;
}

/** The size of a move without its sign (the words say the direction): −0.052 → "5.2%". */
export function formatPercentAbs(fraction: number, decimals = 1): string {
  return formatPercent(Math.abs(fraction), { decimals });
}

/**
 * A share of at least half in words, rounded down to the step below it: zh "一半以上", "六成以上" …
 * "九成以上", en "over half", "over three-fifths" … "nearly all"; under half "不足一半" / "under
 * half". For a share of a swing the brief gives in percentages of price: 5.7 % of a 6.9 % swing
 * is 82 % of it in dollars but 83 % to a reader dividing the printed figures; "八成以上" is both.
 */
export function formatShareWords(fraction: number, lang: Lang): string {
  // The step's index in the locale's row: 0 under half, then one per tenth from half to nine tenths.
  const step = SHARE_STEPS.filter((min) => fraction >= min).length;
  return LOCALES[lang].shareWords[step]!;
}

const SHARE_STEPS = [0.5, 0.6, 0.7, 0.8, 0.9] as const;

/** A range of percentages: zh "10%—12%", en "10–12%"; equal ends collapse. */
export function formatPercentRange(lowFraction: number, highFraction: number, lang: Lang, decimals = 1): string {
  const [lo, hi] = lowFraction <= highFraction ? [lowFraction, highFraction] : [highFraction, lowFraction];
  const loText = formatPercent(lo, { decimals });
  const hiText = formatPercent(hi, { decimals });
  if (loText === hiText) return loText;
  return LOCALES[lang].percentRange(loText, hiText);
}

/**
 * A funding rate (a fraction per interval) as venues quote it, always with four decimals of a
 * percent so that rates side by side read alike: 0.0001 → "0.0100%", −0.000025 → "−0.0025%".
 */
export function formatRate(fraction: number, options: { sign?: boolean } = {}): string {
  const text = formatNumber(fraction * 100, 4);
  const positive = !text.startsWith(MINUS) && Number(text.replace(/,/g, '')) !== 0;
  return `${options.sign && positive ? '+' : ''}${text}%`;
}

/** A multiple: zh "4.2 倍", en "4.2x"; one decimal below 10, none above. */
export function formatMultiple(value: number, lang: Lang): string {
  const text = formatNumber(value, Math.abs(value) >= 10 ? 0 : 1);
  return LOCALES[lang].multiple(text);
}

/** Coins: zh "2,000 枚 BTC", en "2,000 BTC"; whole coins from 100 up, else three significant figures. */
export function formatCoins(amount: number, asset: string, lang: Lang): string {
  const text = formatNumber(amount, Math.abs(amount) >= 100 ? 0 : decimalsForSignificant(amount));
  return LOCALES[lang].coins(text, asset);
}

/** A count with grouping: 1234 → "1,234". */
export function formatCount(value: number): string {
  return formatNumber(value, 0);
}

/** Vol points (annualized implied volatility, 45 = 45 %): "45.2". */
export function formatVolPoints(value: number): string {
  return formatNumber(value, 1);
}

// ---------------------------------------------------------------- dates and times

// Month and weekday names come from date-fns's locales (en-US, zh-CN), not tables of our own;
// the patterns are rows of LOCALES.

/** English month names, January first (the checker reads dates back with them). */
export const EN_MONTHS: readonly string[] = Array.from({ length: 12 }, (_, i) =>
  formatCalendar(new Date(2000, i, 1), 'MMMM', { locale: enUS }),
);

function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`expected a YYYY-MM-DD date, got ${JSON.stringify(iso)}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** A calendar date: zh "1 月 4 日" (with year "2024 年 1 月 4 日"), en "4 January" ("4 January 2024"). */
export function formatDate(iso: string, lang: Lang, options: { year?: boolean } = {}): string {
  const { year, month, day } = parseIsoDate(iso);
  return LOCALES[lang].date(year, month, day, options.year === true);
}

/** A source note's as-of stamp: zh "2024-01-04 23:00", en "4 January 2024 23:00" (the time as given). */
export function formatStamp(iso: string, time: string, lang: Lang): string {
  return LOCALES[lang].stamp(iso, formatDate(iso, lang, { year: true }), time);
}

/** A month: zh "2023 年 3 月", en "March 2023". */
export function formatMonth(iso: string, lang: Lang): string {
  const { year, month } = parseIsoDate(iso);
  return LOCALES[lang].month(year, month);
}

/** The weekday of a calendar date (proleptic Gregorian, no timezone involved): en "Thursday", zh "周四". */
export function formatWeekday(iso: string, lang: Lang): string {
  const { year, month, day } = parseIsoDate(iso);
  return LOCALES[lang].weekday(year, month, day);
}

interface ZonedParts {
  date: string;
  hour: number;
  minute: number;
  offsetMinutes: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock parts of an instant (ms UTC) in an IANA zone, through Intl (ICU, not the host zone). */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const offset = /GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?/.exec(parts.timeZoneName ?? '');
  const offsetMinutes = offset?.[1] ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) : 0;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    offsetMinutes,
  };
}

/** "UTC+8", "UTC−5", "UTC+5:30", "UTC" for an instant in a zone. */
export function formatUtcOffset(ms: number, timeZone: string): string {
  const minutes = zonedParts(ms, timeZone).offsetMinutes;
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const hm = abs % 60 ? `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}` : String(abs / 60);
  return `UTC${minutes < 0 ? MINUS : '+'}${hm}`;
}

/** Wall-clock time "10:00" of an instant in a zone. */
export function formatTime(ms: number, timeZone: string): string {
  const { hour, minute } = zonedParts(ms, timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Date and time of an instant in a zone: zh "1 月 4 日 10:00", en "10:00 on 4 January". */
export function formatDateTime(ms: number, timeZone: string, lang: Lang): string {
  const parts = zonedParts(ms, timeZone);
  const time = formatTime(ms, timeZone);
  return LOCALES[lang].dateTime(formatDate(parts.date, lang), time, formatUtcOffset(ms, timeZone));
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function zonedDate(ms: number, timeZone: string): string {
  return zonedParts(ms, timeZone).date;
}

/** A span of hours: zh "24 小时", en "24 hours" (one: "1 hour"). */
export function formatHours(hours: number, lang: Lang): string {
  const text = formatNumber(hours, Number.isInteger(hours) ? 0 : 1);
  return LOCALES[lang].hours(text, hours);
}

/** A span of days: zh "30 日", en "30 days". */
export function formatDays(days: number, lang: Lang): string {
  const text = formatNumber(days, 0);
  return LOCALES[lang].days(text, days);
}
