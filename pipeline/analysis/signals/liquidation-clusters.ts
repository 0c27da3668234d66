/**
 * Liquidation clusters: the price band where an asset's long (or short) liquidations concentrate
 * ("ETH long liquidations concentrated between 2,210 and 2,290"), from order-level data in the
 * window.
 *
 * Method, per asset:
 * - Side: the side with the larger liquidated notional; the band is of that side's notional only
 *   (longs are forced out below the market, shorts above: one band for both mixes two events).
 * - Price kind: venues report either the fill price (Binance `ap`) or the bankruptcy price (OKX
 *   `bkPx`, Bybit `p`), which lies beyond the fill. Fill prices are used when at least
 *   `clusters.minOrders` orders have them; otherwise bankruptcy prices, and the finding says so.
 * - Band: orders (identical orders reported twice counted once) are binned by price, bins
 *   `clusters.binWidthFraction` of the median order price wide; the band is the narrowest run of
 *   contiguous bins (empty bins inside count toward the width) holding at least
 *   `clusters.minShareFraction` of the side's notional; ties go to the run with more notional,
 *   then the lower price. It is quoted from the lowest to the highest order price inside it,
 *   rounded outward to two powers of ten below the price (10 for ETH at 2,250). A band wider than
 *   `clusters.maxBandWidthFraction` of price is no cluster.
 * - Reached: whether the asset's traded range (the price move's low–high) overlaps the band. Only
 *   then may a brief say the band is where the break set off the cascade.
 */
import type { LiquidationOrder, Snapshot } from '../../../kernel/snapshot/index.js';
import { earlierOf, type Signal } from '../context.js';
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

/** Which price a venue's liquidation stream reports (see sources/collector and sources/okx). */
export const PRICE_KIND: Readonly<Record<string, 'fill' | 'bankruptcy'>> = { binance: 'fill', okx: 'bankruptcy', bybit: 'bankruptcy' };

export interface WindowOrder {
  order: LiquidationOrder;
  setIndex: number;
  provider: string;
}

/**
 * An asset's liquidation orders in the window, identical orders reported twice counted once, and
 * the side with the larger notional (ties: long) with its orders.
 */
export function windowOrders(snapshot: Snapshot, asset: string): { all: WindowOrder[]; side: 'long' | 'short'; ofSide: WindowOrder[] } {
  const { start, end } = snapshot.window;
  const seen = new Set<string>();
  const all: WindowOrder[] = [];
  snapshot.liquidations.orders.forEach((set, setIndex) => {
    for (const o of set.orders) {
      if (o.asset !== asset || !within(o.time, start, end)) continue;
      const key = `${o.venue}|${o.symbol}|${o.side}|${o.price}|${o.quantity}|${o.time}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push({ order: o, setIndex, provider: set.provenance.provider });
    }
  });
  const sideUsd = (side: 'long' | 'short'): number => sum(all.filter((x) => x.order.side === side).map((x) => x.order.notionalUsd));
  const side: 'long' | 'short' = sideUsd('long') >= sideUsd('short') ? 'long' : 'short';
  return { all, side, ofSide: all.filter((x) => x.order.side === side) };
}

export const liquidationClusterSignal: Signal = (snapshot, thresholds, context) => {
  const t = thresholds.clusters;
  const { start, end } = snapshot.window;
  const out: Finding[] = [];
  for (const asset of snapshot.assets) {
    const { side, ofSide } = windowOrders(snapshot, asset);
    const fills = ofSide.filter((x) => PRICE_KIND[x.order.venue] === 'fill');
    const priceKind: 'fill' | 'bankruptcy' = fills.length >= t.minOrders ? 'fill' : 'bankruptcy';
    const used = priceKind === 'fill' ? fills : ofSide.filter((x) => PRICE_KIND[x.order.venue] !== 'fill');
    if (used.length < t.minOrders) continue;
    const orders = used.map((x) => x.order);

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
    const shareFraction = roundSignificant(run.notional / total);
    const move = earlierOf(context, 'price_move').find((m) => m.asset === asset);
    const reached = move !== undefined && move.low <= band.high && move.high >= band.low;
    const setIndexes = [...new Set(used.map((x) => x.setIndex))].sort((a, b) => a - b);

    out.push({
      kind: 'liquidation_cluster',
      importance: importanceOf('liquidation_cluster', thresholdRatio(shareFraction, t.minShareFraction)),
      sources: [...new Set(used.map((x) => x.provider))].sort(),
      paths: setIndexes.map((i) => `liquidations.orders[${i}].orders`),
      threshold: { name: 'clusters.minShareFraction', value: t.minShareFraction, unit: 'fraction' },
      asset,
      side,
      band,
      notionalUsd: roundSignificant(run.notional, 12),
      orderCount: inBand.length,
      shareFraction,
      priceKind,
      venues: [...new Set(orders.map((o) => o.venue))].sort(),
      reachedByPrice: reached,
      start,
      end,
    });
  }
  return out;
};
