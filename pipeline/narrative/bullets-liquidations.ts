/**
 * The liquidation bullets: the headline figure with its scope, parts, median and floors (as the
 * day plan decided them), and the price band where liquidation orders bunched.
 */
import type { FindingOf, LiquidationHeadline } from '../analysis/index.js';
import { hasClaim, listOf, type ComposeContext } from './compose-context.js';
import { liquidationTotal } from './liquidation-total.js';
import { md } from './markdown-escape.js';
import type { Bullet } from './model.js';
import type { LiquidationFigures } from './model-parts.js';
import { providerName } from './names.js';

type B<K extends keyof Bullet> = NonNullable<Bullet[K]>;

/**
 * The sampled floors printed beside a complete total: only those of an asset the total does not
 * cover. A market-wide total covers every asset, and an assets' sum covers the assets it adds up,
 * so a floor of one of them is a second, smaller figure of the same quantity, which tells the
 * reader nothing the total does not (an editor cuts "at least $184 million of BTC" beside
 * "$1.02 billion market-wide"). A floor of an asset outside the sum is the only figure for it.
 */
export function printedFloors(h: LiquidationHeadline): LiquidationHeadline['floors'] {
  if (h.scope !== 'assets') return [];
  return h.floors.filter((p) => !h.assets.includes(p.asset));
}

/** The findings a liquidation headline's figures come from: the total's scope, its parts and printed floors. */
export function liquidationFindings(ctx: ComposeContext, h: LiquidationHeadline, withFloors = true): FindingOf<'liquidations'>[] {
  const assets = new Set([...h.parts, ...(withFloors ? printedFloors(h) : [])].map((p) => p.asset));
  return ctx.all('liquidations').filter((l) => (l.asset === undefined ? h.scope === 'market' : assets.has(l.asset)));
}

/** The venues every part names, when they all name the same ones (else none is said for all). */
function sharedVenues(parts: LiquidationHeadline['parts']): string[] | undefined {
  const first = parts[0]?.exchanges;
  if (!first || first.length === 0) return undefined;
  return parts.every((p) => p.exchanges?.join(',') === first.join(',')) ? first : undefined;
}

/** A liquidation headline's figures, formatted: scope, total, shares, parts and floors. */
export function liquidationFigures(ctx: ComposeContext, h: LiquidationHeadline): LiquidationFigures {
  const { fmt } = ctx;
  // The headline figure is printed alike everywhere (headline, lead, bullets, positioning), so
  // the check stage sees one value; only the side list of other-scope floors is rounded down.
  const total = md(liquidationTotal(h, ctx.lang));
  const floors = printedFloors(h);
  const venues = sharedVenues(h.parts);
  return {
    total,
    range: h.totalRangeUsd.low !== h.totalRangeUsd.high,
    window: fmt.hours(Math.round((h.end - h.start) / 3_600_000)),
    longShare: fmt.pctRange(h.longFractionRange.low, h.longFractionRange.high, 0),
    shortShare: fmt.pctRange(1 - h.longFractionRange.high, 1 - h.longFractionRange.low, 0),
    longDominant: ctx.plan.dominantSide === 'long',
    flush: hasClaim(ctx, 'leverage_flush'),
    shortDominant: ctx.plan.dominantSide === 'short',
    sources: ctx.sources(h.sources),
    ...(h.scope === 'market'
      ? {}
      : {
          scopeAssets: listOf(
            h.assets.map((a) => ctx.ticker(a)),
            ctx.lang,
          ),
        }),
    floor: h.scope === 'floor',
    lowerBound: h.scope === 'floor',
    // Parts only when there is more than one: a single part beside its total says little.
    parts: (h.parts.length > 1 || h.scope === 'market' ? h.parts : []).map((p) => ({
      asset: ctx.ticker(p.asset),
      // An asset's total across venues: an aggregate.
      total: fmt.usdAggregate(p.totalUsd),
    })),
    ...(venues
      ? {
          venues: listOf(
            venues.map((v) => md(v)),
            ctx.lang,
          ),
        }
      : {}),
    ...(floors.length > 0
      ? {
          floors: {
            sources: ctx.sources(floors.map((p) => p.source)),
            items: floors.map((p) => ({ asset: ctx.ticker(p.asset), total: fmt.usdFloor(p.totalUsd) })),
          },
        }
      : {}),
  };
}

