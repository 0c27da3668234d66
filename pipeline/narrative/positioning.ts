/**
 * Bulls against bears: the arguments each side can make from the day's data and the desk's
 * remarks, so that both are heard (or the brief says why one side dominates). Each point reuses
 * figures the bullets print, formatted the same way, so lead, bullets and body agree.
 *
 * A drop (the lead's own: a crash, or a range day that closed lower than a tight range) always
 * has its bears: the round level it closed below, a close near the day's low, longs' share of the
 * liquidations (`long_flush`, when no `leverage_flush` makes it the bulls' flush), open interest
 * falling with price — each only where a finding holds it — and, failing all of those, the fall
 * itself. Its bulls are never said to dominate.
 */
import { WIRE_WRAP } from './register.js';
import type { Day } from './lead.js';
import { headlineBreak } from './lead.js';
import type { FindingOf } from '../analysis/index.js';
import { etfFlowReadable } from './bullets-flows.js';
import { liquidationFindings } from './bullets-liquidations.js';
import { liquidationTotal } from './liquidation-total.js';
import { md, type Md } from './markdown-escape.js';
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
  longsLiquidated: 'liquidations',
  oiDown: 'openInterest',
  oiUp: 'openInterest',
  oiReset: 'openInterest',
  volElevated: 'volatility',
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

/** A range day's furthest round level below which the window closed (the plan names none on a range day). */
function heldBelow(ctx: ComposeContext): FindingOf<'level_break'> | undefined {
  return ctx
    .all('level_break', ctx.primary)
    .filter((b) => b.direction === 'below' && b.closedBeyond)
    .sort((a, b) => a.level - b.level)[0];
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
  const move = ctx.one('price_move', primary);
  // The lead's own reading of the day: a crash, or a range day that closed lower than a tight range.
  const drop = move !== undefined && move.changeFraction < 0 && !day.rally && !day.tight;
  // Every point is registered with the finding behind its figures, for its source footnote.
  const cite = ctx.cite;
  // Longs' share of the day's liquidation total, as the lead prints both (a flush, or longs liquidated).
  const longsFigures = (l: NonNullable<typeof liq>): { longShare: Md; total: Md; floor: boolean } => ({
    longShare: fmt.pctRange(l.longFractionRange.low, l.longFractionRange.high, 0),
    total: md(liquidationTotal(l, ctx.lang)),
    floor: l.scope === 'floor',
  });

  // "Flushed" is a word of size: only with the plan's leverage_flush claim, never for a long share alone.
  if (liq && hasClaim(ctx, 'leverage_flush') && !day.rally) {
    bulls.push(
      cite(
        {
          flushed: longsFigures(liq),
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
  if (brk && day.crash && brk.closedBeyond) bears.push(cite({ levelLost: { level: fmt.level(brk.level), range: false } }, brk));
  const below = drop && day.range ? heldBelow(ctx) : undefined;
  if (below) bears.push(cite({ levelLost: { level: fmt.level(below.level), range: true } }, below));
  // A range day has no path paragraph to say the close stayed near the low: the point says it.
  const path = ctx.one('price_path', primary);
  if (drop && day.range && move && path?.direction === 'down' && path.retrace.nearExtreme)
    bears.push(cite({ closedNearLow: { close: fmt.price(move.close), low: fmt.price(move.low) } }, move));
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
  if (oi && day.rally && !oi.flat && oi.changeFraction > 0) bulls.push(cite({ oiUp: { change: fmt.pctAbs(oi.changeFraction) } }, oi));
  // Open interest cut with the price (the deleveraging finding) but no flush of size: the bulls'
  // reading of the same figure is less leverage left to force out (with a flush, `flushed` says it).
  if (oi && drop && oi.deleveraging && oi.changeFraction < 0 && !hasClaim(ctx, 'leverage_flush'))
    bulls.push(cite({ oiReset: { change: fmt.pctAbs(oi.changeFraction) } }, oi));
  // Longs' share of the liquidations on a drop without a flush (the bulls' point when there is one).
  if (drop && liq && ctx.plan.dominantSide === 'long' && hasClaim(ctx, 'long_flush') && !hasClaim(ctx, 'leverage_flush'))
    bears.push(
      cite(
        {
          longsLiquidated: longsFigures(liq),
        },
        ...liqFrom,
      ),
    );
  // A change within openInterest.flatFractionMax (the finding's `flat`) is no change of positions to argue from.
  if (oi && !oi.flat && drop && oi.changeFraction < 0 && !oi.deleveraging)
    bears.push(cite({ oiDown: { change: fmt.pctAbs(oi.changeFraction) } }, oi));
  if (vol) {
    // "Rose to" only when it rose on the day (the bullet's open → close); elevated is its level.
    const rose = vol.open !== undefined && fmt.vol(vol.open) !== fmt.vol(vol.current) && vol.current > vol.open;
    // Elevated implied volatility is the bears' (hedging demand); a calm one is no point for
    // either side: low volatility says nothing of direction (second editor's reading).
    if (vol.elevated) bears.push(cite({ volElevated: { current: fmt.vol(vol.current), index: ctx.ticker(vol.index), rose } }, vol));
    // A spike the close gave back on a fall (implied_vol.spike.faded) is the bulls': the panic the
    // options priced at the worst hour did not last. Not beside an elevated close (the bears' point).
    else if (day.crash && vol.spike?.faded)
      bulls.push(cite({ volFaded: { high: fmt.vol(vol.dayHigh), current: fmt.vol(vol.current), index: ctx.ticker(vol.index) } }, vol));
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
  // A drop with nothing else to argue for the bears: the fall itself, as the lead gives it.
  if (drop && move && bears.length === 0 && remarks('bearish').length === 0)
    bears.push(cite({ priceDrop: { asset: ctx.ticker(primary), change: fmt.pctAbs(move.changeFraction) } }, move));
  const bullPoints = [...remarks('bullish'), ...bulls].slice(0, MAX_POINTS);
  const bearPoints = [...remarks('bearish'), ...bears].slice(0, MAX_POINTS);
  return {
    bulls: bullPoints,
    bears: bearPoints,
    wire: { bulls: wireOf(ctx, bullPoints, printed), bears: wireOf(ctx, bearPoints, printed) },
    drop,
    bullsOnly: bearPoints.length === 0 && bullPoints.length > 0 && !drop,
    bearsOnly: bullPoints.length === 0 && bearPoints.length > 0,
  };
}
