/**
 * Calendar dates for the release schedules: a release's instant from its stated New York time
 * (util/us-market.ts, the one New York clock), and the last Friday of a month (Deribit's monthly
 * expiry day).
 */
export { newYorkTime } from '../util/us-market.js';

/** The last Friday of a month (UTC date). */
export function lastFriday(year: number, month0: number): string {
  const last = new Date(Date.UTC(year, month0 + 1, 0));
  const back = (last.getUTCDay() - 5 + 7) % 7;
  return new Date(Date.UTC(year, month0 + 1, -back)).toISOString().slice(0, 10);
}
