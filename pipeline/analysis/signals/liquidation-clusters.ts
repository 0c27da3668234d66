/**
 * Liquidation clusters: the price band where an asset's liquidation orders concentrate
 * ("ETH liquidations concentrated between 2,210 and 2,290"), from order-level data in the window.
 *
 * Method: orders from every order set (identical orders reported twice are counted once) are
 * binned by price, bins `clusters.binWidthFraction` of the median order price wide. The band is
 * the narrowest run of contiguous bins (empty bins inside count toward the width) holding at
 * least `clusters.minShareFraction` of the asset's liquidated notional; ties go to the run with
 * more notional, then the lower price. The band is quoted from the lowest to the highest order
 * price inside it, rounded outward to two powers of ten below the price (10 for ETH at 2,250).
 * A band wider than `clusters.maxBandWidthFraction` of price is no cluster.
 */
import type { LiquidationOrder } from '../../snapshot/schema.js';
import type { Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { bandRoundingStep, roundBandOutward } from '../util/levels.js';
import { median, roundSignificant, sum } from '../util/stats.js';
import { within } from '../util/time.js';

interface Bin {
  readonly key: number;
  readonly orders: LiquidationOrder[];
  notional: number;
}

/** Narrowest contiguous run of bins holding ≥ `target` notional: [first, last] indexes into `bins`. */
export function densestRun(bins: readonly Bin[], target: number): { first: number; last: number; notional: number } | undefined {
  let best: { first: number; last: number; notional: number; span: number } | undefined;
  let j = -1;
  let acc = 0;
  for (let i = 0; i < bins.length; i++) {
    while (acc < target && j + 1 < bins.length) acc += bins[++j]!.notional;
    if (acc < target) break;
    const span = bins[j]!.key - bins[i]!.key + 1;
    if (!best || span < best.span || (span === best.span && acc > best.notional)) best = { first: i, last: j, notional: acc, span };
    acc -= bins[i]!.notional;
  }
  return best && { first: best.first, last: best.last, notional: best.notional };
}

export const liquidationClusterSignal: Signal = (snapshot, thresholds) => {
  const t = thresholds.clusters;
  const { start, end } = snapshot.window;
  const out: Finding[] = [];
  for (const asset of snapshot.assets) {
    const seen = new Set<string>();
    const orders: LiquidationOrder[] = [];
    const setIndexes: number[] = [];
    const providers = new Set<string>();
    snapshot.liquidations.orders.forEach((set, setIndex) => {
      let used = false;
      for (const o of set.orders) {
        if (o.asset !== asset || !within(o.time, start, end)) continue;
        const key = `${o.venue}|${o.symbol}|${o.side}|${o.price}|${o.quantity}|${o.time}`;
        if (seen.has(key)) continue;
        seen.add(key);
        orders.push(o);
        used = true;
      }
      if (used) {
        setIndexes.push(setIndex);
        providers.add(set.provenance.provider);
      }
    });
    if (orders.length < t.minOrders) continue;

    const reference = median(orders.map((o) => o.price))!;
    const width = reference * t.binWidthFraction;
    const byKey = new Map<number, Bin>();
    for (const o of orders) {
      const key = Math.floor(o.price / width);
      const bin = byKey.get(key) ?? { key, orders: [], notional: 0 };
      bin.orders.push(o);
      bin.notional += o.notionalUsd;
      byKey.set(key, bin);
    }
    const bins = [...byKey.values()].sort((a, b) => a.key - b.key);
    const total = sum(bins.map((b) => b.notional));
    const run = densestRun(bins, t.minShareFraction * total);
    if (!run || total <= 0) continue;

    const inBand = bins.slice(run.first, run.last + 1).flatMap((b) => b.orders);
    const prices = inBand.map((o) => o.price);
    const band = roundBandOutward(Math.min(...prices), Math.max(...prices), bandRoundingStep(reference));
    if ((band.high - band.low) / reference > t.maxBandWidthFraction) continue;

    const longUsd = sum(inBand.filter((o) => o.side === 'long').map((o) => o.notionalUsd));
    const longShare = longUsd / run.notional;
    const side = longShare >= t.sideDominanceFraction ? 'long' : 1 - longShare >= t.sideDominanceFraction ? 'short' : 'both';
    const shareFraction = roundSignificant(run.notional / total);

    out.push({
      kind: 'liquidation_cluster',
      importance: importanceOf('liquidation_cluster', thresholdRatio(shareFraction, t.minShareFraction)),
      sources: [...providers].sort(),
      paths: setIndexes.map((i) => `liquidations.orders[${i}].orders`),
      threshold: { name: 'clusters.minShareFraction', value: t.minShareFraction, unit: 'fraction' },
      asset,
      side,
      band,
      notionalUsd: roundSignificant(run.notional, 12),
      orderCount: inBand.length,
      shareFraction,
      start,
      end,
    });
  }
  return out;
};
