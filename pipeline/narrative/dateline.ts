/**
 * The en brief's dateline, as a wire desk writes it (config.enDateline: ET by default, UTC, or
 * the brief's own zone).
 *
 * - The dateline is the brief's day as the readers' clock has it: the date of the window's last
 *   instant in the readers' zone. A UTC+8 day ends at 11:00 ET on the same date, so the UTC+8
 *   brief for Thursday 4 January is datelined "4 January (ET)".
 * - The lead's weekday is the weekday of that same date ("on Thursday"), never the weekday of
 *   one moment inside the window in another zone: "4 January … on Wednesday" reads as a mistake.
 * - Figures from a US session (ETF volume and flows, the macro series) name their session by its
 *   weekday, "in Wednesday's US session", so a reader sees that they come from the day before;
 *   a Monday brief's last session is "Friday's". A session more than six days back is dated.
 */
import { formatDate, formatUtcOffset, formatWeekday, LOCALES, zonedDate, type Lang } from '../../kernel/locale/index.js';
import { DAY_MS } from '../../kernel/time.js';
import { md, type Md } from './markdown-escape.js';

export type DatelineConvention = 'ET' | 'UTC' | 'brief';

const ZONES: Record<Exclude<DatelineConvention, 'brief'>, string> = { ET: 'America/New_York', UTC: 'UTC' };

export interface ReaderDate {
  /** en "4 January (ET)": the brief's day by the readers' clock. */
  dateline: Md;
  /** The weekday of the dateline's date: en "Thursday". */
  readerWeekday: Md;
}

function zoneOf(convention: DatelineConvention, briefZone: string): string {
  return convention === 'brief' ? briefZone : ZONES[convention];
}

/** The dateline's date (ISO): the window's last instant (not its end, the next midnight) in the readers' zone. */
export function readerDay(convention: DatelineConvention, briefZone: string, windowEnd: number): string {
  return zonedDate(windowEnd - 1, zoneOf(convention, briefZone));
}

export function readerDate(convention: DatelineConvention, briefZone: string, windowEnd: number, lang: Lang): ReaderDate {
  const zone = zoneOf(convention, briefZone);
  const day = readerDay(convention, briefZone, windowEnd);
  const label = convention === 'brief' ? formatUtcOffset(windowEnd - 1, zone) : convention;
  return {
    dateline: md(`${formatDate(day, lang)}${LOCALES[lang].aside(label)}`),
    readerWeekday: md(formatWeekday(day, lang)),
  };
}

/**
 * A US session's date as the brief names it. en: "Wednesday's US session" when it is the
 * dateline's day or one of the six before, else "the 3 January US session"; zh: the date
 * ("1 月 3 日"), which the zh templates label （美东交易日） themselves.
 */
export function usSession(sessionIso: string, readerIso: string, lang: Lang): string {
  const daysBack = Math.round((Date.parse(`${readerIso}T00:00:00Z`) - Date.parse(`${sessionIso}T00:00:00Z`)) / DAY_MS);
  return US_SESSION[lang]({
    date: formatDate(sessionIso, lang),
    weekday: formatWeekday(sessionIso, lang),
    withinWeek: daysBack >= 0 && daysBack <= 6,
  });
}

/** A US session's name from its formatted date and weekday, and whether it is within the week before the dateline. */
const US_SESSION = {
  zh: (d) => d.date,
  en: (d) => (d.withinWeek ? `${d.weekday}'s US session` : `the ${d.date} US session`),
} as const satisfies Record<Lang, (d: { date: string; weekday: string; withinWeek: boolean }) => string>;
