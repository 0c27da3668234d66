/**
 * The day plan: every decision the brief's words rest on, made once from the other findings.
 *
 * - Day type. Several assets moving together beyond `systemic.moveFractionMin` set the direction;
 *   otherwise the lead asset's close-to-close change beyond `price.moveFractionMin`, or a smaller
 *   change of the same sign with a high-to-low swing beyond `price.drawdownFractionMin` in that
 *   direction. Anything else is a range day.
 * - Lead asset: the first configured asset with a price move (the brief is written around it).
 * - Liquidations: the headline figure and its scope (see liquidation-headline.ts); the dominant
 *   side is the one holding at least `liquidations.longShareMin` of that figure.
 * - Assets, in configured order: change, drawdown, the level to name (stepped by `levels.step`
 *   or its override) and how the asset compares with the lead asset on each measure separately.
 * - Claims: each magnitude word ("放量", "去化", "空头占据主动", "抗跌" …) is a claim with the
 *   measure, its value and the threshold that fired; a claim absent here must not be worded.
 */
import { earlierOf, type Signal } from '../context.js';
import type { Claim, DayPlan, Finding, PriceMove } from '../findings.js';
import { roundStep } from '../util/levels.js';
import { roundSignificant } from '../util/stats.js';
import { catalystsWithin, releasesInSession, unsourcedKinds } from '../calendar/catalysts.js';
import { holidaysSince, isUsEarlyClose, usCloseInstant } from '../util/us-market.js';
import { liquidationHeadline } from './liquidation-headline.js';
import { macroMoves } from './macro-moves.js';

type PlanAsset = DayPlan['assets'][number];

/** Crash, rally or range from the lead asset's move and the systemic move, if any. */
export function dayTypeOf(
  lead: PriceMove,
  systemic: { direction: 'down' | 'up'; systemic: boolean; assets: unknown[] } | undefined,
  t: { moveFractionMin: number; drawdownFractionMin: number },
): DayPlan['dayType'] {
  if (systemic && systemic.systemic && systemic.assets.length >= 2) return systemic.direction === 'down' ? 'crash' : 'rally';
  const swing = lead.low > 0 ? lead.high / lead.low - 1 : 0;
  if (
    lead.changeFraction <= -t.moveFractionMin ||
    (lead.changeFraction < 0 && lead.drawdownFraction <= -t.drawdownFractionMin && lead.direction === 'down')
  )
    return 'crash';
  if (lead.changeFraction >= t.moveFractionMin || (lead.changeFraction > 0 && swing >= t.drawdownFractionMin && lead.direction === 'up'))
    return 'rally';
  return 'range';
}

/** The level to name for one asset: furthest held in the day's direction, else the furthest crossed. */
function levelOf(findings: readonly Finding[], asset: string, direction: 'below' | 'above'): PlanAsset['brokenLevel'] {
  const breaks = findings.flatMap((f) => (f.kind === 'level_break' && f.asset === asset && f.direction === direction ? [f] : []));
  if (breaks.length === 0) return undefined;
  const further = (a: number, b: number): boolean => (direction === 'below' ? a < b : a > b);
  const held = breaks.filter((b) => b.closedBeyond);
  const pick = (held.length > 0 ? held : breaks).reduce((best, b) => (further(b.level, best.level) ? b : best));
  return { level: pick.level, direction, closedBeyond: pick.closedBeyond, time: pick.time };
}

