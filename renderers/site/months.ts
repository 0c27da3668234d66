/**
 * The archive by month: entries (latest first) grouped under "January 2024" / "2024 年 1 月",
 * written by the briefs' own month formatter (kernel/locale), which reads a calendar month
 * without a time zone.
 */
import type { Lang } from '../../kernel/lang.js';
import { formatMonth } from '../../kernel/locale/index.js';

export interface MonthGroup<T> {
  /** `2024-01`, also the section's id. */
  id: string;
  label: string;
  entries: T[];
}

export function monthLabel(month: string, lang: Lang): string {
  return formatMonth(`${month}-01`, lang);
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
