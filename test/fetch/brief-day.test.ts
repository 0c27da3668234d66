/**
 * Which day is briefed: the last complete calendar day in the configured timezone by default
 * (the scheduler runs at 23:17 UTC = 07:17 UTC+8), a day in progress only with --as-of now.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../kernel/errors.js';
import { lastCompleteDay, resolveBriefDay } from '../../pipeline/fetch/brief-day.js';

const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);

describe('the brief day', () => {
  it('at the scheduled 23:17 UTC is the UTC+8 day that ended seven hours before', () => {
    // 2026-12-01 23:17 UTC = 2026-12-02 07:17 UTC+8: 1 December (UTC+8) ended at 16:00 UTC.
    expect(lastCompleteDay(SHANGHAI, at('2026-12-01T23:17:00Z'))).toBe('2026-12-01');
    expect(resolveBriefDay({}, SHANGHAI, at('2026-12-01T23:17:00Z'))).toEqual({ date: '2026-12-01' });
  });

  it('turns at midnight in the configured zone, not at midnight UTC', () => {
    expect(lastCompleteDay(SHANGHAI, at('2026-12-01T15:59:59Z'))).toBe('2026-11-30'); // 23:59:59 UTC+8 on 1 Dec
    expect(lastCompleteDay(SHANGHAI, at('2026-12-01T16:00:00Z'))).toBe('2026-12-01'); // 00:00 UTC+8 on 2 Dec
    expect(lastCompleteDay('America/New_York', at('2026-12-01T23:17:00Z'))).toBe('2026-11-30'); // 18:17 EST on 1 Dec
    expect(lastCompleteDay(SHANGHAI, at('2027-01-01T02:00:00Z'))).toBe('2026-12-31'); // across a year
  });

  it('refuses a day that has not ended unless --as-of now asks for a part-day brief', () => {
    const now = at('2026-12-01T23:17:00Z'); // 07:17 on 2 Dec, UTC+8
    expect(() => resolveBriefDay({ date: '2026-12-02' }, SHANGHAI, now)).toThrow(UsageError);
    expect(() => resolveBriefDay({ date: '2026-12-02' }, SHANGHAI, now)).toThrow(
      /2026-12-02 has not ended in Asia\/Shanghai .*leave out --date for the last complete day \(2026-12-01\), or add --as-of now/,
    );
    expect(resolveBriefDay({ asOfNow: true }, SHANGHAI, now)).toEqual({ date: '2026-12-02', partialAsOf: now });
    expect(resolveBriefDay({ date: '2026-12-02', asOfNow: true }, SHANGHAI, now)).toEqual({ date: '2026-12-02', partialAsOf: now });
    expect(() => resolveBriefDay({ date: '2026-12-01', asOfNow: true }, SHANGHAI, now)).toThrow(/already ended/);
    expect(() => resolveBriefDay({ date: '2026-12-05' }, SHANGHAI, now)).toThrow(/has not begun/);
  });

  it('takes --date as given for a past day', () => {
    expect(resolveBriefDay({ date: '2024-01-04' }, SHANGHAI, at('2026-12-01T23:17:00Z'))).toEqual({ date: '2024-01-04' });
  });
});
