/**
 * The funding plausibility bound is one configured value: set to a non-default 0.05 % per
 * interval, it leaves the same rates out of the finding, the brief's funding bullet and the
 * funding chart (before, the chart read the default and ignored the configuration).
 */
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../kernel/config.js';
import { analyze } from '../../pipeline/analysis/index.js';
import { composeBrief } from '../../pipeline/narrative/index.js';
import { buildFundingData } from '../../renderers/charts/funding.js';
import { CASES, CHARTS, TEST_CONFIG, loadCase } from '../narrative/brief-cases.js';

const bundled = loadCase(CASES[0]!);
const { snapshot } = bundled;
const config = ConfigSchema.parse({ ...TEST_CONFIG, thresholds: { funding: { plausibleMaxAbsPerInterval: 0.0005 } } });
const findings = analyze(snapshot, config.thresholds);
const defaults = analyze(snapshot, TEST_CONFIG.thresholds);

/** Mean of a venue's settled rates in the seven days before the window, with and without the bound. */
function priorMean(venue: string, bound: number): number {
  const series = snapshot.funding.find((s) => s.venue === venue)!;
  const from = snapshot.window.start - 7 * 86_400_000;
  const rates = series.history.filter((h) => h.time >= from && h.time < snapshot.window.start && Math.abs(h.rate) <= bound);
  return rates.reduce((sum, h) => sum + h.rate, 0) / rates.length;
}

describe('funding.plausibleMaxAbsPerInterval set to 0.05 %', () => {
  it('reaches the findings and leaves the same rates out of the finding', () => {
    expect(findings.bounds.fundingMaxAbsPerInterval).toBe(0.0005);
    expect(defaults.bounds.fundingMaxAbsPerInterval).toBe(0.03);
    const flip = findings.findings.find((f) => f.kind === 'funding_flip')!;
    const before = defaults.findings.find((f) => f.kind === 'funding_flip')!;
    const okx = flip.perVenue.find((v) => v.venue === 'okx')!;
    // OKX settled 0.050824 % and 0.052969 % in the prior week: beyond 0.05 %, they are left out.
    expect(okx.priorAvgPer8h).toBeCloseTo(priorMean('okx', 0.0005), 9);
    expect(priorMean('okx', 0.0005)).toBeLessThan(priorMean('okx', 0.03));
    expect(flip.weightedPriorPer8h).toBeLessThan(before.weightedPriorPer8h);
  });

  it('changes the funding bullet the brief prints', () => {
    const bullet = (f: typeof findings) => {
      const model = composeBrief({ ...bundled, findings: f, lang: 'en', config, charts: CHARTS });
      const all = model.sections.flatMap((s) => s.bullets);
      return all.find((b) => b.funding)?.funding;
    };
    const withBound = bullet(findings)!;
    const withDefault = bullet(defaults)!;
    // The OI-weighted prior average: 0.04111 % per 8 h without the rates beyond 0.05 %, 0.0467 % with them.
    expect(findings.findings.find((f) => f.kind === 'funding_flip')!.weightedPriorPer8h).toBeCloseTo(0.00041109, 8);
    expect(withBound.prior).toBe('0.0411%');
    expect(withDefault.prior).toBe('0.0467%');
  });

  it('leaves the same rates out of the funding chart', () => {
    const count = (bound: number) => {
      const from = snapshot.window.end - 7 * 86_400_000;
      return snapshot.funding
        .filter((s) => s.asset === 'BTC')
        .flatMap((s) => s.history)
        .filter((h) => h.time >= from && h.time <= snapshot.window.end && Math.abs(h.rate) <= bound).length;
    };
    const chart = buildFundingData(snapshot, findings, 'en')!;
    const chartDefault = buildFundingData(snapshot, defaults, 'en')!;
    expect(chart.points).toHaveLength(count(0.0005));
    expect(chartDefault.points).toHaveLength(count(0.03));
    expect(count(0.0005)).toBeLessThan(count(0.03));
    expect(Math.max(...chart.points.map((p) => Math.abs(p.ratePer8h)))).toBeLessThanOrEqual(0.0005);
  });
});
