/**
 * Liquidations per hour of the brief's day, longs against shorts, summed from the individual
 * liquidation orders every source streamed (all assets: the brief's total is market-wide).
 * Streams sample (at most one order per symbol per second), so such sums are lower bounds and
 * the source line says so. Hours without orders are real zeros: the streams covered them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Findings } from '../../pipeline/analysis/index.js';
import type { Snapshot } from '../../kernel/snapshot/index.js';
import { formatUsd, formatUsdFloor, usdUnit } from './format.js';
import { labelsFor, listNames } from './labels.js';
import { hourSlots, slotIndex } from './select.js';
import { layeredChart } from './spec.js';
import { COLORS } from './theme.js';
import { zoneLabel } from './time.js';
import type { ChartPlan, Lang } from './types.js';

export interface LiquidationBar {
  /** Wall-clock hour label (`00`–`23`) and its position in the window. */
  hour: string;
  hourIndex: number;
  side: string;
  sideIndex: number;
  /** USD divided by the chart's unit (see `unitLabel`). */
  value: number;
}

export interface LiquidationsChartData {
  bars: LiquidationBar[];
  unitLabel: string;
  zone: string;
  source: string;
  longUsd: number;
  shortUsd: number;
  alt: string;
}

export function buildLiquidationsData(snapshot: Snapshot, _findings: Findings, lang: Lang): LiquidationsChartData | undefined {
  const L = labelsFor(lang);
  const slots = hourSlots(snapshot.window, snapshot.timezone);
  const longs = slots.map(() => 0);
  const shorts = slots.map(() => 0);
  const sources: string[] = [];
  let lowerBound = false;
  // Venues in a fixed order (sorted), so the source line does not depend on arrival order.
  let count = 0;
  for (const stream of snapshot.liquidations.orders) {
    let used = false;
    for (const order of stream.orders) {
      const slot = slotIndex(snapshot.window, order.time);
      if (slot < 0) continue;
      (order.side === 'long' ? longs : shorts)[slot] = ((order.side === 'long' ? longs : shorts)[slot] ?? 0) + order.notionalUsd;
      used = true;
      count++;
      // Name the venues the orders came from (a collector source merges several exchanges' streams).
      if (!sources.includes(order.venue)) sources.push(order.venue);
    }
    if (used) lowerBound ||= stream.coverage === 'lower-bound';
  }
  if (count === 0) return undefined;
  sources.sort();

  const longUsd = longs.reduce((a, b) => a + b, 0);
  const shortUsd = shorts.reduce((a, b) => a + b, 0);
  const unit = usdUnit(Math.max(...longs, ...shorts), lang);
  const bars: LiquidationBar[] = [];
  for (const slot of slots) {
    bars.push({ hour: slot.label, hourIndex: slot.index, side: L.longs, sideIndex: 0, value: (longs[slot.index] ?? 0) / unit.divisor });
    bars.push({ hour: slot.label, hourIndex: slot.index, side: L.shorts, sideIndex: 1, value: (shorts[slot.index] ?? 0) / unit.divisor });
  }
  const zone = zoneLabel(snapshot.timezone, snapshot.window.start, lang);
  const coverage = lowerBound ? L.lowerBound : L.complete;
  // Sampled feeds give floors: rounded down and without 约, as the text prints them. Each side is
  // floored at the unit of the total's third significant figure, the precision the text prints
  // the total at, so the two sides never add up to more than the total beside them (longs
  // 828 万 + shorts 308 万 read as more than a total printed 1,130 万; 820 万 + 300 万 do not).
  const totalUnit = 10 ** (Math.floor(Math.log10(Math.max(longUsd + shortUsd, 1))) - 2);
  const amount = (usd: number): string =>
    lowerBound ? formatUsdFloor(Math.floor(usd / totalUnit) * totalUnit, lang) : formatUsd(usd, lang, 'aggregate');
  const totals = `${L.sideInText(L.longs)} ${amount(longUsd)} / ${L.sideInText(L.shorts)} ${amount(shortUsd)}`;
  const alt = L.liquidationsAlt({ date: snapshot.date, zone, sources: listNames(sources, lang), coverage, totals });
  return {
    bars,
    unitLabel: unit.label,
    zone,
    source: `${L.sourcePrefix}${listNames(sources, lang)}${L.clause}${coverage}${L.separator}${L.total} ${totals}`,
    longUsd,
    shortUsd,
    alt,
  };
}

export function buildLiquidationsSpec(data: LiquidationsChartData, lang: Lang): TopLevelSpec {
  const L = labelsFor(lang);
  return layeredChart({
    title: L.liquidationsTitle,
    subtitle: data.source,
    layers: [
      {
        data: { values: data.bars },
        mark: { type: 'bar' },
        encoding: {
          x: {
            field: 'hour',
            type: 'ordinal',
            sort: { field: 'hourIndex', op: 'min' },
            scale: { paddingInner: 0.25 },
            axis: { title: L.hourAxis(data.zone), labelAngle: 0 },
          },
          xOffset: { field: 'side', type: 'nominal', sort: { field: 'sideIndex', op: 'min' } },
          y: { field: 'value', type: 'quantitative', axis: { title: data.unitLabel, format: ',.3~f', tickCount: 5 } },
          // Longs dark, shorts light: distinguishable in greyscale.
          color: {
            field: 'side',
            type: 'nominal',
            sort: { field: 'sideIndex', op: 'min' },
            scale: { domain: [L.longs, L.shorts], range: [COLORS.long, COLORS.short] },
            legend: { title: null },
          },
        },
      },
    ],
  });
}

export function planLiquidationsChart(snapshot: Snapshot, findings: Findings, lang: Lang): ChartPlan | undefined {
  const data = buildLiquidationsData(snapshot, findings, lang);
  if (!data) return undefined;
  return { id: 'liquidations', title: labelsFor(lang).liquidationsTitle, alt: data.alt, spec: buildLiquidationsSpec(data, lang) };
}
