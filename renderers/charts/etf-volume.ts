/**
 * Spot-ETF dollar volume of the primary asset: one bar per US trading day (close × shares
 * traded, summed over the asset's funds) for up to 30 days ending on the ETF day, the ETF day's
 * bar dark, and a dashed rule at the average of the (up to) 30 trading days before it.
 * The ETF day is the etf_volume finding's date, or else the last US session that closed
 * (16:00 New York) before the brief's window ended. Volume is not direction: no flows here.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Findings } from '../../pipeline/analysis/index.js';
import type { Snapshot } from '../../kernel/snapshot/index.js';
import { formatUsd, usdUnit } from './format.js';
import { labelsFor } from './labels.js';
import { findingsOfKind, primaryAsset } from './select.js';
import { layeredChart } from './spec.js';
import { COLORS } from './theme.js';
import { zoneOffsetMs } from './time.js';
import type { ChartPlan, Lang } from './types.js';

const SHOWN_DAYS = 30;
const AVERAGE_DAYS = 30;
/** Fewer prior days than this and no average is drawn. */
const MIN_AVERAGE_DAYS = 5;

export interface EtfBar {
  /** `MM-DD` of the US trading day, and the ISO date for sorting. */
  day: string;
  date: string;
  /** USD divided by the chart's unit. */
  value: number;
  isEtfDay: boolean;
}

export interface EtfChartData {
  asset: string;
  tickers: string[];
  bars: EtfBar[];
  unitLabel: string;
  /** The average in the chart's unit, with its label; absent with too little history. */
  average?: { value: number; label: string };
  source: string;
  alt: string;
  /** The chart's title: ETFs, or funds before the asset's first spot-ETF session. */
  title: string;
}

export function buildEtfVolumeData(snapshot: Snapshot, findings: Findings, lang: Lang): EtfChartData | undefined {
  const L = labelsFor(lang);
  const asset = primaryAsset(snapshot);
  const funds = snapshot.etfs.filter((e) => e.asset === asset && e.daily.length > 0);
  if (funds.length === 0) return undefined;

  const totals = new Map<string, number>();
  for (const fund of funds) for (const d of fund.daily) totals.set(d.date, (totals.get(d.date) ?? 0) + d.close * d.volume);
  const finding = findingsOfKind(findings, 'etf_volume', asset)[0];
  const dates = [...totals.keys()].sort();
  const etfDay = finding && totals.has(finding.date) ? finding.date : dates.filter((d) => usCloseMs(d) <= snapshot.window.end).at(-1);
  if (!etfDay) return undefined;
  const upTo = dates.filter((d) => d <= etfDay);
  const shown = upTo.slice(-SHOWN_DAYS);
  const prior = upTo.slice(0, -1).slice(-AVERAGE_DAYS);
  const dayUsd = totals.get(etfDay) ?? 0;
  const averageUsd =
    finding?.avg30dUsd ??
    (prior.length >= MIN_AVERAGE_DAYS ? prior.reduce((sum, d) => sum + (totals.get(d) ?? 0), 0) / prior.length : undefined);
  const averageDays = finding?.avg30dUsd !== undefined ? AVERAGE_DAYS : prior.length;

  const unit = usdUnit(Math.max(...shown.map((d) => totals.get(d) ?? 0), averageUsd ?? 0), lang);
  const tickers = funds.map((f) => f.ticker);
  // Several funds added up are an aggregate (约 in zh), one fund's volume its reported figure: as the text prints them.
  const kind = funds.length > 1 ? 'aggregate' : 'reported';
  const averageText = averageUsd !== undefined ? `${L.average(averageDays)} ${formatUsd(averageUsd, lang, kind)}` : undefined;
  const beforeSpot = finding?.beforeSpotEtfs === true;
  const alt = L.etfAlt({
    funds: beforeSpot,
    asset,
    tickers,
    date: etfDay,
    amount: formatUsd(dayUsd, lang, kind),
    ...(averageText ? { average: averageText } : {}),
  });
  return {
    title: beforeSpot ? L.fundTitle : L.etfTitle,
    asset,
    tickers,
    bars: shown.map((date) => ({ day: date.slice(5), date, value: (totals.get(date) ?? 0) / unit.divisor, isEtfDay: date === etfDay })),
    unitLabel: unit.label,
    ...(averageUsd !== undefined && averageText ? { average: { value: averageUsd / unit.divisor, label: averageText } } : {}),
    source: `${L.sourcePrefix}${tickers.join(L.enumeration)}${L.clause}${L.closeTimesShares}${L.separator}${L.usTradingDay}`,
    alt,
  };
}

/** 16:00 in New York on `date` (a US trading day), ms UTC. */
function usCloseMs(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const wallAsUtc = Date.UTC(y, m - 1, d, 16);
  return wallAsUtc - zoneOffsetMs(wallAsUtc, 'America/New_York');
}

export function buildEtfVolumeSpec(data: EtfChartData, _lang: Lang): TopLevelSpec {
  const y = { field: 'value', type: 'quantitative' as const };
  return layeredChart({
    title: data.title,
    subtitle: data.source,
    layers: [
      {
        data: { values: data.bars },
        mark: { type: 'bar' },
        encoding: {
          x: {
            field: 'day',
            type: 'ordinal',
            sort: { field: 'date', op: 'min' },
            axis: { title: null, labelAngle: -45, labelFontSize: 10 },
          },
          y: { ...y, axis: { title: data.unitLabel, format: ',.3~f', tickCount: 5 } },
          // The ETF day dark, the days before pale: a lightness difference that prints.
          color: { field: 'isEtfDay', type: 'nominal', scale: { domain: [false, true], range: [COLORS.pale, COLORS.ink] }, legend: null },
        },
      },
      ...(data.average
        ? [
            {
              data: { values: [data.average] },
              layer: [
                { mark: { type: 'rule' as const, color: COLORS.long, strokeDash: [6, 3], strokeWidth: 1.5 }, encoding: { y } },
                {
                  mark: {
                    type: 'text' as const,
                    color: COLORS.long,
                    align: 'left' as const,
                    baseline: 'bottom' as const,
                    dx: 4,
                    dy: -3,
                    fontSize: 10,
                    x: 0,
                  },
                  encoding: { y, text: { field: 'label' } },
                },
              ],
            },
          ]
        : []),
    ],
  });
}

export function planEtfVolumeChart(snapshot: Snapshot, findings: Findings, lang: Lang): ChartPlan | undefined {
  const data = buildEtfVolumeData(snapshot, findings, lang);
  if (!data) return undefined;
  return { id: 'etf-volume', title: data.title, alt: data.alt, spec: buildEtfVolumeSpec(data, lang) };
}
