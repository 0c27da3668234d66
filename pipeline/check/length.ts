/**
 * A brief's length as an editor measures it, and the house-style limits it is held to.
 *
 * Counted: the body a reader reads, from the lead to the end of the last section — not the
 * headline, the chart images, the footnote markers, link targets, the source notes or the
 * footer. en counts words: whitespace-separated tokens with a letter or digit ("$1.26", "73%"
 * and "high-to-low" are one word each; a dash alone is none). zh counts 字 as the genre's
 * 2,000–3,000 字 are counted: Han characters only. Figures, tickers, venue names and punctuation
 * are not 字 (a brief dense with figures is no longer for them), so a zh brief meets the genre's
 * length in words a reader reads, not in "42,873.9" and "，".
 */
import type { Config } from '../../kernel/config.js';
import type { Lang } from '../../kernel/lang.js';
import { formatNumber } from '../../kernel/locale/index.js';

export type BriefLength = Config['briefLength'];
export type DayKind = 'sharp' | 'quiet';

export interface LengthCount {
  lang: Lang;
  /** en words, zh 字. */
  count: number;
  unit: 'words' | '字';
  /**
   * The day plan's day type (the model's `day`, from `dayOf`): a crash or rally day is sharp, a
   * range day quiet. A day the plan calls a crash for its intraday slide alone (the lead asset's
   * high-to-low swing past `price.drawdownFractionMin`, the close within `moveFractionMin`,
   * `day.intradayOnly`) is held to the quiet day's length. The genre's 2,000–3,000 字 is the length
   * of a day that ends sharply moved: its funding, basis, flows and positioning all reset and each
   * needs its paragraph. A slide the close bought back (the 5 July 2024 holiday: −1.8 % after
   * an 8.1 % slide, two thirds recovered, funding about zero, basis eased) has one story — the slide
   * and its recovery — and the brief says it, still worded as a sell-off, at a quiet day's length.
   */
  day: DayKind;
}

const SOURCES_HEADING = /^## (?:Sources|数据来源)\s*$/m;

/** The reader's body: lead to last section, without headline, images, markers and link targets. */
export function bodyText(markdown: string): string {
  const heading = SOURCES_HEADING.exec(markdown);
  const body = heading ? markdown.slice(0, heading.index) : markdown;
  return body
    .split('\n')
    .filter((line) => !/^# /.test(line) && !/^!\[[^\]]*\]\([^)]*\)\s*$/.test(line))
    .join('\n')
    .replace(/\[\^\d+\]/g, '')
    .replace(/\]\([^)\s]*\)/g, ']');
}

export function countEnWords(markdown: string): number {
  return bodyText(markdown)
    .split(/\s+/)
    .filter((token) => /[A-Za-z0-9]/.test(token)).length;
}

// Han ideographs (BMP and extension A).
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/gu;

export function countZhZi(markdown: string): number {
  return (bodyText(markdown).match(HAN) ?? []).length;
}

export function measure(lang: Lang, markdown: string, day: { crash: boolean; rally: boolean; intradayOnly?: boolean }): LengthCount {
  const kind: DayKind = (day.crash || day.rally) && !day.intradayOnly ? 'sharp' : 'quiet';
  return lang === 'zh'
    ? { lang, count: countZhZi(markdown), unit: '字', day: kind }
    : { lang, count: countEnWords(markdown), unit: 'words', day: kind };
}

export function limitsFor(limits: BriefLength, c: Pick<LengthCount, 'lang' | 'day'>): { min: number; max: number } {
  return limits[c.day][c.lang];
}

export function withinLimits(limits: BriefLength, c: LengthCount): boolean {
  const { min, max } = limitsFor(limits, c);
  return c.count >= min && c.count <= max;
}

/** `brief check --report`: "en length 842 words (sharp day: 600–900) pass". */
export function formatLength(limits: BriefLength, c: LengthCount): string {
  const { min, max } = limitsFor(limits, c);
  return `${withinLimits(limits, c) ? 'pass' : 'FAIL'} length ${formatNumber(c.count)} ${c.unit} (${c.day} day: ${formatNumber(min)}–${formatNumber(max)})`;
}
