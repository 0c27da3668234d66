/**
 * Small per-language labels the page needs around the brief (masthead date, PDF footer), from
 * the snapshot's own date and timezone: never the wall clock.
 */
import { tzOffset } from '@date-fns/tz';
import type { Lang } from '../cli/options.js';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "UTC+8" for Asia/Shanghai on that date (offsets can change with DST elsewhere). */
export function utcOffsetLabel(date: string, timezone: string): string {
  const minutes = tzOffset(timezone, new Date(`${date}T12:00:00Z`));
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

export function dateLabel(date: string, timezone: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const offset = utcOffsetLabel(date, timezone);
  if (lang === 'zh') {
    const zone = timezone === 'Asia/Shanghai' ? '东八区' : offset;
    return `${y} 年 ${m} 月 ${d} 日(${zone})`;
  }
  return `${d} ${EN_MONTHS[m - 1]} ${y} (${offset})`;
}

export function pageLabel(lang: Lang): { before: string; middle: string; after: string } {
  return lang === 'zh' ? { before: '第 ', middle: ' 页,共 ', after: ' 页' } : { before: 'Page ', middle: ' of ', after: '' };
}
