/**
 * Plausibility of liquidation figures before analysis (issue 16):
 *  - a collected order (from the exchanges' streams) whose price lies outside the day's spot
 *    low–high, or whose notional exceeds a share of the asset's open interest on all venues, cannot
 *    be real: it is left out, the collector's totals are summed again without it, and a gap says so;
 *  - a lower-bound (sampled) total above a complete total of the same asset and window contradicts
 *    it: the lower bound is left out and a gap says so.
 * Tolerances come from `thresholds.crossCheck`. Pure: parts in, cleaned parts and gaps out.
 */
import type { Gap, LiquidationOrder, LiquidationTotals } from '../kernel/snapshot/index.js';
import type { CrossCheckTolerances } from './cross-check.js';
import type { SnapshotParts } from './types.js';

/** USD sums rounded to cents, as the collector's own aggregation does. */
function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The day's spot low and high of an asset over the window's hourly candles, if any. */
function dayRange(parts: Partial<SnapshotParts>, asset: string, window: { start: number; end: number }) {
  const candles = (parts.prices ?? [])
    .filter((s) => s.asset === asset && s.interval === '1h' && s.market === 'spot')
    .flatMap((s) => s.candles)
    .filter((c) => c.t >= window.start && c.t < window.end);
  if (candles.length === 0) return undefined;
  return { low: Math.min(...candles.map((c) => c.l)), high: Math.max(...candles.map((c) => c.h)) };
}

/** The asset's open interest in USD: the latest point of every venue, added up. */
function openInterestUsd(parts: Partial<SnapshotParts>, asset: string): number | undefined {
  const latest = (parts.openInterest ?? [])
    .filter((s) => s.asset === asset && s.history.length > 0)
    .map((s) => s.history.reduce((a, b) => (b.time > a.time ? b : a)).oiUsd);
  return latest.length ? latest.reduce((a, b) => a + b, 0) : undefined;
}

function implausible(
  order: LiquidationOrder,
  parts: Partial<SnapshotParts>,
  window: { start: number; end: number },
  tol: CrossCheckTolerances,
) {
  const range = dayRange(parts, order.asset, window);
  const slack = tol.eventPriceVsDayFraction;
  if (range && (order.price < range.low * (1 - slack) || order.price > range.high * (1 + slack))) return true;
  // The notional must be the order's own price × quantity (a unit error breaks the product).
  if (Math.abs(order.notionalUsd / (order.price * order.quantity) - 1) > slack) return true;
  const oi = openInterestUsd(parts, order.asset);
  return oi !== undefined && order.notionalUsd > oi * tol.eventMaxOpenInterestFraction;
}

/** The collector's totals summed again from the orders that stayed. */
function collectorTotals(old: readonly LiquidationTotals[], orders: readonly LiquidationOrder[]): LiquidationTotals[] {
  return old.flatMap((totals) => {
    const own = orders.filter((o) => o.asset === totals.asset);
    if (own.length === 0) return [];
    const longUsd = cents(own.filter((o) => o.side === 'long').reduce((sum, o) => sum + o.notionalUsd, 0));
    const shortUsd = cents(own.filter((o) => o.side === 'short').reduce((sum, o) => sum + o.notionalUsd, 0));
    return [{ ...totals, longUsd, shortUsd, totalUsd: cents(longUsd + shortUsd) }];
  });
}

export function checkLiquidations(
  parts: Partial<SnapshotParts>,
  window: { start: number; end: number },
  tol: CrossCheckTolerances,
): { parts: Partial<SnapshotParts>; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const out: Partial<SnapshotParts> = { ...parts };
  const groups = parts.liquidationOrders ?? [];
  const collected = groups.filter((g) => g.source === 'collector');
  if (collected.length) {
    const dropped: LiquidationOrder[] = [];
    const kept = collected.map((group) => {
      const orders = group.orders.filter((o) => !(implausible(o, parts, window, tol) && dropped.push(o)));
      return { ...group, orders };
    });
    if (dropped.length) {
      const remaining = kept.flatMap((g) => g.orders);
      out.liquidationOrders = [...groups.filter((g) => g.source !== 'collector'), ...kept.filter((g) => g.orders.length > 0)];
      out.liquidationTotals = [
        ...(parts.liquidationTotals ?? []).filter((t) => t.source !== 'collector'),
        ...collectorTotals(
          (parts.liquidationTotals ?? []).filter((t) => t.source === 'collector'),
          remaining,
        ),
      ];
      for (const asset of [...new Set(dropped.map((o) => o.asset))]) {
        const own = dropped.filter((o) => o.asset === asset);
        gaps.push({
          family: 'liquidations',
          source: 'collector',
          asset,
          kind: 'Implausible',
          reason:
            `${own.length} collected ${asset} liquidation order(s) left out: price outside the day's range or notional beyond ${tol.eventMaxOpenInterestFraction * 100} % of open interest (largest ${Math.round(Math.max(...own.map((o) => o.notionalUsd)))} USD)`.slice(
              0,
              300,
            ),
          check: {
            name: 'event-size',
            times: own.map((o) => o.time).slice(0, 800),
            symbols: [...new Set(own.map((o) => o.symbol))].slice(0, 50),
          },
        });
      }
    }
  }

  // A floor above a complete total of the same asset and window contradicts it.
  const totals = out.liquidationTotals ?? [];
  const contradicted = totals.filter(
    (t) =>
      t.coverage === 'lower-bound' &&
      totals.some(
        (c) =>
          c.coverage === 'complete' &&
          c.asset === t.asset &&
          c.start === t.start &&
          c.end === t.end &&
          t.totalUsd > c.totalUsd * (1 + tol.lowerBoundOverCompleteFraction),
      ),
  );
  if (contradicted.length) {
    out.liquidationTotals = totals.filter((t) => !contradicted.includes(t));
    for (const t of contradicted) {
      gaps.push({
        family: 'liquidations',
        source: t.source,
        ...(t.asset ? { asset: t.asset } : {}),
        kind: 'Implausible',
        reason: `${t.source} sampled (lower-bound) total ${Math.round(t.totalUsd)} USD is above the complete total of the same window; left out`,
        check: { name: 'lower-bound-above-total', symbols: [t.source] },
      });
    }
  }
  return { parts: out, gaps };
}
