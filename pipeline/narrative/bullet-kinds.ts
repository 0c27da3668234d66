/**
 * Which bullet prints each finding kind, and how it is built: one row per kind, typed by the
 * kind union (`satisfies Record<FindingKind, …>`), so a new kind does not compile until it says
 * which bullet prints it or which part of the brief does instead. Its order and weight are
 * analysis' table (pipeline/analysis/importance.ts, FINDING_KINDS).
 *
 * A row with a bullet picks its finding(s) for the brief's primary asset and builds the bullet's
 * value with the findings its figures cite (for the source footnotes).
 */
import type { FindingKind } from '../analysis/index.js';
import { clusterBullet, liquidationFindings, liquidationsBullet, printedFloors } from './bullets-liquidations.js';
import {
  basisBullet,
  basisPaths,
  crossAssetBullet,
  fundingBullet,
  moveOf,
  openInterestBullet,
  printedVolume,
  volatilityBullet,
  volumeBullet,
} from './bullets-market.js';
import { etfFlowsBullet, etfVolumeBullet, exchangeFlowsBullet, whalesBullet } from './bullets-flows.js';
import type { CiteFrom } from './citations.js';
import type { ComposeContext } from './compose-context.js';
import { headlineBreak, type Day } from './lead.js';
import type { Bullet } from './model.js';

export type BulletKey = Exclude<keyof Bullet, 'cite'>;

/** One bullet value with the findings (or paths) its figures come from. */
export interface BuiltBullet<B extends BulletKey = BulletKey> {
  value: Bullet[B] | undefined;
  from: CiteFrom[];
}

/** A kind printed as a bullet of its own. */
export interface Bulleted<B extends BulletKey = BulletKey> {
  readonly bullet: B;
  /** The bullets of this kind for the day (none, one, or one per asset). */
  readonly build: (ctx: ComposeContext, day: Day) => BuiltBullet<B>[];
}

/** A kind with no bullet: the part of the brief that prints it. */
export interface PrintedElsewhere {
  readonly bullet: undefined;
  readonly printedIn: 'lead' | 'path' | 'outlook' | 'data note' | 'whole brief';
}

function bulleted<B extends BulletKey>(bullet: B, build: (ctx: ComposeContext, day: Day) => BuiltBullet<B>[]): Bulleted<B> {
  return { bullet, build };
}

/** The bullet of one finding, when there is one: [] or [{ value, from: [finding] }]. */
function of<B extends BulletKey, F extends object>(finding: F | undefined, build: (f: F) => Bullet[B] | undefined): BuiltBullet<B>[] {
  return finding ? [{ value: build(finding), from: [finding as CiteFrom & F] }] : [];
}

export const BULLET_KINDS = {
  // On a market-wide sell-off, one bullet per asset other than the lead asset (configured order)
  // from the day plan; the words comparing it with the lead asset are the plan's claims. The lead
  // asset has none: its close, low, level and swing are all in the lead, so its bullet could only
  // repeat them ("set the tone for the market" carries no figure).
  price_move: bulleted('crossAsset', (ctx, day) =>
    day.multiAsset && day.crash
      ? ctx.plan.assets
          .filter((a) => a.asset !== ctx.primary)
          .map((a) => {
            const move = moveOf(ctx.findings, a.asset);
            return { value: crossAssetBullet(ctx, a, move), from: [move, headlineBreak(ctx, a.asset)] };
          })
      : [],
  ),
  // Its own prose section: how the move unfolded and what came before it.
  price_path: { bullet: undefined, printedIn: 'path' },
  level_break: { bullet: undefined, printedIn: 'lead' },
  systemic_move: { bullet: undefined, printedIn: 'lead' },
  historical_rank: { bullet: undefined, printedIn: 'lead' },
  // The headline figure with its scope, as the day plan decided it.
  liquidations: bulleted('liquidations', (ctx) => {
    const liq = ctx.plan.liquidations;
    return liq ? [{ value: liquidationsBullet(ctx, liq), from: liquidationFindings(ctx, liq, printedFloors(liq).length > 0) }] : [];
  }),
  liquidation_cluster: bulleted('cluster', (ctx) =>
    of(ctx.one('liquidation_cluster', ctx.primary) ?? ctx.one('liquidation_cluster'), (f) => clusterBullet(ctx, f)),
  ),
  // When the liquidations came, set against the price path: the paragraph under the chart.
  liquidation_timing: { bullet: undefined, printedIn: 'path' },
  // Perpetual volume first; spot only when no perpetual figure exists.
  volume_spike: bulleted('volume', (ctx) => of(printedVolume(ctx, ctx.primary), (f) => volumeBullet(ctx, f))),
  funding_flip: bulleted('funding', (ctx) => of(ctx.one('funding_flip', ctx.primary), (f) => fundingBullet(ctx, f))),
  // Cited by the series of the contracts it prints (the finding read every tenor).
  basis_compression: bulleted('basis', (ctx) => {
    const f = ctx.one('basis_compression', ctx.primary);
    return f ? [{ value: basisBullet(ctx, f), from: [basisPaths(ctx, f)] }] : [];
  }),
  open_interest_change: bulleted('openInterest', (ctx) =>
    of(ctx.one('open_interest_change', ctx.primary), (f) => openInterestBullet(ctx, f)),
  ),
  implied_vol: bulleted('volatility', (ctx) => of(ctx.one('implied_vol', ctx.primary), (f) => volatilityBullet(ctx, f))),
  etf_volume: bulleted('etfVolume', (ctx) => of(ctx.one('etf_volume', ctx.primary), (f) => etfVolumeBullet(ctx, f))),
  etf_flows: bulleted('etfFlows', (ctx) => of(ctx.one('etf_flows', ctx.primary), (f) => etfFlowsBullet(ctx, f))),
  whale_activity: bulleted('whales', (ctx) => of(ctx.one('whale_activity', ctx.primary), (f) => whalesBullet(ctx, f))),
  exchange_flows: bulleted('exchangeFlows', (ctx) => of(ctx.one('exchange_flows', ctx.primary), (f) => exchangeFlowsBullet(ctx, f))),
  key_levels: { bullet: undefined, printedIn: 'outlook' },
  data_gap: { bullet: undefined, printedIn: 'data note' },
  day_plan: { bullet: undefined, printedIn: 'whole brief' },
} satisfies Record<FindingKind, Bulleted | PrintedElsewhere>;
