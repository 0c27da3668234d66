/**
 * The curated calendar past 2025 and the "not yet sourced" boundary. Dates hand-checked against
 * the publishers' statements named in calendar/catalysts.ts: FOMC decisions (second meeting day,
 * 14:00 ET) from the Committee's press releases of 9 August 2024 (2025–2026) and 5 September 2025
 * (2027 and January 2028); BLS and BEA dates only as far as an official page held here states them.
 */
import { describe, expect, it } from 'vitest';
import {
  CALENDAR,
  SCHEDULES,
  calendarCovers,
  catalystsWithin,
  lastFriday,
  releasesInSession,
  unsourcedKinds,
} from '../../pipeline/analysis/calendar/catalysts.js';

const at = (list: ReturnType<typeof catalystsWithin>) =>
  list.map((c) => [c.date, c.kind, c.time === undefined ? undefined : new Date(c.time).toISOString()]);

describe('the calendar through 2026 and 2027', () => {
  it('brief day 1 December 2026: the FOMC decision of 9 December, 14:00 EST = 19:00 UTC; the minutes, CPI, PPI, payrolls and PCE not yet sourced', () => {
    // Window 2–15 December 2026. The December expiry (last Friday, 25 December) is ten days past it;
    // the November one (27 November) is before it.
    expect(at(catalystsWithin('2026-12-01', 14))).toEqual([['2026-12-09', 'fomc', '2026-12-09T19:00:00.000Z']]);
    expect(unsourcedKinds('2026-12-15')).toEqual(['minutes', 'cpi', 'ppi', 'payrolls', 'pce']);
    expect(calendarCovers('2026-12-15')).toBe(false);
  });

  it('brief day 14 December 2026: the December quarterly expiry falls on Christmas Day, 25 December 08:00 UTC', () => {
    // Deribit's contract policy: monthly and quarterly contracts expire on the last Friday of the
    // month at 08:00 UTC, with no holiday exception stated; on 25 December 2020, also a Friday,
    // its quarterly BTC options did expire on Christmas Day. So the computed rule stands.
    const list = catalystsWithin('2026-12-14', 14);
    expect(at(list)).toEqual([['2026-12-25', 'expiry', '2026-12-25T08:00:00.000Z']]);
    expect(list[0]!.name).toEqual({ zh: 'Deribit 季度期权与期货交割', en: 'Deribit quarterly options and futures expiry' });
    expect(lastFriday(2026, 11)).toBe('2026-12-25');
  });

  it('brief day 20 January 2027: the January 2027 FOMC decision (27 January) and the monthly expiry (29 January)', () => {
    expect(at(catalystsWithin('2027-01-20', 14))).toEqual([
      ['2027-01-27', 'fomc', '2027-01-27T19:00:00.000Z'],
      ['2027-01-29', 'expiry', '2027-01-29T08:00:00.000Z'],
    ]);
  });

  it('lists the 2027 FOMC decision days of the 5 September 2025 schedule, and January 2028', () => {
    const fomc = CALENDAR.filter((c) => c.kind === 'fomc' && c.date >= '2027-01-01').map((c) => c.date);
    expect(fomc).toEqual([
      '2027-01-27',
      '2027-03-17',
      '2027-04-28',
      '2027-06-09',
      '2027-07-28',
      '2027-09-15',
      '2027-10-27',
      '2027-12-08',
      '2028-01-26',
    ]);
    // June 2027: 14:00 EDT = 18:00 UTC.
    expect(new Date(CALENDAR.find((c) => c.date === '2027-06-09')!.time!).toISOString()).toBe('2027-06-09T18:00:00.000Z');
  });

  it('the 2025 shutdown: September payrolls on 20 November, September PCE on 5 December at 10:00 ET, October CPI and payrolls absent', () => {
    const of = (kind: string, from: string, to: string) => CALENDAR.filter((c) => c.kind === kind && c.date >= from && c.date <= to);
    expect(of('payrolls', '2025-09-06', '2025-12-31').map((c) => c.date)).toEqual(['2025-11-20']);
    expect(of('cpi', '2025-09-12', '2025-12-31').map((c) => c.date)).toEqual(['2025-10-24', '2025-12-18']);
    expect(at(of('pce', '2025-09-27', '2025-12-31'))).toEqual([['2025-12-05', 'pce', '2025-12-05T15:00:00.000Z']]);
    // The December 2025 PCE report (20 February 2026) is listed without a time: none is stated.
    expect(at(of('pce', '2026-01-01', '2026-12-31'))).toEqual([['2026-02-20', 'pce', undefined]]);
  });

  it('each schedule is known up to its last date or further, never past a listed gap', () => {
    for (const s of SCHEDULES) {
      const dates = CALENDAR.filter((c) => c.kind === s.kind).map((c) => c.date);
      expect(dates.filter((d) => d <= s.knownThrough).at(-1)).toBe(s.knownThrough);
    }
    // PCE: 20 February 2026 is listed, but the October and November 2025 reports before it are not
    // held, so a brief in January 2026 says PCE is not yet sourced rather than "no catalyst".
    expect(unsourcedKinds('2026-01-20')).toEqual(['minutes', 'cpi', 'ppi', 'payrolls', 'pce']);
    // PPI is held through 10 September 2025 (the later 2025 releases moved in the shutdown).
    expect(unsourcedKinds('2025-09-10')).toEqual([]);
    expect(unsourcedKinds('2025-09-11')).toEqual(['ppi']);
    expect(unsourcedKinds('2025-11-21')).toEqual(['ppi', 'payrolls']);
  });
});

