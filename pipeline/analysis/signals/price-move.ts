/**
 * Price move: the day's open, high, low, close per asset from hourly spot candles in the window,
 * the close-to-close change against the close before the window, and the intraday high-to-low
 * drawdown. Always reported when the window is covered; the threshold is attached when the move
 * or the drawdown reaches it.
 */
import type { Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { changeFraction, roundSignificant } from '../util/stats.js';
import { windowMissingHours, windowPrices } from './window-prices.js';

export const priceMoveSignal: Signal = (snapshot, thresholds) => {
  const out: Finding[] = [];
  for (const asset of snapshot.assets) {
    const wp = windowPrices(snapshot, asset, thresholds);
    if (!wp) continue;
    const { candles, prevClose } = wp;
    const first = candles[0];
    const lastCandle = candles[candles.length - 1] ?? first;
    // First candle holding the extreme: ties resolve to the earlier hour.
    let highC = first;
    let lowC = first;
    for (const c of candles) {
      if (c.h > highC.h) highC = c;
      if (c.l < lowC.l) lowC = c;
    }
    const change = changeFraction(lastCandle.c, prevClose);
    const drawdown = changeFraction(lowC.l, highC.h);
    if (change === undefined || drawdown === undefined) continue; // prices are positive; defensive

    let direction: 'down' | 'up' | 'flat';
    if (highC.h === lowC.l) direction = 'flat';
    else if (highC.t < lowC.t) direction = 'down';
    else if (lowC.t < highC.t) direction = 'up';
    // High and low in the same hour: the order inside it is unknown, so the day's sign decides.
    else direction = change < 0 ? 'down' : change > 0 ? 'up' : 'flat';

    const moveRatio = thresholdRatio(change, thresholds.price.moveFractionMin);
    const drawdownRatio = thresholdRatio(drawdown, thresholds.price.drawdownFractionMin);
    const ratio = Math.max(moveRatio, drawdownRatio);
    const threshold =
      ratio < 1
        ? undefined
        : moveRatio >= drawdownRatio
          ? { name: 'price.moveFractionMin', value: thresholds.price.moveFractionMin, unit: 'fraction' as const }
          : { name: 'price.drawdownFractionMin', value: thresholds.price.drawdownFractionMin, unit: 'fraction' as const };

    const missingHours = windowMissingHours(candles, snapshot.window, Date.parse(snapshot.generatedAt));
    out.push({
      kind: 'price_move',
      importance: importanceOf('price_move', ratio),
      sources: [wp.series.provenance.provider],
      paths: [`prices[${wp.index}].candles`],
      ...(threshold ? { threshold } : {}),
      asset,
      venue: wp.series.venue,
      start: snapshot.window.start,
      end: snapshot.window.end,
      open: first.o,
      high: highC.h,
      low: lowC.l,
      close: lastCandle.c,
      highTime: highC.t,
      lowTime: lowC.t,
      prevClose,
      changeFraction: roundSignificant(change),
      drawdownFraction: roundSignificant(drawdown),
      direction,
      ...(missingHours.length ? { missingHours } : {}),
    });
  }
  return out;
};
