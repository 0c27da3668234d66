/**
 * Small per-language labels the page needs around the brief (masthead date, PDF footer), from
 * the snapshot's own date and timezone: never the wall clock. Dates and offsets are written by
 * the brief's own formatter (kernel/locale/format.ts).
 */
import type { Lang } from '../lang.js';
import { formatDate, formatUtcOffset } from './format.js';

/** zh "2024 年 1 月 4 日(东八区)", en "4 January 2024 (UTC+8)"; the offset is the zone's at noon UTC that day. */
export function dateLabel(date: string, timezone: string, lang: Lang): string {
  const offset = formatUtcOffset(Date.parse(`${date}T12:00:00Z`), timezone);
  if (lang === 'zh') return `${formatDate(date, 'zh', { year: true })}(${timezone === 'Asia/Shanghai' ? '东八区' : offset})`;
  return `${formatDate(date, 'en', { year: true })} (${offset})`;
}

export function pageLabel(lang: Lang): { before: string; middle: string; after: string } {
  return lang === 'zh' ? { before: '第 ', middle: ' 页，共 ', after: ' 页' } : { before: 'Page ', middle: ' of ', after: '' };
}
