/**
 * Time zone arithmetic for chart axes, independent of the machine's TZ and locale.
 *
 * Vega formats dates with the process time zone unless a scale is `utc`. Charts therefore move
 * every instant to its wall-clock time in the brief's zone and encode it as if it were UTC
 * ("wall-clock ms"), then use `utc` scales: the axis shows 08:00 for 00:00 UTC in UTC+8 whatever
 * TZ the renderer runs under. The zone offset comes from Intl with a fixed locale (ICU's tz data).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of `timeZone` from UTC at instant `t` (ms UTC), in ms: UTC+8 → 28,800,000. */
export function zoneOffsetMs(t: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const wallAsUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const wholeSecond = Math.floor(t / 1000) * 1000;
  const offset = wallAsUtc - wholeSecond;
  if (!Number.isFinite(offset)) throw new RangeError(`cannot resolve time zone ${JSON.stringify(timeZone)}`);
  return offset;
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
 * A reader's name for the zone at `t`: 'UTC+8', 'UTC−5', 'UTC+5:30', 'UTC'; in Chinese UTC+8 is
 * 东八区 (how Chinese briefs name it), other offsets keep the UTC form.
 */
export function zoneLabel(timeZone: string, t: number, lang: 'zh' | 'en'): string {
  const offsetMinutes = Math.round(zoneOffsetMs(t, timeZone) / 60_000);
  if (lang === 'zh' && offsetMinutes === 480) return '东八区';
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '−';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${pad2(minutes)}` : ''}`;
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
