/** The en dateline and weekday follow the readers' convention, computed by hand for 4 January 2024. */
import { describe, expect, it } from 'vitest';
import { readerDate } from '../../pipeline/narrative/dateline.js';

// The UTC+8 day 2024-01-04 ends at 2024-01-04T16:00Z; BTC's low was at 06:00 UTC+8 = 2024-01-03T22:00Z,
// 17:00 on Wednesday 3 January in New York (EST, UTC−5) and 22:00 Wednesday in UTC.
const END = Date.parse('2024-01-04T16:00:00Z');
const LOW = Date.parse('2024-01-03T22:00:00Z');

describe('readerDate', () => {
  it('dates an ET wrap by New York time and names the New York weekday of the low', () => {
    expect(readerDate('ET', 'Asia/Shanghai', END, LOW, 'en')).toEqual({ dateline: '4 January (ET)', readerWeekday: 'Wednesday' });
  });
  it('works in UTC and in the brief zone too', () => {
    expect(readerDate('UTC', 'Asia/Shanghai', END, LOW, 'en')).toEqual({ dateline: '4 January (UTC)', readerWeekday: 'Wednesday' });
    expect(readerDate('brief', 'Asia/Shanghai', END, LOW, 'en')).toEqual({ dateline: '4 January (UTC+8)', readerWeekday: 'Thursday' });
  });
  it('uses the last instant of the window, not the next midnight', () => {
    // A UTC day ends at 00:00Z the next day: still 31 December in UTC.
    expect(readerDate('UTC', 'UTC', Date.parse('2024-01-01T00:00:00Z'), Date.parse('2023-12-31T12:00:00Z'), 'en').dateline).toBe(
      '31 December (UTC)',
    );
  });
});
