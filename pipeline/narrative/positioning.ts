/**
 * Bulls against bears: the arguments each side can make from the day's data and the desk's
 * remarks, so that both are heard (or the brief says why one side dominates). Each point reuses
 * figures the bullets print, formatted the same way, so lead, bullets and body agree.
 */
import { WIRE_WRAP } from './register.js';
import type { Day } from './lead.js';
import { headlineBreak } from './lead.js';
import { etfFlowReadable } from './bullets-flows.js';
import { liquidationFindings } from './bullets-market.js';
import { liquidationTotal } from './liquidation-total.js';
import { md } from './markdown-escape.js';
import { hasClaim, type ComposeContext } from './compose-context.js';
import type { Point, Positioning } from './model.js';
import { basisPoints, fundingPoints } from './positioning-derivatives.js';
import { exchangeNetInflow } from './exchange-supply.js';

const MAX_POINTS = 4;

/** The bullet whose reading a point restates, by the point's key. */
const RESTATES: Partial<Record<keyof Point, string>> = {
  flushed: 'liquidations',
  squeezed: 'liquidations',
  etfInflow: 'etfFlows',
  etfOutflow: 'etfFlows',
  exchangeOutflow: 'exchangeFlows',
  exchangeInflow: 'exchangeFlows',
  oiDown: 'openInterest',
  oiUp: 'openInterest',
  volElevated: 'volatility',
  volCalm: 'volatility',
  entitySold: 'entities',
  entityBought: 'entities',
};

/**
 * The en wire wrap's points: those that do not restate a printed bullet's reading, or
 * the first point when every one of the side does. zh keeps them all.
 */
function wireOf(ctx: ComposeContext, points: Point[], printed: ReadonlySet<string>): Point[] {
  if (!WIRE_WRAP[ctx.lang]) return points;
  const kept = points.filter((p) => {
    const key = (Object.keys(p) as (keyof Point)[]).find((k) => k !== 'cite');
    const bullet = key ? RESTATES[key] : undefined;
    return bullet === undefined || !printed.has(bullet);
  });
  return kept.length > 0 ? kept : points.slice(0, 1);
}

