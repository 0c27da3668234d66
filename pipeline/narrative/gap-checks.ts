/**
 * Reader words for a structured gap check (a quarantine, missing hours, a missing ETF session, a
 * fallback): what was left out or substituted, and which figures that touches, in the brief's
 * language and timezone (the sentences are gap-words.ts's). The snapshot's English `reason`
 * never reaches a reader through here.
 */
import { formatDate, formatList, formatTime, formatUtcOffset, type Lang } from '../../kernel/locale/index.js';
import type { GapCheck, GapFigure } from '../../kernel/snapshot/index.js';
import { gapWords } from './gap-words.js';
import { providerName } from './names.js';
import { HOUR_MS } from '../../kernel/time.js';

/** Hours named in full; more are summarised ("…, and 9 more"). */
const MAX_NAMED_HOURS = 6;

const FIGURES: Record<GapFigure, Record<Lang, string>> = {
  low: { zh: '低点', en: 'low' },
  high: { zh: '高点', en: 'high' },
  close: { zh: '收盘价', en: 'close' },
  change: { zh: '涨跌幅', en: 'change' },
  drawdown: { zh: '回撤', en: 'drawdown' },
  volume: { zh: '成交量', en: 'volume' },
  total: { zh: '合计', en: 'total' },
};

/** "03:00、04:00（UTC+8）" / "03:00 and 04:00 (UTC+8)", at most MAX_NAMED_HOURS named. */
export function hoursLabel(times: readonly number[], lang: Lang, tz: string): string {
  const words = gapWords(lang);
  const named = times.slice(0, MAX_NAMED_HOURS).map((t) => formatTime(t, tz));
  const rest = times.length - named.length;
  if (rest > 0) named.push(words.moreHours(rest));
  const offset = times.length ? formatUtcOffset(times[0]!, tz) : 'UTC';
  return words.hoursWithZone(formatList(named, lang), offset);
}

function figuresLabel(figures: readonly GapFigure[] | undefined, lang: Lang): string {
  return formatList(
    (figures ?? []).map((f) => FIGURES[f][lang]),
    lang,
  );
}

/**
 * Why (and with what effect) for a gap carrying a check, in the words of gap-words.ts.
 * `windowHours` is the brief window's length in hours (for "22 of 24 hours"); `source` the
 * provider the gap names.
 */
export function checkReason(check: GapCheck, source: string, lang: Lang, tz: string, windowHours: number): string {
  const times = check.times ?? [];
  const n = times.length;
  return gapWords(lang).checks[check.name]({
    n,
    hours: hoursLabel(times, lang, tz),
    figures: figuresLabel(check.figures, lang),
    covered: Math.max(0, windowHours - n),
    windowHours,
    day: check.date ? formatDate(check.date, lang) : '',
    by: providerName(check.substitute ?? '', lang),
    down: providerName(source, lang),
  });
}

/** Hours in a window [start, end). */
export function windowHoursOf(window: { start: number; end: number }): number {
  return Math.round((window.end - window.start) / HOUR_MS);
}
