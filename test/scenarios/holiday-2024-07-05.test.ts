/**
 * The US-holiday scenario (5 July 2024, UTC+8): markets shut for Independence Day, so the ETF and
 * macro figures are 3 July's; the Mt. Gox slide to 53,485.2 with ≈ 6.6e8 liquidated, 82 % longs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { windowStats } from '../fixtures/scenarios/checks.js';
import { CASES, loadCase, render, type LoadedCase } from '../narrative/brief-cases.js';
import { spot } from './helpers.js';

let loaded: LoadedCase;
let templates: TemplateSet;
beforeAll(async () => {
  loaded = loadCase(CASES.find((c) => c.name === 'holiday-2024-07-05')!);
  templates = await loadTemplates();
});
const plain = (md: string) => md.replace(/\[\^\d+\]/g, '');

describe('holiday-2024-07-05', () => {
  it('BTC touches 53,485.2 and closes −1.8 %', () => {
    const w = windowStats(spot(loaded.snapshot, 'BTC', '1h'), loaded.snapshot.window);
    expect(w.low).toBe(53_485.2);
    expect(w.close).toBe(56_610.2);
    // 56,610.2 / 57,620.4 − 1 = −0.017532
    expect(w.close / w.prevClose - 1).toBeCloseTo(-0.017532, 5);
    // High-to-low: 53,485.2 / 58,170.37 − 1 = −0.08054 (the lead's 8.1 %)
    expect(w.low / w.high - 1).toBeCloseTo(-0.08054, 4);
  });

  it('no series has a 4 July session; the last is 3 July', () => {
    const s = loaded.snapshot;
    for (const list of [s.etfs.map((e) => e.daily), s.macro.map((m) => m.daily), s.etfFlows.map((f) => f.daily)]) {
      for (const daily of list) {
        expect(daily.at(-1)!.date).toBe('2024-07-03');
        expect(daily.some((d) => d.date === '2024-07-04')).toBe(false);
      }
    }
    // 0 − 18.6 − 13.9 + 6.1 + 6.0 = −20.4 million
    expect(s.etfFlows[0]!.daily.at(-1)!.netFlowUsd).toBe(-20_400_000);
    const cg = s.liquidations.totals.find((t) => t.source === 'coinglass')!;
    expect(cg.totalUsd).toBe(664_000_000);
    // 544.48 / 664 = 0.82
    expect(cg.longUsd / cg.totalUsd).toBeCloseTo(0.82, 6);
  });

  it('the brief says 3 July for ETF and macro figures and 82 % longs of $664 million', () => {
    const en = plain(render(loaded, 'en', templates).markdown);
    const zh = plain(render(loaded, 'zh', templates).markdown);
    // The session is named by its date or its weekday (the wording may say either).
    const enUs = en.split('\n').filter((l) => /ETF flows:|ETF volume:|dollar index/.test(l));
    expect(enUs).toHaveLength(3);
    for (const l of enUs) expect(l).toMatch(/3 July|Wednesday/);
    expect(enUs.join('\n')).toMatch(/net outflows of \$20\.4 million (?:on|in) (3 July|Wednesday)/);
    // 105.39 / 105.73 − 1 = −0.32 %; 4.355 − 4.433 = −7.8 bp
    expect(en).toContain('the dollar index fell 0.3% to 105.39; the US 10-year Treasury yield fell 7.8 bp to 4.36%');
    expect(en).toContain('$664 million');
    expect(en).toContain('82% of them longs');
    expect(zh).toMatch(/(7 月 3 日|周三)[^。]*净流出约 2,040 万美元/);
    // The body (the sources list dates as-of instants in UTC+8, where 04:00 on 4 July is right).
    const body = (md: string) => md.split(/\n## (Sources|数据来源)\n/)[0]!;
    // 4 July appears once: as the day US markets were shut (NYSE calendar), never as a session's date.
    expect(body(en)).toContain(
      "In Wednesday's US session, a half day that closed at 13:00 ET (US markets were shut on 4 July), the dollar index",
    );
    expect(body(en).replace('(US markets were shut on 4 July)', '')).not.toMatch(/4 July|Thursday's/);
    expect(body(zh)).toContain('7 月 3 日（美东交易日，提前于 13:00 收市；7 月 4 日美股休市）美元指数');
    expect(body(zh).replace('；7 月 4 日美股休市', '')).not.toMatch(/7 月 4 日/);
  });
});
