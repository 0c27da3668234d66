/**
 * Price over the brief's day: hourly close as a line over the high–low band, the day's high and
 * low marked, the drop from high to low shaded, and key levels drawn as labelled rules (levels
 * broken during the day, then the nearest supports and resistances from the key_levels finding).
 * Times are wall-clock in the brief's zone (see time.ts); marker positions are hour midpoints.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Findings } from '../../pipeline/analysis/index.js';
import type { Snapshot } from '../../kernel/snapshot/index.js';
import { formatCaptionPrice, formatPercent, formatPrice } from './format.js';
import { labelsFor, venueName } from './labels.js';
import { findingsOfKind, hourlySeries, hourTicks, HOUR_MS, inWindow, primaryAsset } from './select.js';
import { layeredChart, type Layer } from './spec.js';
import { COLORS } from './theme.js';
import { vegaDateTime, wallClockHHMM, wallClockMs, zoneLabel } from './time.js';
import type { ChartPlan, Lang } from './types.js';

export interface PriceLevel {
  price: number;
  label: string;
  kind: 'break' | 'support' | 'resistance';
  /** Which end of the rule carries the label: the one where the price line is clear of it. */
  side: 'left' | 'right';
}

export interface PriceMarker {
  /** Wall-clock ms (hour midpoint). */
  time: number;
  price: number;
  label: string;
  kind: 'high' | 'low';
}

export interface PriceChartData {
  asset: string;
  zone: string;
  source: string;
  /** Hourly candles, time = wall-clock ms of the hour's midpoint. */
  candles: Array<{ time: number; close: number; high: number; low: number }>;
  markers: PriceMarker[];
  levels: PriceLevel[];
  /** The high-to-low drop, when the high came first. */
  drop?: { start: number; end: number; label: string };
  /** Wall-clock ms of the window and of the axis ticks. */
  xDomain: [number, number];
  xTicks: number[];
  yDomain: [number, number];
  alt: string;
}

/** Pixel height of the plot area used to keep level labels apart (the chart is ~260 px overall). */
const PLOT_HEIGHT_PX = 170;
const MIN_LABEL_GAP_PX = 13;

