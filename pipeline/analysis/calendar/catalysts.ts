/**
 * Dated catalysts for the "what to watch" paragraph: a curated, sourced calendar of US macro
 * releases and Fed decisions, and Deribit's monthly and quarterly expiries, computed (the last
 * Friday of each month, 08:00 UTC; March, June, September and December are the quarterlies).
 *
 * Release dates are the publishers' own schedules (links below); a date not stated by its
 * agency is not listed rather than guessed. Each schedule says how far it is known
 * (`knownThrough`): up to that day every release of its kind is listed, so "nothing scheduled"
 * can be claimed; past it a release may exist that the calendar does not hold, and the brief
 * says so (`unsourcedKinds`). Times are those of the release (ET), stored as UTC instants.
 */

import { usCloseInstant } from '../util/us-market.js';
import { lastFriday, newYorkTime } from './new-york.js';

export { lastFriday, newYorkTime };

/** The kinds of catalyst, scheduled releases first: one list for the types and the schemas. */
export const SCHEDULED_KINDS = ['fomc', 'minutes', 'cpi', 'ppi', 'payrolls', 'pce'] as const;
export const CATALYST_KINDS = [...SCHEDULED_KINDS, 'expiry'] as const;
export type CatalystKind = (typeof CATALYST_KINDS)[number];
export type ScheduledKind = (typeof SCHEDULED_KINDS)[number];

export interface Catalyst {
  /** YYYY-MM-DD, UTC. */
  readonly date: string;
  /** The release instant, ms UTC, when known. */
  readonly time?: number;
  readonly kind: CatalystKind;
  readonly name: { readonly zh: string; readonly en: string };
  readonly url: string;
}

const FED = 'https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm';
const CPI = 'https://www.bls.gov/schedule/news_release/cpi.htm';
const PPI = 'https://www.bls.gov/schedule/news_release/ppi.htm';
const EMPSIT = 'https://www.bls.gov/schedule/news_release/empsit.htm';
const PCE = 'https://www.bea.gov/news/schedule';
const DERIBIT = 'https://support.deribit.com/hc/en-us/articles/25944688876957-Contract-Introduction-Policy';

/** One publisher's schedule of one kind of release. */
interface Schedule {
  readonly kind: ScheduledKind;
  readonly name: Catalyst['name'];
  readonly url: string;
  /** The usual release time, New York. */
  readonly at: readonly [hour: number, minute: number];
  /** Release days; a `[date, hour, minute]` entry has its own time, a `[date]` entry none stated. */
  readonly dates: readonly (string | readonly [string] | readonly [string, number, number])[];
  /** Every release of this kind up to this day (YYYY-MM-DD) is in `dates`. */
  readonly knownThrough: string;
}

/**
 * FOMC decision days (the second day of each meeting), 14:00 ET. 2024: the Committee's calendar;
 * 2025–2026 and the January 2027 meeting: its press release of 9 August 2024; 2027 and the
 * January 2028 meeting: its press release of 5 September 2025 ("tentative meeting schedule for
 * 2027"; statement at 2 p.m. ET on the second day). The December 2023 meeting (13 December, the
 * Committee's 2023 calendar) names the minutes of 3 January 2024.
 */
const FOMC: Schedule = {
  kind: 'fomc',
  name: { zh: '美联储 FOMC 利率决议', en: 'the FOMC rate decision' },
  url: FED,
  at: [14, 0],
  dates: [
    '2023-12-13',
    '2024-01-31',
    '2024-03-20',
    '2024-05-01',
    '2024-06-12',
    '2024-07-31',
    '2024-09-18',
    '2024-11-07',
    '2024-12-18',
    '2025-01-29',
    '2025-03-19',
    '2025-05-07',
    '2025-06-18',
    '2025-07-30',
    '2025-09-17',
    '2025-10-29',
    '2025-12-10',
    '2026-01-28',
    '2026-03-18',
    '2026-04-29',
    '2026-06-17',
    '2026-07-29',
    '2026-09-16',
    '2026-10-28',
    '2026-12-09',
    '2027-01-27',
    '2027-03-17',
    '2027-04-28',
    '2027-06-09',
    '2027-07-28',
    '2027-09-15',
    '2027-10-27',
    '2027-12-08',
    '2028-01-26',
  ],
  knownThrough: '2028-01-26',
};

/**
 * FOMC minutes, 14:00 ET, three weeks after each decision: the release days the Committee's
 * calendar page lists beside each meeting ("Minutes: Released …"), 2024 and 2025. The minutes
 * of the December 2025 meeting (30 December 2025) are the last held here.
 */
