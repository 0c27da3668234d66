/**
 * Funding rates by exchange for the primary asset: each venue's settled rates over the seven
 * days up to the window's end, normalised to 8 hours (rate × 8 / intervalHours) so venues that
 * settle every 1, 4 or 8 hours compare. Venues differ in colour lightness and in dash pattern.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Findings } from '../../pipeline/analysis/index.js';
import type { Snapshot } from '../../kernel/snapshot/index.js';
import { formatPercent } from './format.js';
import { labelsFor, listNames, venueName } from './labels.js';
import { HOUR_MS, primaryAsset } from './select.js';
import { layeredChart } from './spec.js';
import { COLORS, DASHES, SERIES_COLORS } from './theme.js';
import { vegaDateTime, wallClockMs, zoneLabel } from './time.js';
import type { ChartPlan, Lang } from './types.js';
const LOOKBACK_DAYS = 7;

export interface FundingPoint {
  /** Wall-clock ms of the settlement. */
  time: number;
  venue: string;
  /** Fraction per 8 hours. */
  ratePer8h: number;
}

export interface FundingChartData {
  asset: string;
  points: FundingPoint[];
  /** Venue display names in legend order, with their colour and dash. */
  venues: Array<{ name: string; color: string; dash: number[] }>;
  xDomain: [number, number];
  /** Wall-clock ms of each local midnight in the range (the window starts at one). */
  xTicks: number[];
  zone: string;
  source: string;
  alt: string;
}

export function buildFundingData(snapshot: Snapshot, findings: Findings, lang: Lang): FundingChartData | undefined {
  const L = labelsFor(lang);
  const asset = primaryAsset(snapshot);
  const tz = snapshot.timezone;
  const from = snapshot.window.end - LOOKBACK_DAYS * 24 * HOUR_MS;
  const points: FundingPoint[] = [];
  const latest: Array<{ venue: string; ratePer8h: number }> = [];
  const venueIds: string[] = [];
  // The configured bound analysis applied (findings.bounds), never the default.
  const maxAbsRate = findings.bounds.fundingMaxAbsPerInterval;
  for (const series of snapshot.funding.filter((s) => s.asset === asset)) {
    const name = venueName(series.venue);
    if (venueIds.some((id) => venueName(id) === name)) continue; // one line per venue
    // Rates no exchange could charge (a broken datum) are left out, as analysis leaves them out.
    const history = series.history
      .filter((h) => h.time >= from && h.time <= snapshot.window.end && Math.abs(h.rate) <= maxAbsRate)
      .sort((a, b) => a.time - b.time);
    if (history.length === 0) continue;
    venueIds.push(series.venue);
    const per8h = (rate: number): number => (rate * 8) / series.intervalHours;
    for (const h of history) points.push({ time: wallClockMs(h.time, tz), venue: name, ratePer8h: per8h(h.rate) });
    const last = history[history.length - 1];
    if (last) latest.push({ venue: name, ratePer8h: per8h(last.rate) });
  }
  if (points.length === 0) return undefined;

  const venues = venueIds.map((id, i) => ({
    name: venueName(id),
    color: SERIES_COLORS[i % SERIES_COLORS.length] ?? COLORS.ink,
    dash: DASHES[i % DASHES.length] ?? [],
  }));
  const zone = zoneLabel(tz, snapshot.window.start, lang);
  const latestText = latest.map((l) => `${l.venue} ${formatPercent(l.ratePer8h, 4)}`).join(L.fundingLatestJoin);
  const alt = L.fundingAlt({ asset, days: LOOKBACK_DAYS, date: snapshot.date, latest: latestText });
  return {
    asset,
    points,
    venues,
    xDomain: [wallClockMs(from, tz), wallClockMs(snapshot.window.end, tz)],
    // Local midnights from the first day to the brief's day (the window's end is not labelled).
    xTicks: Array.from({ length: LOOKBACK_DAYS }, (_, k) => wallClockMs(snapshot.window.start - k * 24 * HOUR_MS, tz)).reverse(),
    zone,
    source: `${L.sourcePrefix}${listNames(venueIds, lang)}${L.fundingSource(asset)}`,
    alt,
  };
}

export function buildFundingSpec(data: FundingChartData, lang: Lang): TopLevelSpec {
  const L = labelsFor(lang);
  const venueScale = { domain: data.venues.map((v) => v.name) };
  return layeredChart({
    title: L.fundingTitle,
    subtitle: data.source,
    layers: [
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: COLORS.zero, strokeWidth: 1 },
        encoding: { y: { field: 'zero', type: 'quantitative' } },
      },
      {
        data: { values: data.points },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: {
            field: 'time',
            type: 'temporal',
            scale: { type: 'utc', domain: data.xDomain.map(vegaDateTime), nice: false },
            axis: { format: '%m-%d', values: data.xTicks.map(vegaDateTime), title: L.dateAxis(data.zone), grid: false },
          },
          y: { field: 'ratePer8h', type: 'quantitative', axis: { format: '.3~%', title: null, tickCount: 5 } },
          color: {
            field: 'venue',
            type: 'nominal',
            scale: { ...venueScale, range: data.venues.map((v) => v.color) },
            legend: { title: null },
          },
          strokeDash: {
            field: 'venue',
            type: 'nominal',
            scale: { ...venueScale, range: data.venues.map((v) => v.dash) },
            legend: { title: null },
          },
        },
      },
    ],
  });
}

export function planFundingChart(snapshot: Snapshot, findings: Findings, lang: Lang): ChartPlan | undefined {
  const data = buildFundingData(snapshot, findings, lang);
  if (!data) return undefined;
  return { id: 'funding', title: labelsFor(lang).fundingTitle, alt: data.alt, spec: buildFundingSpec(data, lang) };
}