/** `printed`: the bullet kinds the brief's sections print (for the en wire wrap's points). */
export function composePositioning(ctx: ComposeContext, day: Day, printed: ReadonlySet<string> = new Set()): Positioning {
  const { fmt, primary } = ctx;
  const bulls: Point[] = [];
  const bears: Point[] = [];
  const liq = ctx.plan.liquidations;
  const liqFrom = liq ? liquidationFindings(ctx, liq, false) : [];
  const oi = ctx.one('open_interest_change', primary);
  const vol = ctx.one('implied_vol', primary);
  const flows = ctx.one('exchange_flows', primary);
  const etf = ctx.one('etf_flows', primary);
  const brk = headlineBreak(ctx);
  // Every point is registered with the finding behind its figures, for its source footnote.
  const cite = ctx.cite;

  // "Flushed" is a word of size: only with the plan's leverage_flush claim, never for a long share alone.
  if (liq && hasClaim(ctx, 'leverage_flush') && !day.rally) {
    bulls.push(
      cite(
        {
          flushed: {
            longShare: fmt.pctRange(liq.longFractionRange.low, liq.longFractionRange.high, 0),
            total: md(liquidationTotal(liq, ctx.lang)),
            floor: liq.scope === 'floor',
          },
        },
        ...liqFrom,
      ),
    );
  }
  if (liq && ctx.plan.dominantSide === 'short' && day.rally) {
    bulls.push(
      cite(
        {
          squeezed: {
            shortShare: fmt.pctRange(1 - liq.longFractionRange.high, 1 - liq.longFractionRange.low, 0),
            total: md(liquidationTotal(liq, ctx.lang)),
            floor: liq.scope === 'floor',
          },
        },
        ...liqFrom,
      ),
    );
  }
  // An ETF flow is a point for either side only when the bullet reads it as a direction
  // (etfFlowReadable: the same claim); a flow the bullet calls too small argues nothing.
  // "仍在" (still) only after two or more inflow sessions in a row, as in the ETF bullet (longStreak).
  if (etf && etf.netFlowUsd > 0 && etfFlowReadable(ctx, etf))
    bulls.push(cite({ etfInflow: { net: fmt.usdAggregate(etf.netFlowUsd), date: fmt.date(etf.date), streak: etf.streakDays >= 2 } }, etf));
  if (etf && etf.netFlowUsd < 0 && etfFlowReadable(ctx, etf))
    bears.push(cite({ etfOutflow: { net: fmt.usdAggregate(-etf.netFlowUsd), date: fmt.date(etf.date) } }, etf));
  if (brk && day.rally && brk.closedBeyond) bulls.push(cite({ levelGained: { level: fmt.level(brk.level) } }, brk));
  if (brk && day.crash && brk.closedBeyond) bears.push(cite({ levelLost: { level: fmt.level(brk.level) } }, brk));
  if (brk && day.crash && !brk.closedBeyond) bulls.push(cite({ levelHeld: { level: fmt.level(brk.level) } }, brk));

  // Funding and basis of every configured asset, a clause each (positioning-derivatives.ts).
  const funding = fundingPoints(ctx, WIRE_WRAP[ctx.lang] && printed.has('funding') ? primary : undefined);
  bulls.push(...funding.bulls);
  bears.push(...funding.bears);
  // The outflow after the peak is a bull point only on a day that ended in net outflows (as the bullet reads it).
  if (flows && flows.netAfterPeakCoins < 0 && flows.netCoins < 0)
    bulls.push(cite({ exchangeOutflow: { after: fmt.coins(-flows.netAfterPeakCoins, flows.asset) } }, flows));
  // Every asset's basis before the exchange inflow: the points are capped, and the inflow is
  // printed in its own bullet already.
  bears.push(...basisPoints(ctx, day));
  if (flows && exchangeNetInflow(ctx)) bears.push(cite({ exchangeInflow: { net: fmt.coins(flows.netCoins, flows.asset) } }, flows));
  if (oi && day.rally && oi.changeFraction > 0) bulls.push(cite({ oiUp: { change: fmt.pctAbs(oi.changeFraction) } }, oi));
  if (oi && day.crash && oi.changeFraction < 0 && !oi.deleveraging)
    bears.push(cite({ oiDown: { change: fmt.pctAbs(oi.changeFraction) } }, oi));
  if (vol) {
    if (vol.elevated) bears.push(cite({ volElevated: { current: fmt.vol(vol.current), index: ctx.ticker(vol.index) } }, vol));
    else if (day.range) bulls.push(cite({ volCalm: { current: fmt.vol(vol.current), index: ctx.ticker(vol.index) } }, vol));
  }
  for (const note of ctx.input.notes?.notes ?? []) {
    if (note.kind !== 'entity_move') continue;
    const point = { entity: ctx.text(note.entity), amount: fmt.coins(note.amountCoins, note.asset) };
    if (note.action === 'sale' || note.action === 'deposit_to_exchange') bears.push({ entitySold: point });
    if (note.action === 'purchase' || note.action === 'withdraw_from_exchange') bulls.push({ entityBought: point });
  }
  // Remarks come first on their side: they are what the desk heard, the data points follow.
  const remarks = (stance: 'bullish' | 'bearish'): Point[] =>
    (ctx.input.notes?.notes ?? []).flatMap((n) =>
      n.kind === 'remark' && n.stance === stance
        ? [{ remark: { speaker: ctx.text(n.speaker), text: ctx.text(n.text), source: ctx.link(n.source) } }]
        : [],
    );
  const bullPoints = [...remarks('bullish'), ...bulls].slice(0, MAX_POINTS);
  const bearPoints = [...remarks('bearish'), ...bears].slice(0, MAX_POINTS);
  return {
    bulls: bullPoints,
    bears: bearPoints,
    wire: { bulls: wireOf(ctx, bullPoints, printed), bears: wireOf(ctx, bearPoints, printed) },
    bullsOnly: bearPoints.length === 0 && bullPoints.length > 0,
    bearsOnly: bullPoints.length === 0 && bearPoints.length > 0,
  };
}
