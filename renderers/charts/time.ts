/**
 * Time zone arithmetic for chart axes, independent of the machine's TZ and locale.
 *
 * Vega formats dates with the process time zone unless a scale is `utc`. Charts therefore move
 * every instant to its wall-clock time in the brief's zone and encode it as if it were UTC
 * ("wall-clock ms"), then use `utc` scales: the axis shows 08:00 for 00:00 UTC in UTC+8 whatever
 * TZ the renderer runs under. The zone offset comes from Intl with a fixed locale (ICU's tz data).
 */
import { formatUtcOffset, zonedParts } from '../../kernel/locale/index.js';
import type { Lang } from '../../kernel/lang.js';
import { labelsFor } from './labels.js';

/** Offset of `timeZone` from UTC at instant `t` (ms UTC), in ms: UTC+8 → 28,800,000 (the kernel's Intl reading). */
export function zoneOffsetMs(t: number, timeZone: string): number {
  return zonedParts(t, timeZone).offsetMinutes * 60_000;
}

/** The wall-clock time of `t` in `timeZone`, expressed as ms that read correctly as UTC. */
export function wallClockMs(t: number, timeZone: string): number {
  return t + zoneOffsetMs(t, timeZone);
}

/** `HH:MM` of `t` on the wall clock of `timeZone`. */
export function wallClockHHMM(t: number, timeZone: string): string {
  const d = new Date(wallClockMs(t, timeZone));
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** `MM-DD` of `t` on the wall clock of `timeZone`. */
export function wallClockMonthDay(t: number, timeZone: string): string {
  const d = new Date(wallClockMs(t, timeZone));
  return `${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * A reader's name for the zone at `t`: 'UTC+8', 'UTC−5', 'UTC+5:30', 'UTC' (the kernel's
 * formatUtcOffset), unless the language names that offset (labels.ts `zoneNames`: in Chinese
 * UTC+8 is 东八区, how Chinese briefs name it).
 */
export function zoneLabel(timeZone: string, t: number, lang: Lang): string {
  return labelsFor(lang).zoneNames[zonedParts(t, timeZone).offsetMinutes] ?? formatUtcOffset(t, timeZone);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * An instant as a vega-lite DateTime object (UTC fields). Scale domains and axis values are
 * written this way rather than as epoch numbers: vega-lite turns a number into `datetime(ms)`,
 * which vega-interpreter (the evaluator that avoids `new Function`) reads as a year, not an
 * instant; `utc(y, m, d, …)` evaluates the same in both.
 */
export function vegaDateTime(t: number): {
  utc: true;
  year: number;
  month: number;
  date: number;
  hours: number;
  minutes: number;
  seconds: number;
  milliseconds: number;
} {
  const d = new Date(t);
  return {
    utc: true,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    date: d.getUTCDate(),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
    seconds: d.getUTCSeconds(),
    milliseconds: d.getUTCMilliseconds(),
  };
}
