/**
 * `levels.stepOverrides` is read alike by the level-break finding, the day plan, the lead and the
 * price chart (issue 18: the lead once computed its own step and ignored the override). The
 * bundled day: previous close 44,552.37, low 41,706.40 at 06:00 UTC+8. With the default step for
 * a five-digit price (1,000) the lowest level broken is 42,000; with BTC's step set to 250 it is
 * 41,750 (the lowest multiple of 250 above the low), and 43,000 stays the level the close held
 * below in both.
 */
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../kernel/config.js';
import { analyze, type Findings } from '../../pipeline/analysis/index.js';
import { loadTemplates } from '../../pipeline/narrative/index.js';
import { buildPriceData } from '../../renderers/charts/price.js';
import { CASES, TEST_CONFIG, loadCase, render } from '../narrative/brief-cases.js';

const bundled = loadCase(CASES[0]!);
const overridden = ConfigSchema.parse({ ...TEST_CONFIG, thresholds: { levels: { stepOverrides: { BTC: 250 } } } });
const withStep = analyze(bundled.snapshot, overridden.thresholds);
const byDefault = analyze(bundled.snapshot, TEST_CONFIG.thresholds);

const levelsBroken = (f: Findings) => f.findings.flatMap((x) => (x.kind === 'level_break' ? [x.level] : [])).sort((a, b) => a - b);
const planStep = (f: Findings) => {
  const plan = f.findings.find((x) => x.kind === 'day_plan');
  return plan?.kind === 'day_plan' ? plan.assets.find((a) => a.asset === 'BTC') : undefined;
};
const chartBreaks = (f: Findings) =>
  (buildPriceData(bundled.snapshot, f, 'en')?.levels ?? []).filter((l) => l.kind === 'break').map((l) => l.label);

describe('levels.stepOverrides.BTC = 250 on the bundled day', () => {
  it('sets the step of the level-break findings and of the day plan', () => {
    expect(levelsBroken(withStep)).toEqual([41_750, 42_000, 42_250, 42_500, 42_750, 43_000]);
    expect(levelsBroken(byDefault)).toEqual([42_000, 43_000, 44_000]);
    expect(planStep(withStep)).toMatchObject({ levelStep: 250, brokenLevel: { level: 43_000, closedBeyond: true } });
    expect(planStep(byDefault)).toMatchObject({ levelStep: 1_000, brokenLevel: { level: 43_000, closedBeyond: true } });
  });

  it('reaches the lead the brief prints', async () => {
    const templates = await loadTemplates();
    const lead = (config: typeof overridden, findings: Findings) =>
      render({ ...bundled, config, findings }, 'en', templates).markdown.split('\n')[2]!;
    expect(lead(overridden, withStep)).toContain('tumbling from above $44,750 and briefly breaking $41,750 before touching $41,706');
    expect(lead(TEST_CONFIG, byDefault)).toContain('tumbling from above $44,000 and briefly breaking $42,000 before touching $41,706');
  });

  it('draws the same levels on the price chart', () => {
    expect(chartBreaks(withStep)).toEqual(['Broke below 43,000', 'Broke below 42,500', 'Broke below 41,750']);
    expect(chartBreaks(byDefault)).toEqual(['Broke below 44,000', 'Broke below 43,000', 'Broke below 42,000']);
  });
});
