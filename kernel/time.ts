/**
 * Calendar arithmetic for the brief's window. The brief's day is a calendar day in the
 * configured IANA zone (Asia/Shanghai, UTC+8, by default); everything else is ms UTC.
 */
import { TZDate } from '@date-fns/tz';

/** The brief's day: a calendar day in `timezone`, as the UTC interval [start, end) in ms. */
export interface BriefWindow {
  date: string;
  timezone: string;
  start: number;
  end: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** [start, end) of `date` (YYYY-MM-DD) in `timezone`, ms UTC. */
export function briefWindow(date: string, timezone: string): BriefWindow {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new TZDate(year, month - 1, day, timezone).getTime();
  const end = new TZDate(year, month - 1, day + 1, timezone).getTime();
  return { date, timezone, start, end };
}

/** The calendar date (YYYY-MM-DD) of instant `ms` in `timezone`. */
export function dateIn(timezone: string, ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(ms),
  );
  const get = (type: string): string => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Today's date in `timezone` (the default brief day). */
export function todayIn(timezone: string, now: number): string {
  return dateIn(timezone, now);
}

/** The UTC date (YYYY-MM-DD) of `ms`. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC at or before `ms`. */
export function floorUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}
