/**
 * The en brief's dateline and weekday in its readers' convention, not the brief's zone: a wire
 * wrap for US readers dates itself in New York time ("4 January (ET)") and says the move came
 * "on Wednesday" when the low fell on a Wednesday evening in New York, though it was Thursday
 * morning in UTC+8. `config.enDateline` picks ET (default), UTC or the brief's own zone.
 */
import { formatDate, formatUtcOffset, formatWeekday, zonedDate, type Lang } from '../../kernel/locale/format.js';
import { md, type Md } from './markdown-escape.js';

export type DatelineConvention = 'ET' | 'UTC' | 'brief';

const ZONES: Record<Exclude<DatelineConvention, 'brief'>, string> = { ET: 'America/New_York', UTC: 'UTC' };

export interface ReaderDate {
  /** en "4 January (ET)": the date the brief is read on, at the end of its window, in the readers' zone. */
  dateline: Md;
  /** The weekday of the move's key moment in the readers' zone: en "Wednesday". */
  readerWeekday: Md;
}

export function readerDate(convention: DatelineConvention, briefZone: string, windowEnd: number, keyTime: number, lang: Lang): ReaderDate {
  const zone = convention === 'brief' ? briefZone : ZONES[convention];
  // The window's last instant, not its end (which is the next day's midnight in the brief's zone).
  const published = zonedDate(windowEnd - 1, zone);
  const label = convention === 'brief' ? formatUtcOffset(windowEnd - 1, zone) : convention;
  return {
    dateline: md(lang === 'zh' ? `${formatDate(published, 'zh')}（${label}）` : `${formatDate(published, 'en')} (${label})`),
    readerWeekday: md(formatWeekday(zonedDate(keyTime, zone), lang)),
  };
}