describe('"no scheduled catalyst in the next two weeks" on real days', () => {
  it('real two-week windows with nothing in them exist in the sourced calendar', () => {
    // The six kinds of release and the monthly expiry do not cover every fortnight. Brief day
    // 11 April 2024, window 12–25 April: CPI and the minutes were 10 April, PPI 11 April, the
    // expiry and PCE 26 April. 13 June 2024, window 14–27 June: FOMC 12 June, PPI 13 June, PCE
    // and the quarterly expiry 28 June.
    for (const day of ['2024-04-11', '2024-06-13']) {
      const end = new Date(Date.parse(`${day}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
      expect(catalystsWithin(day, 14)).toEqual([]);
      expect(calendarCovers(end)).toBe(true);
    }
    // The day after either end of such a window has a catalyst again.
    expect(at(catalystsWithin('2024-04-12', 14))).toEqual([
      ['2024-04-26', 'expiry', '2024-04-26T08:00:00.000Z'],
      ['2024-04-26', 'pce', '2024-04-26T12:30:00.000Z'],
    ]);
  });
});

describe("the releases a US session carried (the macro paragraph's dated event)", () => {
  it('11 January 2024: CPI at 08:30 EST = 13:30 UTC, before the 16:00 close', () => {
    expect(at(releasesInSession('2024-01-11'))).toEqual([['2024-01-11', 'cpi', '2024-01-11T13:30:00.000Z']]);
  });

  it('3 July 2024: the minutes at 14:00 EDT came after the 13:00 early close (none); 2 August 2024: payrolls at 08:30 EDT = 12:30 UTC', () => {
    expect(at(releasesInSession('2024-07-03'))).toEqual([]);
    expect(at(releasesInSession('2024-08-02'))).toEqual([['2024-08-02', 'payrolls', '2024-08-02T12:30:00.000Z']]);
  });

  it('a session without a release, and expiries (not releases), give none: 4 January 2024; 26 April 2024 has PCE only', () => {
    expect(releasesInSession('2024-01-04')).toEqual([]);
    expect(at(releasesInSession('2024-04-26'))).toEqual([['2024-04-26', 'pce', '2024-04-26T12:30:00.000Z']]);
  });

  it('names minutes by their meeting: 3 January 2024 the December (2023) meeting', () => {
    expect(releasesInSession('2024-01-03')[0]!.name).toEqual({
      zh: '美联储公布 12 月 FOMC 会议纪要',
      en: "the minutes of the Fed's December meeting",
    });
    expect(releasesInSession('2024-01-03')[0]!.name.zh).toBe('美联储公布 12 月 FOMC 会议纪要');
  });
});
