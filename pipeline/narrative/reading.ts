/**
 * The leverage gauges read together, for the long-form brief: the bullets give funding, basis and
 * open interest one at a time; an editor also wants to know whether they moved together — three
 * gauges falling at once is a broad deleveraging, one alone is not. Each gauge counts only when
 * its own threshold fired:
 *
 * - funding fell: it ended the day about zero or negative (funding.neutralMaxAbsPer8h) from a
 *   higher prior average; rose: the funding_flip finding's state is 'rising';
 * - basis fell: basis_compression.compressed (basis.compressionMinFraction); rose: the current
 *   range's low is above the prior range's high by the same fraction;
 * - open interest fell (rose) by openInterest.dropFractionMin or more.
 * Implied volatility stays with its bullet: the reading would only repeat it. When the basis
 * bullet is printed, the futures curve is read too (curveOf): its slope, the front against spot.
 *
 * Printed on a crash or rally day when at least two gauges moved with the day's leverage story,
 * or on a crash when the basis compressed while the coins held grew (positionsGrew).
 */
import type { FindingOf } from '../analysis/index.js';
import type { ComposeContext } from './compose-context.js';
import type { Day } from './lead.js';
import type { Breadth, Reading } from './model-reading.js';
import { hasClaim, listOf } from './compose-context.js';

export function composeReading(ctx: ComposeContext, day: Day, basisPrinted: boolean): Reading | undefined {
  if (!(day.crash || day.rally) || day.intradayOnly) return undefined;
  const t = ctx.input.config.thresholds;
  const funding = ctx.one('funding_flip', ctx.primary);
  const basis = ctx.one('basis_compression', ctx.primary);
  const oi = ctx.one('open_interest_change', ctx.primary);
  const widened = basis !== undefined && basis.currentRange.low - basis.priorRange.high >= t.basis.compressionMinFraction;
  const fell = {
    funding:
      funding !== undefined &&
      funding.weightedCurrentPer8h < funding.weightedPriorPer8h &&
      ['about_zero', 'slightly_negative', 'deeply_negative'].includes(funding.level),
    basis: basis?.compressed === true,
    openInterest: oi !== undefined && oi.changeFraction <= -t.openInterest.dropFractionMin,
  };
  const rose = {
    funding: funding?.state === 'rising',
    basis: widened,
    openInterest: oi !== undefined && oi.changeFraction >= t.openInterest.dropFractionMin,
  };
  const down = day.crash;
  // A crash's leverage story is gauges falling; a rally's, gauges rising (or shorts covering).
  const moved = Object.values(down ? fell : rose).filter(Boolean).length;
  const shortCovering = !down && fell.openInterest;
  // Coins held grew (past openInterest.flatFractionMax, short of the notable dropFractionMin) on
  // a fall the futures cooled on: sentiment eased without any deleveraging, read as such.
  const positionsGrew = down && fell.basis && oi !== undefined && oi.measure === 'coins' && !oi.flat && oi.changeFraction > 0;
  if (moved < 2 && !(shortCovering && (rose.funding || rose.basis)) && !positionsGrew) return undefined;
  const curve = basis && basisPrinted ? curveOf(basis, t.basis.compressionMinFraction) : undefined;
  return {
    down,
    fell,
    rose,
    all: moved === 3,
    shortCovering,
    positionsGrew,
    // Coins held fell, short of the drop threshold, past openInterest.flatFractionMax (a rally's "not added, in fact fewer").
    positionsEased: oi !== undefined && oi.measure === 'coins' && !oi.flat && oi.changeFraction < 0 && !fell.openInterest,
    // Every venue settled below zero in the window while the running rate is not negative (the funding bullet's sentence).
    settledNegative: funding?.negativeSettlements !== undefined && funding.weightedCurrentPer8h >= 0,
    fundingEased:
      funding !== undefined &&
      !fell.funding &&
      funding.weightedCurrentPer8h < funding.weightedPriorPer8h &&
      funding.weightedCurrentPer8h > 0,
    ...(curve ? { curve } : {}),
  };
}

type BasisFinding = FindingOf<'basis_compression'>;
type Tenor = BasisFinding['tenors'][number];

/**
 * The futures curve across the expiries the basis finding reads: its slope at the close (per
 * venue, as basis differs by venue), what the nearest expiry did against spot, and whether the
 * day's move sat in the front (nearest against farthest expiry, each averaged over its venues,
 * apart by `gapMin` or more, the compression threshold). Undefined with a single expiry.
 */
function curveOf(f: BasisFinding, gapMin: number): Reading['curve'] {
  const expiries = [...new Set(f.tenors.map((x) => x.expiry))].sort((a, b) => a - b);
  if (expiries.length < 2) return undefined;
  const at = (expiry: number): Tenor[] => f.tenors.filter((x) => x.expiry === expiry);
  const change = (tenors: Tenor[]): number => tenors.reduce((sum, x) => sum + x.currentAnnualized - x.priorAnnualized, 0) / tenors.length;
  const near = at(expiries[0]!);
  const far = at(expiries[expiries.length - 1]!);
  const venues = [...new Set(f.tenors.map((x) => x.venue))];
  const upward = venues.every((venue) => {
    const curve = f.tenors.filter((x) => x.venue === venue).sort((a, b) => a.expiry - b.expiry);
    return curve.every((x, i) => i === 0 || x.currentAnnualized >= curve[i - 1]!.currentAnnualized);
  });
  const frontBelowSpot = near.some((x) => x.currentAnnualized < 0);
  return {
    upward,
    frontBelowSpot,
    frontDipped: !frontBelowSpot && near.some((x) => x.backwardation),
    frontLed: Math.abs(change(near)) - Math.abs(change(far)) >= gapMin,
  };
}

/**
 * The other assets as a group against the lead asset, on a crash or rally day with two or more
 * assets: printed only when every other asset carries the same claim (all 'underperformed' or
 * all 'outperformed'), so "均大于" is true of each one.
 */
export function composeBreadth(ctx: ComposeContext, day: Day): Breadth | undefined {
  if (!(day.crash || day.rally)) return undefined;
  const others = ctx.plan.assets.map((a) => a.asset).filter((a) => a !== ctx.primary);
  if (others.length === 0) return undefined;
  const worse = others.every((a) => hasClaim(ctx, 'underperformed', a));
  const better = others.every((a) => hasClaim(ctx, 'outperformed', a));
  if (!worse && !better) return undefined;
  return {
    lead: ctx.name(ctx.primary),
    others: listOf(
      others.map((a) => ctx.name(a)),
      ctx.lang,
    ),
    several: others.length > 1,
    down: day.crash,
    worse,
    better,
  };
}
