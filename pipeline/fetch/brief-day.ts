/**
 * Which day a fetch or run briefs. By default the last complete calendar day in the configured
 * timezone: the scheduler runs at 07:17 UTC+8 (23:17 UTC), when the UTC+8 day before has ended
 * and today has seven hours. A day that has not ended is briefed only on request (`--as-of now`),
 * and then worded as of its time, never as a close.
 */
import { UsageError } from '../../kernel/errors.js';
import { briefWindow, dateIn } from '../../kernel/time.js';

export interface BriefDayRequest {
  /** `--date`, YYYY-MM-DD in the configured timezone. */
  date?: string;
  /** `--as-of now`: brief the day so far. */
  asOfNow?: boolean;
}

export interface BriefDay {
  date: string;
  /** Set for a part-day brief: the instant it is as of (ms UTC). */
  partialAsOf?: number;
}

/** The calendar day before the one `now` falls in, in `timezone`: the last one that has ended. */
export function lastCompleteDay(timezone: string, now: number): string {
  const today = briefWindow(dateIn(timezone, now), timezone);
  return dateIn(timezone, today.start - 1);
}

export function resolveBriefDay(request: BriefDayRequest, timezone: string, now: number): BriefDay {
  const date = request.date ?? (request.asOfNow ? dateIn(timezone, now) : lastCompleteDay(timezone, now));
  const window = briefWindow(date, timezone);
  if (window.start > now) throw new UsageError(`--date ${date} has not begun in ${timezone}`);
  if (request.asOfNow) {
    if (window.end <= now)
      throw new UsageError(`--as-of now is for the day in progress; ${date} has already ended in ${timezone} (leave out --as-of)`);
    return { date, partialAsOf: now };
  }
  if (window.end > now) {
    throw new UsageError(
      `${date} has not ended in ${timezone} (it ends ${new Date(window.end).toISOString()}); ` +
        `leave out --date for the last complete day (${lastCompleteDay(timezone, now)}), or add --as-of now for a brief of the day so far`,
    );
  }
  return { date };
}
