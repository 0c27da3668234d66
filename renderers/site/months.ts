/**
 * The archive by month: entries (latest first) grouped under "January 2024" / "2024 年 1 月".
 * Month names come from date-fns' locales. The date is a calendar date with no time of day, so
 * it is read as a local date at noon: no time zone can move it into the neighbouring month.
 */
import { format } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import { zhCN } from 'date-fns/locale/zh-CN';

type Lang = 'zh' | 'en';

export interface MonthGroup<T> {
  /** `2024-01`, also the section's id. */
  id: string;
  label: string;
  entries: T[];
}

export function monthLabel(month: string, lang: Lang): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(year, m - 1, 1, 12);
  return lang === 'zh' ? format(day, "yyyy '年' M '月'", { locale: zhCN }) : format(day, 'LLLL yyyy', { locale: enUS });
}

/** Consecutive entries of the same month in one group, in the order given. */
export function groupByMonth<T extends { date: string }>(entries: readonly T[], lang: Lang): MonthGroup<T>[] {
  const groups: MonthGroup<T>[] = [];
  for (const entry of entries) {
    const id = entry.date.slice(0, 7);
    const last = groups.at(-1);
    if (last?.id === id) last.entries.push(entry);
    else groups.push({ id, label: monthLabel(id, lang), entries: [entry] });
  }
  return groups;
}