export function buildPriceData(snapshot: Snapshot, findings: Findings, lang: Lang): PriceChartData | undefined {
  const L = labelsFor(lang);
  // The asset the brief leads with is analysis' decision (the day plan), not the chart's.
  const asset = findingsOfKind(findings, 'day_plan')[0]?.leadAsset ?? primaryAsset(snapshot);
  const series = hourlySeries(snapshot, asset);
  if (!series) return undefined;
  const tz = snapshot.timezone;
  // Candles above the configured price ceiling are left out, as analysis leaves them out (findings.bounds).
  const candles = series.candles
    .filter((c) => inWindow(c.t, snapshot.window) && c.h <= findings.bounds.priceMaxUsd)
    .sort((a, b) => a.t - b.t);
  const first = candles[0];
  const last = candles[candles.length - 1];
  if (!first || !last) return undefined;
  const mid = (t: number): number => wallClockMs(t + HOUR_MS / 2, tz);

  // The day's extremes: from the price_move finding when analysis made one, else from the candles.
  const move = findingsOfKind(findings, 'price_move', asset)[0];
  const highCandle = candles.reduce((a, b) => (b.h > a.h ? b : a));
  const lowCandle = candles.reduce((a, b) => (b.l < a.l ? b : a));
  const high = move ? { price: move.high, t: move.highTime } : { price: highCandle.h, t: highCandle.t };
  const low = move ? { price: move.low, t: move.lowTime } : { price: lowCandle.l, t: lowCandle.t };
  const markers: PriceMarker[] = [
    { time: mid(high.t), price: high.price, label: `${L.high} ${formatPrice(high.price)}`, kind: 'high' },
    { time: mid(low.t), price: low.price, label: `${L.low} ${formatPrice(low.price)}`, kind: 'low' },
  ];
  const dropFraction = move ? move.drawdownFraction : low.price / high.price - 1;
  const drop =
    high.t < low.t && (move ? move.direction === 'down' : true)
      ? { start: mid(high.t), end: mid(low.t), label: `${L.drop} ${formatPercent(dropFraction, 1)}` }
      : undefined;

  const dayLow = Math.min(low.price, ...candles.map((c) => c.l));
  const dayHigh = Math.max(high.price, ...candles.map((c) => c.h));
  const chosen = chooseLevels(findings, asset, dayLow, dayHigh, lang);
  const allPrices = [dayLow, dayHigh, ...chosen.map((l) => l.price)];
  const span = Math.max(...allPrices) - Math.min(...allPrices) || dayHigh * 0.01;
  // Room above for the high's label and below for the low's label.
  const yDomain: [number, number] = [Math.min(...allPrices) - span * 0.1, Math.max(...allPrices) + span * 0.12];
  // A label sits just above its rule (about 12 px) at one end of it; put it at the end where
  // fewer candles of that fifth of the day reach into its band (ties: the right end).
  const labelBand = ((yDomain[1] - yDomain[0]) / PLOT_HEIGHT_PX) * MIN_LABEL_GAP_PX;
  const fifth = Math.max(1, Math.round(candles.length / 5));
  const intrusions = (part: typeof candles, price: number): number => part.filter((c) => c.l <= price + labelBand && c.h >= price).length;
  const levels = chosen.map((level) => ({
    ...level,
    side:
      intrusions(candles.slice(0, fifth), level.price) < intrusions(candles.slice(-fifth), level.price)
        ? ('left' as const)
        : ('right' as const),
  }));

  const zone = zoneLabel(tz, snapshot.window.start, lang);
  // The caption states prices as the text does (zh one decimal, en dollars); labels stay short.
  const price = (value: number): string => formatCaptionPrice(value, lang);
  const closeText = price(last.c);
  const alt = L.priceAlt({
    asset,
    zone,
    date: snapshot.date,
    open: price(first.o),
    high: price(high.price),
    highAt: wallClockHHMM(high.t, tz),
    low: price(low.price),
    lowAt: wallClockHHMM(low.t, tz),
    close: closeText,
  });

  return {
    asset,
    zone,
    source: `${L.sourcePrefix}${venueName(series.venue)} ${series.symbol} ${series.market === 'spot' ? L.spotHourly : L.perpHourly}`,
    candles: candles.map((c) => ({ time: mid(c.t), close: c.c, high: c.h, low: c.l })),
    markers,
    levels,
    ...(drop ? { drop } : {}),
    xDomain: [wallClockMs(snapshot.window.start, tz), wallClockMs(snapshot.window.end, tz)],
    xTicks: hourTicks(snapshot.window, 3).map((t) => wallClockMs(t, tz)),
    yDomain,
    alt,
  };
}

/**
 * Levels worth drawing: every level broken in the window first, then supports and resistances
 * nearest the day's range; a level too close (in pixels) to one already kept is dropped so labels
 * never overlap.
 */
function chooseLevels(findings: Findings, asset: string, dayLow: number, dayHigh: number, lang: Lang): Array<Omit<PriceLevel, 'side'>> {
  const L = labelsFor(lang);
  const candidates: Array<Omit<PriceLevel, 'side'>> = [];
  for (const b of findingsOfKind(findings, 'level_break', asset)) {
    candidates.push({
      price: b.level,
      kind: 'break',
      label: `${b.direction === 'below' ? L.brokeBelow : L.brokeAbove} ${formatPrice(b.level)}`,
    });
  }
  const keyLevels = findingsOfKind(findings, 'key_levels', asset)[0];
  const range = dayHigh - dayLow;
  const near = (p: number): boolean => p >= dayLow - range * 0.35 && p <= dayHigh + range * 0.35;
  if (keyLevels) {
    const supports = keyLevels.supports
      .filter((s) => near(s.price))
      .sort((a, b) => b.price - a.price)
      .slice(0, 2);
    const resistances = keyLevels.resistances
      .filter((r) => near(r.price))
      .sort((a, b) => a.price - b.price)
      .slice(0, 2);
    for (const s of supports) candidates.push({ price: s.price, kind: 'support', label: `${L.support} ${formatPrice(s.price)}` });
    for (const r of resistances) candidates.push({ price: r.price, kind: 'resistance', label: `${L.resistance} ${formatPrice(r.price)}` });
  }
  const prices = [dayLow, dayHigh, ...candidates.map((c) => c.price)];
  const pxPerUnit = PLOT_HEIGHT_PX / ((Math.max(...prices) - Math.min(...prices)) * 1.22 || 1);
  const kept: Array<Omit<PriceLevel, 'side'>> = [];
  for (const candidate of candidates) {
    if (kept.every((k) => Math.abs(k.price - candidate.price) * pxPerUnit >= MIN_LABEL_GAP_PX)) kept.push(candidate);
  }
  return kept.sort((a, b) => b.price - a.price);
}