export function liquidationsBullet(ctx: ComposeContext, h: LiquidationHeadline): B<'liquidations'> {
  const { fmt } = ctx;
  const t = ctx.input.config.thresholds.liquidations;
  const market = h.scope === 'market' ? ctx.all('liquidations').find((l) => l.asset === undefined) : undefined;
  // The range's ends: the complete sources of the headline's own scope, never a sampled floor.
  const perSource = (market?.perSource ?? []).filter((s) => s.coverage === 'complete');
  const bullet: B<'liquidations'> = {
    ...liquidationFigures(ctx, h),
    perSource: perSource.map((s) => ({
      source: md(providerName(s.source, ctx.lang)),
      // Each provider's market-wide total: an aggregate.
      total: fmt.usdAggregate(s.totalUsd),
      longShare: fmt.pct(s.longFraction, 0),
    })),
    multiSource: perSource.length > 1,
    restatesLead: false,
    deleveraging: hasClaim(ctx, 'deleveraging', ctx.primary),
  };
  if (h.median30dUsd !== undefined && h.multipleOfMedian !== undefined && h.median30dUsd > 0) {
    bullet.median = {
      value: fmt.usdAggregate(h.median30dUsd),
      multiple: fmt.multiple(h.multipleOfMedian),
      days: fmt.count(h.medianDays ?? t.medianDays),
      spike: h.multipleOfMedian >= t.multipleOfMedianMin,
    };
  }
  // A market-wide total with no median of its own: the lead asset's part against its own median,
  // the figure the day plan's leverage_flush claim then rests on (day-plan.ts).
  const lead = ctx.all('liquidations').find((l) => l.asset === ctx.primary);
  if (
    !bullet.median &&
    h.scope === 'market' &&
    h.parts.some((p) => p.asset === ctx.primary) &&
    lead?.multipleOfMedian !== undefined &&
    lead.median30dUsd
  )
    bullet.partMedian = {
      asset: ctx.ticker(ctx.primary),
      // The part as the lead prints it (liquidationFigures), and whether it is the only one listed.
      total: bullet.parts.find((p) => p.asset === ctx.ticker(ctx.primary))?.total ?? fmt.usdAggregate(lead.totalRangeUsd.high),
      only: h.parts.length === 1,
      value: fmt.usdAggregate(lead.median30dUsd),
      multiple: fmt.multiple(lead.multipleOfMedian),
      days: fmt.count(lead.medianDays ?? t.medianDays),
    };
  // The lead prints every headline's figures (lead.ts); a dominant side means its share is all the bullet would say again.
  bullet.restatesLead =
    !bullet.median &&
    !bullet.partMedian &&
    !bullet.multiSource &&
    printedFloors(h).length === 0 &&
    (bullet.longDominant || bullet.shortDominant);
  return bullet;
}

export function clusterBullet(ctx: ComposeContext, f: FindingOf<'liquidation_cluster'>): B<'cluster'> {
  const { fmt } = ctx;
  const whole = f.start <= ctx.input.findings.start && f.end >= ctx.input.findings.end;
  return {
    ...(whole ? {} : { from: fmt.time(f.start), to: fmt.time(f.end) }),
    asset: ctx.ticker(f.asset),
    long: f.side === 'long',
    short: f.side === 'short',
    band: fmt.priceRange(f.band.low, f.band.high, 'USDT'),
    notional: fmt.usd(f.notionalUsd),
    orders: fmt.count(f.orderCount),
    share: fmt.pct(f.shareFraction, 0),
    source: ctx.sources(f.venues.length ? f.venues : f.sources),
    fill: f.priceKind === 'fill',
    reached: f.reachedByPrice,
    causal: f.reachedByPrice && ctx.plan.dayType !== 'range',
  };
}
