/**
 * US equity market timing, for ETF days: an ETF's daily figures for a date are final at the
 * 16:00 New York close of that date (21:00 UTC in winter, 20:00 UTC in summer).
 */
import { TZDate } from '@date-fns/tz';

/** The 16:00 America/New_York close of a `YYYY-MM-DD` trading day, ms UTC. */
export function usCloseInstant(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 16, 0, 0, 'America/New_York').getTime();
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
