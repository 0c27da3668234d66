/**
 * Level breaks: round levels (see util/levels.ts) crossed during the window, measured from the
 * close before the window. A level counts as broken downward when the window traded strictly
 * below it (a touch is not a break), upward when it traded strictly above it. The time is the
 * first hour whose low (high) crossed; `closedBeyond` says whether the window's last close stayed
 * beyond the level.
 *
 * The threshold reported is the round step in use (`levels.step`: by magnitude, or the
 * `levels.stepOverrides` entry of the asset).
 */
import type { Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { isMajorLevel, levelsBetween, roundStep } from '../util/levels.js';
import { windowPrices } from './window-prices.js';

/** Major levels (multiples of ten steps) weigh more; levels the window closed back across, less. */
const MAJOR_LEVEL_WEIGHT = 1.25;
const RECLAIMED_WEIGHT = 0.75;

export const levelBreakSignal: Signal = (snapshot, thresholds) => {
  const out: Finding[] = [];
  for (const asset of snapshot.assets) {
    const wp = windowPrices(snapshot, asset, thresholds);
    if (!wp) continue;
    const { candles, prevClose } = wp;
    const close = candles[candles.length - 1]?.c ?? prevClose;
    const low = Math.min(...candles.map((c) => c.l));
    const high = Math.max(...candles.map((c) => c.h));
    const step = roundStep(prevClose, thresholds.levels.stepOverrides[asset]);

    type Break = { level: number; direction: 'below' | 'above'; time: number; closedBeyond: boolean };
    const breaks: Break[] = [];
    for (const level of levelsBetween(low, prevClose, step)) {
      const hour = candles.find((c) => c.l < level);
      if (hour) breaks.push({ level, direction: 'below', time: hour.t, closedBeyond: close < level });
    }
    for (const level of levelsBetween(prevClose, high, step)) {
      const hour = candles.find((c) => c.h > level);
      if (hour) breaks.push({ level, direction: 'above', time: hour.t, closedBeyond: close > level });
    }
    // Keep the furthest from the prior close (the headline levels), then report in time order.
    const kept = [...breaks]
      .sort((a, b) => Math.abs(b.level - prevClose) - Math.abs(a.level - prevClose) || a.level - b.level)
      .slice(0, thresholds.levels.maxBreaksPerAsset)
      .sort((a, b) => a.time - b.time || (a.direction === 'below' ? b.level - a.level : a.level - b.level));

    for (const b of kept) {
      const distanceFraction = Math.abs(b.level - prevClose) / prevClose;
      const ratio =
        thresholdRatio(distanceFraction, thresholds.price.moveFractionMin) *
        (isMajorLevel(b.level, step) ? MAJOR_LEVEL_WEIGHT : 1) *
        (b.closedBeyond ? 1 : RECLAIMED_WEIGHT);
      out.push({
        kind: 'level_break',
        importance: importanceOf('level_break', ratio),
        sources: [wp.series.provenance.provider],
        paths: [`prices[${wp.index}].candles`],
        threshold: { name: 'levels.step', value: step, unit: 'price' },
        asset,
        level: b.level,
        direction: b.direction,
        time: b.time,
        closedBeyond: b.closedBeyond,
      });
    }
  }
  return out;
};
