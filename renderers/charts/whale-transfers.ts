/**
 * Large on-chain transfers of the primary asset per hour of the brief's day (transfers at or
 * above the source's threshold, e.g. ≥ 1,000 BTC), with the hour a price level broke marked
 * when analysis found one: the whale_activity finding's `aroundLevel`, or else the first
 * level_break. A day without any such transfer draws no chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Findings } from '../../pipeline/analysis/index.js';
import type { Snapshot } from '../../kernel/snapshot/index.js';
import { formatPrice, groupThousands } from './format.js';
import { labelsFor, venueName } from './labels.js';
import { findingsOfKind, hourSlots, inWindow, primaryAsset, slotIndex } from './select.js';
import { layeredChart, type Layer } from './spec.js';
import { COLORS } from './theme.js';
import { zoneLabel } from './time.js';
import type { ChartPlan, Lang } from './types.js';

export interface WhaleBar {
  hour: string;
  hourIndex: number;
  count: number;
}

export interface WhaleChartData {
  asset: string;
  /** Threshold in coins, formatted (`1,000`). */
  threshold: string;
  bars: WhaleBar[];
  /** The hour a level broke, with its label. */
  levelBreak?: { hour: string; hourIndex: number; label: string };
  zone: string;
  source: string;
  alt: string;
}

export function buildWhaleTransfersData(snapshot: Snapshot, findings: Findings, lang: Lang): WhaleChartData | undefined {
  const L = labelsFor(lang);
  const asset = primaryAsset(snapshot);
  const series = snapshot.whaleTransfers.find((w) => w.asset === asset);
  if (!series) return undefined;
  const inDay = series.transfers.filter((t) => inWindow(t.time, snapshot.window) && t.amountCoins >= series.thresholdCoins);
  if (inDay.length === 0) return undefined;

  const slots = hourSlots(snapshot.window, snapshot.timezone);
  const counts = slots.map(() => 0);
  for (const transfer of inDay) {
    const slot = slotIndex(snapshot.window, transfer.time);
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  const totalCoins = inDay.reduce((sum, t) => sum + t.amountCoins, 0);

  const around = findingsOfKind(findings, 'whale_activity', asset)[0]?.aroundLevel;
  const firstBreak = findingsOfKind(findings, 'level_break', asset)[0];
  const breakAt = around
    ? { level: around.level, time: around.breakTime, below: true }
    : firstBreak
      ? { level: firstBreak.level, time: firstBreak.time, below: firstBreak.direction === 'below' }
      : undefined;
  const breakSlot = breakAt ? slots[slotIndex(snapshot.window, breakAt.time)] : undefined;
  // aroundLevel does not carry a direction; a level_break at the same level does.
  const sameLevelBreak = breakAt && findingsOfKind(findings, 'level_break', asset).find((b) => b.level === breakAt.level);
  const below = sameLevelBreak ? sameLevelBreak.direction === 'below' : (breakAt?.below ?? true);

  const threshold = groupThousands(series.thresholdCoins, 0);
  const zone = zoneLabel(snapshot.timezone, snapshot.window.start, lang);
  const summary = L.whaleSummary({ count: L.count(inDay.length), coins: groupThousands(totalCoins, 0), asset });
  const alt = L.whaleAlt({ threshold, asset, date: snapshot.date, zone, summary });
  return {
    asset,
    threshold,
    bars: slots.map((slot) => ({ hour: slot.label, hourIndex: slot.index, count: counts[slot.index] ?? 0 })),
    ...(breakAt && breakSlot
      ? {
          levelBreak: {
            hour: breakSlot.label,
            hourIndex: breakSlot.index,
            label: `${below ? L.brokeBelow : L.brokeAbove} ${formatPrice(breakAt.level)}`,
          },
        }
      : {}),
    zone,
    source: `${L.sourcePrefix}${venueName(series.source)}${L.clause}${summary}`,
    alt,
  };
}

export function buildWhaleTransfersSpec(data: WhaleChartData, lang: Lang): TopLevelSpec {
  const L = labelsFor(lang);
  const x = { field: 'hour', type: 'ordinal' as const, sort: { field: 'hourIndex', op: 'min' as const } };
  const layers: Layer[] = [
    {
      data: { values: data.bars },
      mark: { type: 'bar', color: COLORS.ink },
      encoding: {
        x: { ...x, scale: { paddingInner: 0.25 }, axis: { title: L.hourAxis(data.zone), labelAngle: 0 } },
        y: { field: 'count', type: 'quantitative', axis: { title: L.transfers, format: 'd', tickMinStep: 1, tickCount: 5 } },
      },
    },
  ];
  if (data.levelBreak) {
    const mark = { values: [data.levelBreak] };
    layers.push({
      data: mark,
      mark: { type: 'rule', color: COLORS.long, strokeDash: [5, 3], strokeWidth: 1.5 },
      // At the start of the hour the level broke, so the rule does not hide that hour's bar.
      encoding: { x: { ...x, bandPosition: 0 } },
    });
    layers.push({
      data: mark,
      mark: { type: 'text', color: COLORS.long, align: 'right', baseline: 'top', dx: -4, y: 0, fontSize: 10 },
      encoding: { x: { ...x, bandPosition: 0 }, text: { field: 'label' } },
    });
  }
  return layeredChart({ title: L.whaleTitle(data.threshold, data.asset), subtitle: data.source, layers });
}

export function planWhaleTransfersChart(snapshot: Snapshot, findings: Findings, lang: Lang): ChartPlan | undefined {
  const data = buildWhaleTransfersData(snapshot, findings, lang);
  if (!data) return undefined;
  return {
    id: 'whale-transfers',
    title: labelsFor(lang).whaleTitle(data.threshold, data.asset),
    alt: data.alt,
    spec: buildWhaleTransfersSpec(data, lang),
  };
}
