/**
 * The futures basis term structure of the primary asset, before and now: for each dated
 * contract (ordered by expiry) the annualized basis at the start of the brief's day ("before":
 * the last point before the window) and at its end ("now": the last point in the window).
 * A zero rule marks backwardation (futures below index).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Findings } from '../../pipeline/analysis/index.js';
import type { BasisTenor, Snapshot } from '../../kernel/snapshot/index.js';
import { formatPercent } from './format.js';
import { labelsFor, listNames, venueName } from './labels.js';
import { HOUR_MS, inWindow, primaryAsset } from './select.js';
import { layeredChart } from './spec.js';
import { COLORS } from './theme.js';
import { wallClockMonthDay } from './time.js';
import type { ChartPlan, Lang } from './types.js';

export interface BasisPoint {
  /** e.g. `Binance 03-29`, unique per contract. */
  contract: string;
  /** Sort key: expiry ms UTC. */
  expiry: number;
  series: string;
  seriesIndex: number;
  /** Annualized basis, fraction. */
  basis: number;
  /** The value as text, drawn next to the point. */
  label: string;
  /** Label above the point (the higher of the contract's two values) or below it. */
  labelAbove: boolean;
}

export interface BasisChartData {
  asset: string;
  points: BasisPoint[];
  source: string;
  alt: string;
}

export function buildBasisData(snapshot: Snapshot, _findings: Findings, lang: Lang): BasisChartData | undefined {
  const L = labelsFor(lang);
  const asset = primaryAsset(snapshot);
  const points: BasisPoint[] = [];
  const venues: string[] = [];
  const described: string[] = [];
  const tenors = snapshot.basis.filter((t) => t.asset === asset && t.expiry > snapshot.window.end).sort((a, b) => a.expiry - b.expiry);
  const seen = new Set<string>();
  for (const tenor of tenors) {
    const before = lastPoint(tenor, (t) => t < snapshot.window.start);
    const now = lastPoint(tenor, (t) => inWindow(t, snapshot.window));
    if (!before && !now) continue;
    const contract = contractLabel(tenor, snapshot.timezone);
    if (seen.has(contract)) continue;
    seen.add(contract);
    venues.push(tenor.venue);
    // Labels go on the outside of the pair: the higher value's above, the lower value's below.
    const beforeAbove = !now || !before || before.annualizedBasis >= now.annualizedBasis;
    if (before)
      points.push({
        contract,
        expiry: tenor.expiry,
        series: L.before,
        seriesIndex: 0,
        basis: before.annualizedBasis,
        label: formatPercent(before.annualizedBasis, 1),
        labelAbove: beforeAbove,
      });
    if (now)
      points.push({
        contract,
        expiry: tenor.expiry,
        series: L.now,
        seriesIndex: 1,
        basis: now.annualizedBasis,
        label: formatPercent(now.annualizedBasis, 1),
        labelAbove: !before || !beforeAbove,
      });
    const days = Math.round((tenor.expiry - snapshot.window.end) / (24 * HOUR_MS));
    const change = `${before ? formatPercent(before.annualizedBasis, 1) : '—'} → ${now ? formatPercent(now.annualizedBasis, 1) : '—'}`;
    described.push(L.basisContract({ contract, days, change }));
  }
  if (points.length === 0) return undefined;
  const alt = L.basisAlt({ asset, date: snapshot.date, contracts: described });
  return {
    asset,
    points,
    source: `${L.sourcePrefix}${listNames(venues, lang)}${L.basisSource(asset)}`,
    alt,
  };
}

function lastPoint(tenor: BasisTenor, keep: (t: number) => boolean) {
  return tenor.history
    .filter((p) => keep(p.time))
    .sort((a, b) => a.time - b.time)
    .at(-1);
}

/** `Binance 03-29`: venue and expiry date (in the brief's zone), short enough for an axis. */
function contractLabel(tenor: BasisTenor, timeZone: string): string {
  return `${venueName(tenor.venue)} ${wallClockMonthDay(tenor.expiry, timeZone)}`;
}

export function buildBasisSpec(data: BasisChartData, lang: Lang): TopLevelSpec {
  const L = labelsFor(lang);
  const seriesScale = { domain: [L.before, L.now] };
  const x = { field: 'contract', type: 'ordinal' as const, sort: { field: 'expiry', op: 'min' as const } };
  const y = { field: 'basis', type: 'quantitative' as const };
  return layeredChart({
    title: L.basisTitle,
    subtitle: data.source,
    layers: [
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: COLORS.zero, strokeWidth: 1 },
        encoding: { y: { field: 'zero', type: 'quantitative' } },
      },
      {
        data: { values: data.points },
        layer: [
          {
            mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 50 } },
            encoding: {
              x: { ...x, scale: { padding: 0.5 }, axis: { title: null, labelAngle: 0 } },
              y: { ...y, axis: { format: '.0%', title: L.basisAxis, tickCount: 5 } },
              color: {
                field: 'series',
                type: 'nominal',
                scale: { ...seriesScale, range: [COLORS.muted, COLORS.ink] },
                legend: { title: null, symbolType: 'stroke' },
              },
              strokeDash: {
                field: 'series',
                type: 'nominal',
                scale: { ...seriesScale, range: [[5, 3], []] },
                legend: { title: null, symbolType: 'stroke' },
              },
            },
          },
          ...[true, false].map((above) => ({
            transform: [{ filter: { field: 'labelAbove', equal: above } }],
            mark: {
              type: 'text' as const,
              fontSize: 10,
              dy: above ? -9 : 9,
              align: 'center' as const,
              baseline: above ? ('bottom' as const) : ('top' as const),
            },
            encoding: {
              x,
              y,
              text: { field: 'label' },
              color: {
                field: 'series',
                type: 'nominal' as const,
                scale: { ...seriesScale, range: [COLORS.muted, COLORS.ink] },
                legend: { title: null, symbolType: 'stroke' },
              },
            },
          })),
        ],
      },
    ],
  });
}

export function planBasisChart(snapshot: Snapshot, findings: Findings, lang: Lang): ChartPlan | undefined {
  const data = buildBasisData(snapshot, findings, lang);
  if (!data) return undefined;
  return { id: 'basis', title: labelsFor(lang).basisTitle, alt: data.alt, spec: buildBasisSpec(data, lang) };
}