export const dayPlanSignal: Signal = (snapshot, thresholds, context) => {
  const moves = earlierOf(context, 'price_move');
  const order = snapshot.assets.filter((a) => moves.some((m) => m.asset === a));
  const leadAsset = order[0];
  if (leadAsset === undefined) return [];
  const lead = moves.find((m) => m.asset === leadAsset)!;
  const systemic = earlierOf(context, 'systemic_move')[0];
  const dayType = dayTypeOf(lead, systemic, thresholds.price);
  const multiAsset = Boolean(systemic?.systemic && systemic.assets.length >= 2);
  const direction = dayType === 'rally' ? 'above' : 'below';

  const assets: PlanAsset[] = order.map((asset) => {
    const m = moves.find((x) => x.asset === asset)!;
    const brokenLevel = dayType === 'range' ? undefined : levelOf(context.earlier, asset, direction);
    return {
      asset,
      changeFraction: m.changeFraction,
      drawdownFraction: m.drawdownFraction,
      low: m.low,
      high: m.high,
      close: m.close,
      prevClose: m.prevClose,
      levelStep: roundStep(m.prevClose, thresholds.levels.stepOverrides[asset]),
      ...(brokenLevel ? { brokenLevel } : {}),
      ...(asset === leadAsset
        ? {}
        : {
            vsLead: {
              deeperCloseToClose: Math.abs(m.changeFraction) > Math.abs(lead.changeFraction),
              deeperHighToLow: Math.abs(m.drawdownFraction) > Math.abs(lead.drawdownFraction),
            },
          }),
    };
  });

  const liquidations = liquidationHeadline(context.earlier, snapshot.assets);
  const t = thresholds;
  const claims: Claim[] = [];
  let dominantSide: DayPlan['dominantSide'] = 'none';
  if (liquidations) {
    const longMin = t.liquidations.longShareMin;
    const threshold = { name: 'liquidations.longShareMin', value: longMin, unit: 'fraction' as const };
    if (liquidations.longFractionRange.low >= longMin) {
      dominantSide = 'long';
      claims.push({ id: 'long_flush', measure: 'long share of liquidations', value: liquidations.longFractionRange.low, threshold });
    } else if (1 - liquidations.longFractionRange.high >= longMin) {
      dominantSide = 'short';
      claims.push({
        id: 'short_squeeze',
        measure: 'short share of liquidations',
        value: 1 - liquidations.longFractionRange.high,
        threshold,
      });
    }
  }

  // "Leverage flushed" / "出清" / "Long squeeze" are words of size, not of share: the total must be a
  // complete figure at least `liquidations.multipleOfMedianMin` times its 30-day median, longs
  // must dominate it and the lead asset's open interest must have fallen. The assets' sum has no
  // median of its own: the lead asset's multiple (from a complete source) stands for it; so it does
  // for a market-wide total whose source published no median (the replayed 4 January: BTC's
  // $1.26 billion was 7.9x its median inside an all-coin total with none). A floor from sampled
  // streams has no median and never licenses it.
  const leadOi = earlierOf(context, 'open_interest_change').find((o) => o.asset === leadAsset);
  const leadLiq = earlierOf(context, 'liquidations').find((l) => l.asset === leadAsset);
  const multiple =
    liquidations?.scope === 'market'
      ? (liquidations.multipleOfMedian ?? leadLiq?.multipleOfMedian)
      : liquidations?.scope === 'assets'
        ? leadLiq?.multipleOfMedian
        : undefined;
  if (
    dominantSide === 'long' &&
    multiple !== undefined &&
    multiple >= t.liquidations.multipleOfMedianMin &&
    leadOi &&
    leadOi.changeFraction < 0
  )
    claims.push({
      id: 'leverage_flush',
      measure: 'liquidations / 30-day median (longs dominant, open interest fell)',
      value: multiple,
      threshold: { name: 'liquidations.multipleOfMedianMin', value: t.liquidations.multipleOfMedianMin, unit: 'multiple' },
    });

  for (const asset of order) {
    const volume = earlierOf(context, 'volume_spike').find((v) => v.asset === asset && v.market === 'perp' && v.threshold !== undefined);
    if (volume?.threshold) {
      const best = Math.max(
        ...volume.perVenue.map((v) => (volume.threshold!.unit === 'multiple' ? (v.multipleOf30dAvg ?? 0) : v.changeVsPrevFraction)),
      );
      claims.push({
        id: 'volume_surge',
        asset,
        measure: volume.threshold.unit === 'multiple' ? 'perp volume / 30-day average' : 'perp volume vs prior day',
        value: best,
        threshold: volume.threshold,
      });
    }
    const oi = earlierOf(context, 'open_interest_change').find((o) => o.asset === asset);
    if (oi?.threshold) {
      claims.push({
        id: 'oi_drop',
        asset,
        measure: `open interest change in ${oi.measure === 'coins' ? 'coins held' : 'USD'}, all venues`,
        value: oi.changeFraction,
        threshold: oi.threshold,
      });
      if (oi.deleveraging)
        claims.push({
          id: 'deleveraging',
          asset,
          measure: 'open interest change while price fell',
          value: oi.changeFraction,
          threshold: oi.threshold,
        });
      // The drop against every liquidation the headline counts (never a sampled floor): more
      // than voluntaryMultipleMin times it cannot have been forced.
      const covers =
        liquidations && liquidations.scope !== 'floor' && (liquidations.scope === 'market' || liquidations.assets.includes(asset));
      if (oi.deleveraging && oi.closedUsd !== undefined && covers && liquidations.totalRangeUsd.high > 0) {
        const multiple = oi.closedUsd / liquidations.totalRangeUsd.high;
        if (multiple >= t.openInterest.voluntaryMultipleMin)
          claims.push({
            id: 'voluntary_deleveraging',
            asset,
            measure: 'positions closed (coins valued at the end, USD) / liquidation total',
            value: roundSignificant(multiple),
            threshold: { name: 'openInterest.voluntaryMultipleMin', value: t.openInterest.voluntaryMultipleMin, unit: 'multiple' },
          });
      }
    }
    const funding = earlierOf(context, 'funding_flip').find((f) => f.asset === asset);
    if (funding && funding.weightedCurrentPer8h <= -t.funding.shortPressureMinPer8h) {
      claims.push({
        id: 'short_pressure',
        asset,
        measure: `funding per 8h, ${funding.weighting}-weighted`,
        value: funding.weightedCurrentPer8h,
        threshold: { name: 'funding.shortPressureMinPer8h', value: t.funding.shortPressureMinPer8h, unit: 'per8h' },
      });
    }
    const etf = earlierOf(context, 'etf_flows').find((f) => f.asset === asset);
    if (etf && Math.abs(etf.netFlowUsd) >= t.etf.netFlowNotableUsd) {
      claims.push({
        id: etf.netFlowUsd < 0 ? 'etf_outflow' : 'etf_inflow',
        asset,
        measure: `ETF net flow ${etf.date}`,
        value: etf.netFlowUsd,
        threshold: { name: 'etf.netFlowNotableUsd', value: t.etf.netFlowNotableUsd, unit: 'usd' },
      });
    }
  }
  // "Resilient" / "hit harder" than the lead asset, only when the gap in close-to-close change is
  // itself a notable move (`systemic.moveFractionMin`). On a crash both measures must agree (a
  // smaller close-to-close drop with a deeper intraday fall is not "抗跌"); on a rally the
  // close-to-close rise alone says who led.
  for (const a of assets) {
    if (!a.vsLead || dayType === 'range') continue;
    const gap = Math.abs(a.changeFraction) - Math.abs(lead.changeFraction);
    const threshold = { name: 'systemic.moveFractionMin', value: t.systemic.moveFractionMin, unit: 'fraction' as const };
    const larger = a.vsLead.deeperCloseToClose && (dayType === 'rally' || a.vsLead.deeperHighToLow) && gap >= t.systemic.moveFractionMin;
    const smaller =
      !a.vsLead.deeperCloseToClose && (dayType === 'rally' || !a.vsLead.deeperHighToLow) && -gap >= t.systemic.moveFractionMin;
    const measure = dayType === 'rally' ? 'close-to-close vs lead asset' : 'close-to-close and high-to-low vs lead asset';
    if ((dayType === 'crash' && smaller) || (dayType === 'rally' && larger))
      claims.push({ id: 'outperformed', asset: a.asset, measure, value: gap, threshold });
    if ((dayType === 'crash' && larger) || (dayType === 'rally' && smaller))
      claims.push({ id: 'underperformed', asset: a.asset, measure, value: gap, threshold });
  }

  const macro = macroMoves(snapshot, thresholds);
  for (const m of macro.moves.filter((x) => x.fired)) {
    const name =
      m.kind === 'yield' ? 'macro.yieldMovePointsMin' : m.kind === 'dollar' ? 'macro.dollarMoveFractionMin' : 'macro.indexMoveFractionMin';
    const value =
      m.kind === 'yield' ? t.macro.yieldMovePointsMin : m.kind === 'dollar' ? t.macro.dollarMoveFractionMin : t.macro.indexMoveFractionMin;
    claims.push({
      id: 'macro_shock',
      measure: `${m.name} ${m.date} session change`,
      value: m.change,
      threshold: { name, value, unit: m.kind === 'yield' ? 'price' : 'fraction' },
    });
  }
  const horizon = t.catalysts.horizonDays;
  const catalysts = catalystsWithin(snapshot.date, horizon);
  const horizonEnd = new Date(Date.parse(`${snapshot.date}T00:00:00Z`) + horizon * 86_400_000).toISOString().slice(0, 10);
  // Past a schedule's last known day a release may exist that the calendar does not hold.
  const unsourced = unsourcedKinds(horizonEnd);

  const used = context.earlier.filter(
    (f) => f.kind === 'price_move' || f.kind === 'systemic_move' || (f.kind === 'liquidations' && liquidations !== undefined),
  );
  const plan: DayPlan = {
    kind: 'day_plan',
    importance: 0,
    sources: [...new Set(used.flatMap((f) => f.sources))].sort(),
    paths: [...new Set([...used.flatMap((f) => f.paths), ...macro.paths])],
    dayType,
    multiAsset,
    leadAsset,
    dominantSide,
    assets,
    ...(liquidations ? { liquidations } : {}),
    claims,
    ...(macro.moves.length > 0 ? { macro: macro.moves } : {}),
    ...sessionFacts(macro.moves, snapshot.window.end),
    catalysts: catalysts.map((c) => ({ ...c, name: { ...c.name } })),
    noCatalyst: catalysts.length === 0 && unsourced.length === 0,
    unsourced,
  };
  return [plan];
};

/** The macro moves' (latest) US session: its date and close, the releases it carried, the holidays after it. */
function sessionFacts(moves: readonly { date: string }[], windowEnd: number): Pick<DayPlan, 'macroReleases' | 'macroSession'> {
  if (moves.length === 0) return {};
  const date = moves.reduce((d, m) => (m.date > d ? m.date : d), moves[0]!.date);
  const releases = releasesInSession(date).map((c) => ({ time: c.time!, kind: c.kind, name: { ...c.name }, url: c.url }));
  return {
    ...(releases.length > 0 ? { macroReleases: releases } : {}),
    macroSession: { date, close: usCloseInstant(date), earlyClose: isUsEarlyClose(date), holidays: holidaysSince(date, windowEnd) },
  };
}
