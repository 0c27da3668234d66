/**
 * Small per-language labels the page needs around the brief (masthead date, PDF footer), from
 * the snapshot's own date and timezone: never the wall clock. Dates and offsets are written by
 * the brief's own formatter (kernel/locale/format.ts).
 */
import type { Lang } from '../lang.js';
import { formatDate, formatUtcOffset } from './format.js';
import { LOCALES } from './locales.js';

/** zh "2024 年 1 月 4 日(东八区)", en "4 January 2024 (UTC+8)"; the offset is the zone's at noon UTC that day. */
export function dateLabel(date: string, timezone: string, lang: Lang): string {
  const offset = formatUtcOffset(Date.parse(`${date}T12:00:00Z`), timezone);
  const rules = LOCALES[lang];
  return rules.dateLabel(formatDate(date, lang, { year: true }), rules.zoneName(timezone, offset));
}

/** The PDF footer's words around the page number and count: zh "第 2 页，共 5 页", en "Page 2 of 5". */
export function pageLabel(lang: Lang): { before: string; middle: string; after: string } {
  return { ...LOCALES[lang].page };
}
