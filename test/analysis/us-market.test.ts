/**
 * The exchanges' calendar (util/us-market.ts, NYSE Group's published holidays and early closes):
 * a session's close, and the holidays between an older session and the brief's window.
 */
import { describe, expect, it } from 'vitest';
import { etfDayFor, holidaysSince, isUsEarlyClose, isUsMarketHoliday, usCloseInstant } from '../../pipeline/analysis/util/us-market.js';
import { releasesInSession } from '../../pipeline/analysis/calendar/catalysts.js';

describe('US market calendar', () => {
  it('closes at 16:00 New York, 13:00 on an early-close day: 3 July 2024 at 17:00 UTC (EDT)', () => {
    expect(new Date(usCloseInstant('2024-07-02')).toISOString()).toBe('2024-07-02T20:00:00.000Z');
    expect(new Date(usCloseInstant('2024-07-03')).toISOString()).toBe('2024-07-03T17:00:00.000Z');
    expect([isUsEarlyClose('2024-11-29'), isUsEarlyClose('2024-12-24'), isUsEarlyClose('2024-12-23')]).toEqual([true, true, false]);
  });

  it('knows the holidays: 4 July and Juneteenth 2024, Good Friday 2026; not an ordinary Friday', () => {
    expect(['2024-07-04', '2024-06-19', '2026-04-03', '2024-07-05'].map(isUsMarketHoliday)).toEqual([true, true, true, false]);
  });

  it('the holidays between the quoted session and the window: 3 July → 5 July 2024 UTC+8 holds 4 July', () => {
    // The 5 July brief (UTC+8) ends at 16:00 UTC on 5 July, before that day's 20:00 UTC close.
    const windowEnd = Date.parse('2024-07-05T16:00:00Z');
    expect(etfDayFor(['2024-07-02', '2024-07-03'], windowEnd)).toBe('2024-07-03');
    expect(holidaysSince('2024-07-03', windowEnd)).toEqual(['2024-07-04']);
    // A weekend is no holiday: Friday 15 March 2024 quoted on Sunday 17 March.
    expect(holidaysSince('2024-03-15', Date.parse('2024-03-17T16:00:00Z'))).toEqual([]);
  });

  it('a 14:00 release after a 13:00 close belongs to no session of that day: the 3 July 2024 minutes', () => {
    expect(releasesInSession('2024-07-03')).toEqual([]);
    expect(releasesInSession('2024-01-03').map((c) => c.kind)).toEqual(['minutes']);
  });
});