const LEVEL_STYLE: Record<PriceLevel['kind'], { color: string; dash: number[] }> = {
  break: { color: COLORS.long, dash: [5, 3] },
  support: { color: COLORS.support, dash: [2, 2] },
  resistance: { color: COLORS.resistance, dash: [2, 2] },
};

export function buildPriceSpec(data: PriceChartData, lang: Lang): TopLevelSpec {
  const L = labelsFor(lang);
  // The x domain is set on one layer only: vega-lite warns when layers repeat a temporal domain.
  const x = { field: 'time', type: 'temporal' as const, scale: { type: 'utc' as const } };
  const y = { field: 'price', type: 'quantitative' as const, scale: { domain: data.yDomain, zero: false, nice: false } };
  const layers: Layer[] = [];
  if (data.drop) {
    layers.push({
      data: { values: [data.drop] },
      mark: { type: 'rect', color: COLORS.long, opacity: 0.08 },
      encoding: { x: { ...x, field: 'start' }, x2: { field: 'end' } },
    });
    layers.push({
      data: { values: [data.drop] },
      // Bottom-left of the shaded span: empty in a drop (the high comes first, the low later).
      mark: { type: 'text', color: COLORS.long, fontSize: 10, baseline: 'bottom', dy: -4, dx: 4, y: { expr: 'height' }, align: 'left' },
      encoding: { x: { ...x, field: 'start' }, text: { field: 'label' } },
    });
  }
  layers.push({
    data: { values: data.candles },
    mark: { type: 'area', color: COLORS.pale, opacity: 0.7 },
    encoding: {
      x: {
        ...x,
        scale: { type: 'utc', domain: data.xDomain.map(vegaDateTime), nice: false },
        axis: { format: '%H:%M', values: data.xTicks.map(vegaDateTime), title: L.hourAxis(data.zone), grid: false },
      },
      y: { ...y, field: 'low', axis: { format: ',.0f', title: null, tickCount: 6 } },
      y2: { field: 'high' },
    },
  });
  layers.push({
    data: { values: data.candles },
    mark: { type: 'line', color: COLORS.ink, strokeWidth: 2 },
    encoding: { x, y: { ...y, field: 'close' } },
  });
  for (const level of data.levels) {
    const style = LEVEL_STYLE[level.kind];
    layers.push({
      data: { values: [level] },
      mark: { type: 'rule', color: style.color, strokeDash: style.dash, strokeWidth: 1.2 },
      encoding: { y },
    });
    layers.push({
      data: { values: [level] },
      mark: {
        type: 'text',
        color: style.color,
        align: level.side,
        baseline: 'bottom',
        dy: -2,
        fontSize: 10,
        ...(level.side === 'right' ? { x: { expr: 'width' }, dx: -2 } : { x: 0, dx: 2 }),
      },
      encoding: { y, text: { field: 'label' } },
    });
  }
  for (const marker of data.markers) {
    const position = (marker.time - data.xDomain[0]) / (data.xDomain[1] - data.xDomain[0]);
    const align = position < 0.12 ? 'left' : position > 0.88 ? 'right' : 'center';
    layers.push({
      data: { values: [marker] },
      mark: { type: 'point', filled: true, size: 40, color: COLORS.ink },
      encoding: { x, y },
    });
    layers.push({
      data: { values: [marker] },
      mark: {
        type: 'text',
        fontSize: 10,
        fontWeight: 'bold',
        color: COLORS.text,
        align,
        dy: marker.kind === 'high' ? -9 : 11,
        baseline: marker.kind === 'high' ? 'bottom' : 'top',
      },
      encoding: { x, y, text: { field: 'label' } },
    });
  }
  return layeredChart({ title: L.priceTitle(data.asset, data.zone), subtitle: data.source, layers });
}

export function planPriceChart(snapshot: Snapshot, findings: Findings, lang: Lang): ChartPlan | undefined {
  const data = buildPriceData(snapshot, findings, lang);
  if (!data) return undefined;
  return { id: 'price', title: labelsFor(lang).priceTitle(data.asset, data.zone), alt: data.alt, spec: buildPriceSpec(data, lang) };
}
