/**
 * Calendar dates on New York's clock, for the release schedules: a release's instant from its
 * stated New York time, and the last Friday of a month (Deribit's monthly expiry day).
 */

/** 08:30 or 14:00 New York time on a date, as ms UTC (US daylight saving: second Sunday of March to first Sunday of November). */
export function newYorkTime(date: string, hour: number, minute: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const nthSunday = (month: number, n: number): number => {
    const first = new Date(Date.UTC(y, month, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + 7 * (n - 1);
  };
  const dayOfYear = Date.UTC(y, m - 1, d);
  const dst = dayOfYear >= Date.UTC(y, 2, nthSunday(2, 2)) && dayOfYear < Date.UTC(y, 10, nthSunday(10, 1));
  return Date.UTC(y, m - 1, d, hour + (dst ? 4 : 5), minute);
}

/** The last Friday of a month (UTC date). */
export function lastFriday(year: number, month0: number): string {
  const last = new Date(Date.UTC(year, month0 + 1, 0));
  const back = (last.getUTCDay() - 5 + 7) % 7;
  return new Date(Date.UTC(year, month0 + 1, -back)).toISOString().slice(0, 10);
}
