/**
 * US equity market timing, for ETF days and the macro session: an ETF's daily figures for a date
 * are final at that date's New York close — 16:00 (21:00 UTC in winter, 20:00 UTC in summer), or
 * 13:00 on the exchanges' early-close days — and no session trades on their holidays.
 *
 * Holidays and early closes: NYSE Group's calendars ("NYSE Group Announces 2022, 2023 and 2024
 * Holiday and Early Closings Calendar", 27 December 2021; "… 2025, 2026 and 2027 …", 8 November
 * 2024), held through `US_MARKET_KNOWN_THROUGH`. Past it a date is taken as a regular session.
 */
import { TZDate } from '@date-fns/tz';

/** The last day the two lists below are known for (YYYY-MM-DD). */
export const US_MARKET_KNOWN_THROUGH = '2026-12-31';

/** Full closures, New York dates. */
const HOLIDAYS: ReadonlySet<string> = new Set([
  ...[
    '2023-01-02',
    '2023-01-16',
    '2023-02-20',
    '2023-04-07',
    '2023-05-29',
    '2023-06-19',
    '2023-07-04',
    '2023-09-04',
    '2023-11-23',
    '2023-12-25',
  ],
  ...[
    '2024-01-01',
    '2024-01-15',
    '2024-02-19',
    '2024-03-29',
    '2024-05-27',
    '2024-06-19',
    '2024-07-04',
    '2024-09-02',
    '2024-11-28',
    '2024-12-25',
  ],
  ...[
    '2025-01-01',
    '2025-01-20',
    '2025-02-17',
    '2025-04-18',
    '2025-05-26',
    '2025-06-19',
    '2025-07-04',
    '2025-09-01',
    '2025-11-27',
    '2025-12-25',
  ],
  ...[
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-04-03',
    '2026-05-25',
    '2026-06-19',
    '2026-07-03',
    '2026-09-07',
    '2026-11-26',
    '2026-12-25',
  ],
]);

/** Sessions that close at 13:00 New York time (the day before Independence Day, after Thanksgiving, Christmas Eve). */
const EARLY_CLOSES: ReadonlySet<string> = new Set([
  '2023-07-03',
  '2023-11-24',
  '2024-07-03',
  '2024-11-29',
  '2024-12-24',
  '2025-07-03',
  '2025-11-28',
  '2025-12-24',
  '2026-11-27',
  '2026-12-24',
]);

export function isUsMarketHoliday(date: string): boolean {
  return HOLIDAYS.has(date);
}

export function isUsEarlyClose(date: string): boolean {
  return EARLY_CLOSES.has(date);
}

/** A New York wall-clock time on a `YYYY-MM-DD` date (daylight saving from the tz database), ms UTC. */
export function newYorkTime(date: string, hour: number, minute: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, hour, minute, 0, 'America/New_York').getTime();
}

/** The New York close of a `YYYY-MM-DD` trading day (16:00, or 13:00 on an early-close day), ms UTC. */
export function usCloseInstant(date: string): number {
  return newYorkTime(date, isUsEarlyClose(date) ? 13 : 16, 0);
}

/**
 * The ETF day for a brief window: the latest of `dates` whose US close falls before the window
 * ends. For a 4 January 2024 brief in UTC+8 (window ends 16:00 UTC on the 4th) that is
 * 3 January: the 4 January session closes at 21:00 UTC, after the window.
 */
export function etfDayFor(dates: readonly string[], windowEnd: number): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (usCloseInstant(d) <= windowEnd && (best === undefined || d > best)) best = d;
  return best;
}

/**
 * The weekdays after `session` whose New York close came by `windowEnd` but which held no session
 * (holidays): why a brief quotes an older session ("7 月 4 日美股休市").
 */
export function holidaysSince(session: string, windowEnd: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${session}T00:00:00Z`) + 86_400_000; ; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (usCloseInstant(date) > windowEnd) break;
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && isUsMarketHoliday(date)) out.push(date);
  }
  return out;
}