const MINUTES: Schedule = {
  kind: 'minutes',
  name: { zh: '美联储公布 FOMC 会议纪要', en: "the minutes of the Fed's last policy meeting" },
  url: FED,
  at: [14, 0],
  dates: [
    '2024-01-03',
    '2024-02-21',
    '2024-04-10',
    '2024-05-22',
    '2024-07-03',
    '2024-08-21',
    '2024-10-09',
    '2024-11-26',
    '2025-01-08',
    '2025-02-19',
    '2025-04-09',
    '2025-05-28',
    '2025-07-09',
    '2025-08-20',
    '2025-10-08',
    '2025-11-19',
    '2025-12-30',
  ],
  knownThrough: '2025-12-30',
};

/**
 * CPI releases, 08:30 ET. 2025: the September release moved to 24 October (BLS notice of
 * 10 October 2025), the October release was cancelled and November's moved to 18 December
 * (the lapse in appropriations). No BLS schedule page for 2026 is held here: CPI dates after
 * 18 December 2025 are not listed.
 */
const CPI_SCHEDULE: Schedule = {
  kind: 'cpi',
  name: { zh: '美国 CPI 数据公布', en: 'the US CPI release' },
  url: CPI,
  at: [8, 30],
  dates: [
    '2024-01-11',
    '2024-02-13',
    '2024-03-12',
    '2024-04-10',
    '2024-05-15',
    '2024-06-12',
    '2024-07-11',
    '2024-08-14',
    '2024-09-11',
    '2024-10-10',
    '2024-11-13',
    '2024-12-11',
    '2025-01-15',
    '2025-02-12',
    '2025-03-12',
    '2025-04-10',
    '2025-05-13',
    '2025-06-11',
    '2025-07-15',
    '2025-08-12',
    '2025-09-11',
    '2025-10-24',
    '2025-12-18',
  ],
  knownThrough: '2025-12-18',
};

/**
 * Producer Price Index releases, 08:30 ET (BLS release schedule for the PPI), 2024 through
 * 10 September 2025. The later 2025 releases moved with the lapse in appropriations and are not
 * held here.
 */
const PPI_SCHEDULE: Schedule = {
  kind: 'ppi',
  name: { zh: '美国 PPI 数据公布', en: 'the US PPI release' },
  url: PPI,
  at: [8, 30],
  dates: [
    '2024-01-12',
    '2024-02-16',
    '2024-03-14',
    '2024-04-11',
    '2024-05-14',
    '2024-06-13',
    '2024-07-12',
    '2024-08-13',
    '2024-09-12',
    '2024-10-11',
    '2024-11-14',
    '2024-12-12',
    '2025-01-14',
    '2025-02-13',
    '2025-03-13',
    '2025-04-11',
    '2025-05-15',
    '2025-06-12',
    '2025-07-16',
    '2025-08-14',
    '2025-09-10',
  ],
  knownThrough: '2025-09-10',
};

/**
 * Employment Situation (non-farm payrolls), 08:30 ET. 2025: the September report came out on
 * 20 November and the October report was cancelled (BLS, Current Population Survey release
 * calendar). Later dates are not held here.
 */
const PAYROLLS: Schedule = {
  kind: 'payrolls',
  name: { zh: '美国非农就业数据公布', en: 'the US payrolls report' },
  url: EMPSIT,
  at: [8, 30],
  dates: [
    '2024-01-05',
    '2024-02-02',
    '2024-03-08',
    '2024-04-05',
    '2024-05-03',
    '2024-06-07',
    '2024-07-05',
    '2024-08-02',
    '2024-09-06',
    '2024-10-04',
    '2024-11-01',
    '2024-12-06',
    '2025-01-10',
    '2025-02-07',
    '2025-03-07',
    '2025-04-04',
    '2025-05-02',
    '2025-06-06',
    '2025-07-03',
    '2025-08-01',
    '2025-09-05',
    '2025-11-20',
  ],
  knownThrough: '2025-11-20',
};

/**
 * Personal income and outlays (PCE price index), 08:30 ET. 2025: the September report came out
 * on 5 December at 10:00 instead of 31 October (BEA schedule update). The December 2025 report
 * came out on 20 February 2026 with the advance GDP estimate (BEA; no time stated here), but the
 * October and November 2025 reports between them are not held, so the schedule is known only
 * through 5 December 2025.
 */
const PCE_SCHEDULE: Schedule = {
  kind: 'pce',
  name: { zh: '美国 PCE 物价指数公布', en: 'the US PCE price index release' },
  url: PCE,
  at: [8, 30],
  dates: [
    '2024-01-26',
    '2024-02-29',
    '2024-03-29',
    '2024-04-26',
    '2024-05-31',
    '2024-06-28',
    '2024-07-26',
    '2024-08-30',
    '2024-09-27',
    '2024-10-31',
    '2024-11-27',
    '2024-12-20',
    '2025-01-31',
    '2025-02-28',
    '2025-03-28',
    '2025-04-30',
    '2025-05-30',
    '2025-06-27',
    '2025-07-31',
    '2025-08-29',
    '2025-09-26',
    ['2025-12-05', 10, 0],
    ['2026-02-20'],
  ],
  knownThrough: '2025-12-05',
};

