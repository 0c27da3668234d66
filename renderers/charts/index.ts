/**
 * Charts of a brief, rendered to inline SVG on the server:
 *
 *   1. plan    snapshot + findings → one vega-lite spec per chart whose data is present
 *              (data enters only as inline `data.values`; labels in the brief's language)
 *   2. render  each spec → vega → headless View → SVG (render.ts: refusing loader, expression
 *              trees, fixed locale, deterministic text widths), one after another
 *
 * A chart without data is left out, never drawn empty. The same inputs give byte-identical SVG.
 */
import type { Findings } from '../../pipeline/analysis/index.js';
import type { Snapshot } from '../../kernel/snapshot/index.js';
import { planBasisChart } from './basis.js';
import { planEtfVolumeChart } from './etf-volume.js';
import { planFundingChart } from './funding.js';
import { planLiquidationsChart } from './liquidations.js';
import { planPriceChart } from './price.js';
import { renderVegaLite } from './render.js';
import type { ChartPlan, ChartSvg, Lang } from './types.js';
import { planWhaleTransfersChart } from './whale-transfers.js';
import { stripInvisibleDeep } from '../../kernel/text/index.js';

export type { ChartId, ChartPlan, ChartSvg, Lang } from './types.js';
export { renderVegaLite, findUnsafeMarkup, type RenderedSvg, type RenderOptions } from './render.js';
export { createRefusingLoader, type LoadAttempt, type RefusingLoader } from './loader.js';
export { buildPriceData, buildPriceSpec, planPriceChart, type PriceChartData } from './price.js';
export { buildLiquidationsData, buildLiquidationsSpec, planLiquidationsChart, type LiquidationsChartData } from './liquidations.js';
export { buildFundingData, buildFundingSpec, planFundingChart, type FundingChartData } from './funding.js';
export { buildBasisData, buildBasisSpec, planBasisChart, type BasisChartData } from './basis.js';
export { buildEtfVolumeData, buildEtfVolumeSpec, planEtfVolumeChart, type EtfChartData } from './etf-volume.js';
export { buildWhaleTransfersData, buildWhaleTransfersSpec, planWhaleTransfersChart, type WhaleChartData } from './whale-transfers.js';

type Planner = (snapshot: Snapshot, findings: Findings, lang: Lang) => ChartPlan | undefined;

/** The charts in the order a brief shows them. */
export const CHART_PLANNERS: readonly Planner[] = [
  planPriceChart,
  planLiquidationsChart,
  planFundingChart,
  planBasisChart,
  planEtfVolumeChart,
  planWhaleTransfersChart,
];

/** The specs of every chart whose data is present, in brief order (step 1 alone, for tests and previews). */
export function planCharts(snapshot: Snapshot, findings: Findings, lang: Lang): ChartPlan[] {
  // Labels come from data (venue, ticker, contract names): invisible and bidi characters go.
  return CHART_PLANNERS.map((plan) => plan(snapshot, findings, lang))
    .filter((p): p is ChartPlan => p !== undefined)
    .map((p) => stripInvisibleDeep(p));
}

export async function renderCharts(snapshot: Snapshot, findings: Findings, lang: 'zh' | 'en'): Promise<ChartSvg[]> {
  const charts: ChartSvg[] = [];
  // Sequential on purpose: one View at a time keeps memory flat and the output order fixed.
  for (const plan of planCharts(snapshot, findings, lang)) {
    const { svg, width, height } = await renderVegaLite(plan.spec);
    charts.push({ id: plan.id, title: plan.title, alt: plan.alt, svg, width, height });
  }
  return charts;
}
