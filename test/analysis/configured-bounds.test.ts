/**
 * The funding plausibility bound and the price ceiling are one configured value each: set to a
 * non-default value, each leaves the same data out of the finding, the brief and the chart
 * (before, the funding chart read the default and ignored the configuration, and the price
 * ceiling lived in the fetch code with a different value beside the snapshot's format bound).
 */
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../kernel/config.js';
import { analyze } from '../../pipeline/analysis/index.js';
import { composeBrief, loadTemplates } from '../../pipeline/narrative/index.js';
import { buildFundingData } from '../../renderers/charts/funding.js';
import { buildPriceData } from '../../renderers/charts/price.js';
import { CASES, CHARTS, TEST_CONFIG, loadCase, render } from '../narrative/brief-cases.js';

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

describe('price.plausibleMaxUsd set to 44,700 USD', () => {
  // The bundled day's two highest hourly highs: 44,807.60 (17:00 UTC) and 44,807.09 (18:00 UTC),
  // then 44,683.53 (16:00 UTC); the low is 41,706.40.
  const ceiling = ConfigSchema.parse({ ...TEST_CONFIG, thresholds: { price: { plausibleMaxUsd: 44_700 } } });
  const capped = analyze(snapshot, ceiling.thresholds);
  const move = (f: typeof capped) => f.findings.find((x) => x.kind === 'price_move')!;

  it('leaves the candles above it out of the price move, naming their hours as missing', () => {
    expect(capped.bounds.priceMaxUsd).toBe(44_700);
    expect(move(defaults).high).toBe(44_807.6);
    expect(move(capped).high).toBe(44_683.53);
    expect(move(capped).missingHours).toEqual([Date.UTC(2024, 0, 3, 17), Date.UTC(2024, 0, 3, 18)]);
    // 41,706.40 / 44,683.53 − 1 = −6.66 %; with the default ceiling 41,706.40 / 44,807.60 − 1 = −6.92 %.
    expect(move(capped).drawdownFraction).toBeCloseTo(-0.066627, 6);
    expect(move(defaults).drawdownFraction).toBeCloseTo(-0.069211, 6);
  });

  it('changes the brief: the smaller slide and the hours left out', async () => {
    const templates = await loadTemplates();
    const capText = render({ ...bundled, config: ceiling, findings: capped }, 'en', templates).markdown;
    const defaultText = render(bundled, 'en', templates).markdown;
    expect(capText).toContain('a 6.7% high-to-low drop');
    expect(defaultText).toContain('a 6.9% high-to-low drop');
    expect(capText).toContain('Hourly data for 01:00 and 02:00 (UTC+8) is missing or failed a check');
  });

  it('leaves the same candles out of the price chart', () => {
    const chart = buildPriceData(snapshot, capped, 'en')!;
    expect(chart.candles).toHaveLength(22);
    expect(Math.max(...chart.candles.map((c) => c.high))).toBe(44_683.53);
    expect(buildPriceData(snapshot, defaults, 'en')!.candles).toHaveLength(24);
  });
});