export const SCHEDULES: readonly Schedule[] = [FOMC, MINUTES, CPI_SCHEDULE, PPI_SCHEDULE, PAYROLLS, PCE_SCHEDULE];

function expiries(from: string, to: string): Catalyst[] {
  const out: Catalyst[] = [];
  const [y0, m0] = from.split('-').map(Number) as [number, number];
  for (let k = 0; k < 3; k++) {
    const year = y0 + Math.floor((m0 - 1 + k) / 12);
    const month0 = (m0 - 1 + k) % 12;
    const date = lastFriday(year, month0);
    if (date < from || date > to) continue;
    const quarterly = month0 % 3 === 2;
    out.push({
      date,
      time: Date.parse(`${date}T08:00:00Z`),
      kind: 'expiry',
      name: quarterly
        ? { zh: 'Deribit 季度期权与期货交割', en: 'Deribit quarterly options and futures expiry' }
        : { zh: 'Deribit 月度期权与期货交割', en: 'Deribit monthly options and futures expiry' },
      url: DERIBIT,
    });
  }
  return out;
}

function listed(schedule: Schedule): Catalyst[] {
  return schedule.dates.map((entry) => {
    const [date, hour, minute] = typeof entry === 'string' ? [entry, ...schedule.at] : entry;
    const name = schedule.kind === 'minutes' ? minutesName(date) : schedule.name;
    const base = { date, kind: schedule.kind, name, url: schedule.url };
    return hour === undefined || minute === undefined ? base : { ...base, time: newYorkTime(date, hour, minute) };
  });
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Minutes are named by their meeting, the last FOMC decision before the release ("the minutes of
 * the Fed's December meeting"); without one in the schedule, the schedule's generic name.
 */
function minutesName(date: string): Catalyst['name'] {
  const meeting = FOMC.dates
    .map((d) => (typeof d === 'string' ? d : d[0]))
    .filter((d) => d < date)
    .reduce<string | undefined>((last, d) => (last === undefined || d > last ? d : last), undefined);
  if (meeting === undefined) return MINUTES.name;
  const month = Number(meeting.slice(5, 7));
  return { zh: `美联储公布 ${month} 月 FOMC 会议纪要`, en: `the minutes of the Fed's ${MONTHS_EN[month - 1]} meeting` };
}

export const CALENDAR: readonly Catalyst[] = SCHEDULES.flatMap(listed);

/** Catalysts after `date` (YYYY-MM-DD) and within `days` days of it, by time. */
export function catalystsWithin(date: string, days: number, calendar: readonly Catalyst[] = CALENDAR): Catalyst[] {
  const start = Date.parse(`${date}T00:00:00Z`);
  const to = new Date(start + days * 86_400_000).toISOString().slice(0, 10);
  return [...calendar, ...expiries(date, to)]
    .filter((c) => c.date > date && c.date <= to)
    .sort((a, b) => (a.time ?? Date.parse(a.date)) - (b.time ?? Date.parse(b.date)) || (a.kind < b.kind ? -1 : 1));
}

/**
 * The scheduled releases a US session (YYYY-MM-DD, New York) carried: those with a stated time
 * from that day's New York midnight to its close (16:00, or 13:00 on an early-close day; a
 * pre-market CPI counts, one after the close belongs to the next session), by time.
 */
export function releasesInSession(date: string, calendar: readonly Catalyst[] = CALENDAR): Catalyst[] {
  const from = newYorkTime(date, 0, 0);
  // 13:00 on an early-close day: the 3 July 2024 minutes (14:00) came after that session.
  const close = usCloseInstant(date);
  return calendar
    .filter((c) => c.kind !== 'expiry' && c.time !== undefined && c.time >= from && c.time <= close)
    .sort((a, b) => a.time! - b.time!);
}

/**
 * The kinds of release whose schedule is not known through `date` (YYYY-MM-DD): a release of
 * such a kind may fall on or before it without being listed, so the brief says the calendar is
 * not yet sourced for it instead of "no catalyst". In `SCHEDULES` order.
 */
export function unsourcedKinds(date: string, schedules: readonly Schedule[] = SCHEDULES): ScheduledKind[] {
  return schedules.filter((s) => s.knownThrough < date).map((s) => s.kind);
}

/** Whether every kind of release is known up to `date`: only then can "no catalyst" be claimed. */
export function calendarCovers(date: string, schedules: readonly Schedule[] = SCHEDULES): boolean {
  return schedules.length > 0 && unsourcedKinds(date, schedules).length === 0;
}
