/**
 * The en dateline, weekday and US-session wording follow the wire rule (pipeline/narrative/dateline.ts),
 * checked by hand against the calendar: 1 January 2024 was a Monday, so 3 January a Wednesday and
 * 4 January a Thursday; 1 August 2024 was a Thursday, so 2 August a Friday and 5 August a Monday.
 */
import { describe, expect, it } from 'vitest';
import { readerDate, readerDay, usSession } from '../../pipeline/narrative/dateline.js';

// The UTC+8 day 4 January 2024 runs 2024-01-03T16:00Z – 2024-01-04T16:00Z; its last instant is
// 10:59:59 on 4 January in New York (EST, UTC−5) and 15:59:59 in UTC.
const THU_END = Date.parse('2024-01-04T16:00:00Z');
// The UTC+8 day 5 August 2024 (a Monday) ends at 2024-08-05T16:00Z, 11:59:59 EDT (UTC−4) the same date.
const MON_END = Date.parse('2024-08-05T16:00:00Z');

describe('the en dateline', () => {
  it('a UTC+8 Thursday is datelined Thursday 4 January in every convention', () => {
    expect(readerDate('ET', 'Asia/Shanghai', THU_END, 'en')).toEqual({ dateline: '4 January (ET)', readerWeekday: 'Thursday' });
    expect(readerDate('UTC', 'Asia/Shanghai', THU_END, 'en')).toEqual({ dateline: '4 January (UTC)', readerWeekday: 'Thursday' });
    expect(readerDate('brief', 'Asia/Shanghai', THU_END, 'en')).toEqual({ dateline: '4 January (UTC+8)', readerWeekday: 'Thursday' });
  });

  it("its ETF and macro figures come from Wednesday's US session", () => {
    expect(usSession('2024-01-03', readerDay('ET', 'Asia/Shanghai', THU_END), 'en')).toBe("Wednesday's US session");
  });

  it("a Monday's last US session was Friday's", () => {
    expect(readerDate('ET', 'Asia/Shanghai', MON_END, 'en')).toEqual({ dateline: '5 August (ET)', readerWeekday: 'Monday' });
    expect(usSession('2024-08-02', readerDay('ET', 'Asia/Shanghai', MON_END), 'en')).toBe("Friday's US session");
  });

  it('a session more than six days back is dated, and zh keeps the date', () => {
    expect(usSession('2024-07-26', '2024-08-05', 'en')).toBe('the 26 July US session');
    expect(usSession('2024-08-02', '2024-08-05', 'zh')).toBe('8 月 2 日');
  });

  it('uses the last instant of the window, not the next midnight', () => {
    // A UTC day ends at 00:00Z the next day: still Sunday 31 December in UTC.
    expect(readerDate('UTC', 'UTC', Date.parse('2024-01-01T00:00:00Z'), 'en')).toEqual({
      dateline: '31 December (UTC)',
      readerWeekday: 'Sunday',
    });
  });
});
