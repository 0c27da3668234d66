/**
 * Bullets for the market's own data: cross-asset moves, liquidations and their clusters,
 * perpetual volume, funding, basis, open interest and implied volatility. Each takes one
 * finding and returns its figures formatted for the language, plus the flags the templates
 * choose words by. No words here.
 */
import type { DayPlan, Finding, FindingOf, LiquidationHeadline, PriceMove } from '../analysis/index.js';
import * as format from '../../kernel/locale/index.js';
import { hasClaim, listOf, type ComposeContext } from './compose-context.js';
import { liquidationTotal } from './liquidation-total.js';
import { md } from './markdown-escape.js';
import type { Bullet } from './model.js';
import type { LiquidationFigures } from './model-parts.js';
import { providerName, tenorName } from './names.js';
import { isSevere, isSharp } from './move-size.js';
import { atPar } from './par.js';
import { positionsMoved } from './positions.js';

type B<K extends keyof Bullet> = NonNullable<Bullet[K]>;

export function crossAssetBullet(
  ctx: ComposeContext,
  a: DayPlan['assets'][number],
  move: PriceMove | undefined,
): B<'crossAsset'> | undefined {
  if (!move) return undefined;
  const { fmt } = ctx;
  const largest = Math.max(...ctx.plan.assets.map((x) => Math.abs(x.changeFraction)));
  const primary = a.asset === ctx.primary;
  const bullet: B<'crossAsset'> = {
    leader: Math.abs(a.changeFraction) === largest,
    deeper: !primary && hasClaim(ctx, ctx.plan.dayType === 'rally' ? 'outperformed' : 'underperformed', a.asset),
    resilient: !primary && ctx.plan.dayType === 'crash' && hasClaim(ctx, 'outperformed', a.asset),
    asset: ctx.ticker(a.asset),
    name: ctx.name(a.asset),
    change: fmt.pctAbs(a.changeFraction),
    down: a.changeFraction < 0,
    drawdown: fmt.pctAbs(a.drawdownFraction),
    sharpSwing: isSharp(a.drawdownFraction),
    severeSwing: isSevere(a.drawdownFraction),
    low: fmt.price(a.low),
    high: fmt.price(a.high),
  };
  if (a.brokenLevel) bullet.level = { price: fmt.level(a.brokenLevel.level), held: a.brokenLevel.closedBeyond };
  return bullet;
}

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

/** The volume finding the brief prints for an asset: perpetual volume first, spot only when no perpetual figure exists. */
export function printedVolume(ctx: Pick<ComposeContext, 'all' | 'one'>, asset: string): FindingOf<'volume_spike'> | undefined {
  return ctx.all('volume_spike', asset).find((v) => v.market === 'perp') ?? ctx.one('volume_spike', asset);
}

/** The venue the volume bullet leads with: the largest day volume. */
export function busiestVenue(f: FindingOf<'volume_spike'>): FindingOf<'volume_spike'>['perVenue'][number] | undefined {
  return [...f.perVenue].sort((a, b) => b.dayVolumeUsd - a.dayVolumeUsd)[0];
}

export function volumeBullet(ctx: ComposeContext, f: FindingOf<'volume_spike'>): B<'volume'> | undefined {
  const { fmt } = ctx;
  const top = busiestVenue(f);
  if (!top) return undefined;
  const { low, high } = f.changeVsPrevRange;
  const sameSign = Math.sign(low) === Math.sign(high) && low !== 0;
  const v = ctx.input.config.thresholds.volume;
  const surge = f.market === 'perp' && hasClaim(ctx, 'volume_surge', f.asset);
  const multiple = top.multipleOf30dAvg ?? Number.NaN; // NaN: no average, so neither comparison holds
  const bullet: B<'volume'> = {
    asset: ctx.ticker(f.asset),
    spot: f.market === 'spot',
    surge,
    venue: md(providerName(top.venue, ctx.lang)),
    volume: fmt.usd(top.dayVolumeUsd),
    change: fmt.pctAbs(top.changeVsPrevFraction, 0),
    up: top.changeVsPrevFraction > 0,
    offThinDay: !surge && top.changeVsPrevFraction >= v.changeVsPrevMin && multiple < v.changeNeedsAvgMultipleMin,
    nearAverage: top.changeVsPrevFraction <= 0 && multiple >= v.thinMultipleMax,
    changeRange: sameSign
      ? fmt.pctRange(Math.min(Math.abs(low), Math.abs(high)), Math.max(Math.abs(low), Math.abs(high)), 0)
      : fmt.pctAbs(top.changeVsPrevFraction, 0),
    manyVenues: f.perVenue.length > 1 && sameSign,
    peak: { time: fmt.time(top.peakHour.time), volume: fmt.usd(top.peakHour.volumeUsd) },
    avgDays: fmt.count(ctx.input.config.thresholds.volume.avgDays),
    everyVenueAtPeak: false,
  };
  if (top.multipleOf30dAvg !== undefined)
    bullet.average = { multiple: fmt.multiple(top.multipleOf30dAvg), par: atPar(fmt, top.multipleOf30dAvg) };
  if (f.perVenue.length > 1)
    bullet.total = {
      volume: fmt.usdAggregate(f.totalDayVolumeUsd),
      venues: ctx.sources(f.perVenue.map((v) => v.venue)),
    };
  if (f.venuesAtMonthPeak.length > 0) bullet.monthPeakVenues = ctx.sources(f.venuesAtMonthPeak);
  // Every venue of the sum at its monthly high: en says "on each venue" rather than list them twice.
  bullet.everyVenueAtPeak = f.perVenue.length > 1 && f.perVenue.every((v) => f.venuesAtMonthPeak.includes(v.venue));
  return bullet;
}

export function fundingBullet(ctx: ComposeContext, f: FindingOf<'funding_flip'>): B<'funding'> {
  const { fmt } = ctx;
  const venues = [...f.perVenue]
    .sort((a, b) => a.currentPer8h - b.currentPer8h || (a.venue < b.venue ? -1 : 1))
    .slice(0, 3)
    .map((v) => ({
      venue: md(providerName(v.venue, ctx.lang)),
      rate: fmt.rate(v.currentRate),
      interval: fmt.hours(v.intervalHours),
      per8h: fmt.rate(v.currentPer8h),
      eightHour: v.intervalHours === 8,
      settled: v.currentKind === 'settled',
      annualized: fmt.pct(v.currentAnnualizedFraction, 1),
    }));
  // Venues that share the kind of rate and the settlement interval: said once for the group.
  const first = venues[0];
  const shared = first && venues.every((v) => v.settled === first.settled && v.interval === first.interval);
  return {
    asset: ctx.ticker(f.asset),
    flipToNeutral: f.state === 'flip_to_neutral',
    // "Reversal" (逆转) only when the weighted rate changed sign; a fall that stays on one side
    // of zero is a fall ("回落至零附近" when it ends about zero).
    signChange: Math.sign(f.weightedPriorPer8h) * Math.sign(f.weightedCurrentPer8h) < 0,
    aboutZero: f.level === 'about_zero',
    flipToNegative: f.state === 'flip_to_negative',
    elevated: f.state === 'elevated',
    neutral: f.state === 'neutral',
    negative: f.state === 'negative',
    shortPressure: hasClaim(ctx, 'short_pressure', f.asset),
    rising: f.state === 'rising',
    positionsShrank: positionsMoved(ctx).shrank,
    prior: fmt.rate(f.weightedPriorPer8h),
    current: fmt.rate(f.weightedCurrentPer8h),
    up: f.weightedCurrentPer8h > f.weightedPriorPer8h,
    annualized: fmt.pct(f.weightedCurrentPer8h * 3 * 365, 1),
    priorDays: fmt.count(f.priorDays),
    weighted: f.weighting === 'open-interest',
    venues,
    ...(shared && venues.length > 1 ? { venueKind: { settled: first.settled, interval: first.interval, eightHour: first.eightHour } } : {}),
  };
}

/**
 * The contracts a basis bullet prints: the headline expiry across its venues (analysis chose it),
 * then another expiry only when it says what the headline expiry does not — it went below spot
 * while the headline expiry stayed above. Otherwise the curve moved together and the headline
 * expiry (with the chart of every tenor beside the bullet) tells the reader enough.
 */
export function basisContracts(f: FindingOf<'basis_compression'>): { group: typeof f.tenors; others: typeof f.tenors } {
  const group = f.tenors.filter((t) => t.expiry === f.headlineExpiry);
  const below = group.some((t) => t.backwardation);
  return { group, others: below ? [] : f.tenors.filter((t) => t.expiry !== f.headlineExpiry && t.backwardation).slice(0, 3) };
}

/** The snapshot series of the contracts a basis bullet prints: its footnote lists only those. */
export function basisPaths(ctx: ComposeContext, f: FindingOf<'basis_compression'>): string[] {
  const { group, others } = basisContracts(f);
  const printed = new Set([...group, ...others].map((t) => `${t.venue} ${t.contract}`));
  return ctx.input.snapshot.basis.flatMap((b, i) =>
    b.asset === f.asset && printed.has(`${b.venue} ${b.contract}`) ? [`basis[${i}].history`] : [],
  );
}

export function basisBullet(ctx: ComposeContext, f: FindingOf<'basis_compression'>): B<'basis'> | undefined {
  const { fmt } = ctx;
  const { group, others } = basisContracts(f);
  const main = group[0];
  if (!main) return undefined;
  const several = group.length > 1;
  const prior = several ? fmt.pctRange(f.priorRange.low, f.priorRange.high) : fmt.pct(main.priorAnnualized);
  const current = several ? fmt.pctRange(f.currentRange.low, f.currentRange.high) : fmt.pct(main.currentAnnualized);
  const threshold = ctx.input.config.thresholds.basis.compressionMinFraction;
  const backwardation = group.some((t) => t.backwardation);
  const expanded = !f.compressed && main.currentAnnualized - main.priorAnnualized >= threshold;
  // Neither compressed nor widened past the threshold: "held" only when the two figures print the
  // same; a smaller move is said as one ("eased"/"edged up"), never "held at 7.3% (from 8.4%)".
  const held = !f.compressed && !expanded && prior === current;
  const bullet: B<'basis'> = {
    asset: ctx.ticker(f.asset),
    compressed: f.compressed,
    expanded,
    held,
    eased: !f.compressed && !expanded && !held && main.currentAnnualized < main.priorAnnualized,
    edgedUp: !f.compressed && !expanded && !held && main.currentAnnualized > main.priorAnnualized,
    venue: ctx.sources(group.map((t) => t.venue)),
    tenor: md(tenorName(main.tenor, ctx.lang)),
    expiry: fmt.dateOf(main.expiry),
    days: fmt.count(Math.round(main.daysToExpiry)),
    prior,
    current,
    min: fmt.pct(Math.min(...group.map((t) => t.minAnnualized))),
    backwardation,
    belowAtEnd: group.some((t) => t.currentAnnualized < 0),
  };
  // The prior window the analysis averaged over (0: the last point before the window).
  const priorDays = ctx.input.config.thresholds.basis.priorDays;
  if (priorDays > 0) bullet.priorDays = fmt.count(priorDays);
  if (others.length > 0)
    bullet.contracts = others.map((t) => ({
      venue: md(providerName(t.venue, ctx.lang)),
      contract: md(t.contract),
      days: fmt.count(Math.max(1, Math.round(t.daysToExpiry))),
      prior: fmt.pct(t.priorAnnualized),
      ...(bullet.priorDays ? { priorDays: bullet.priorDays } : {}),
      current: fmt.pct(t.currentAnnualized),
      min: fmt.pct(t.minAnnualized),
      backwardation: t.backwardation,
      belowAtEnd: t.currentAnnualized < 0,
    }));
  return bullet;
}

export function openInterestBullet(ctx: ComposeContext, f: FindingOf<'open_interest_change'>): B<'openInterest'> {
  const { fmt } = ctx;
  // Added up over several venues, open interest is an aggregate; one venue's is its reported figure.
  const usd = f.perVenue.length > 1 ? fmt.usdAggregate : fmt.usd;
  const t = ctx.input.config.thresholds.openInterest;
  const coins = f.measure === 'coins';
  const flat = Math.abs(f.changeFraction) < t.flatFractionMax;
  const usdDown = f.usdChangeFraction < 0;
  const bullet: B<'openInterest'> = {
    asset: ctx.ticker(f.asset),
    down: f.changeFraction < 0,
    flat,
    rise: f.changeFraction >= t.dropFractionMin,
    coins,
    signedChange: md(format.formatPercent(f.changeFraction, { sign: true })),
    usdDown,
    repriced: coins && !flat && usdDown !== f.changeFraction < 0,
    prior: usd(f.totalPriorUsd),
    current: usd(f.totalCurrentUsd),
    change: fmt.pctAbs(f.changeFraction),
    venues: ctx.sources(f.perVenue.map((v) => v.venue)),
    deleveraging: hasClaim(ctx, 'deleveraging', f.asset),
    drop: hasClaim(ctx, 'oi_drop', f.asset),
  };
  if (f.perVenue.length > 1)
    bullet.perVenue = [...f.perVenue]
      .sort((a, b) => (a.venue < b.venue ? -1 : 1))
      .map((v) => ({ venue: md(providerName(v.venue, ctx.lang)), change: md(format.formatPercent(v.changeFraction, { sign: true })) }));
  // A peak is a single venue's; summing peaks taken at different times would be wrong.
  const only = f.perVenue.length === 1 ? f.perVenue[0] : undefined;
  if (only && only.peakUsd > only.currentUsd) bullet.peak = { value: fmt.usd(only.peakUsd), time: fmt.dayTime(only.peakTime) };
  return bullet;
}

export function volatilityBullet(ctx: ComposeContext, f: FindingOf<'implied_vol'>): B<'volatility'> {
  const { fmt } = ctx;
  const current = fmt.vol(f.current);
  const high = fmt.vol(f.dayHigh);
  const low = fmt.vol(f.dayLow);
  // The day's direction is the printed open against the printed close (hourly data only).
  const open = f.open === undefined ? undefined : fmt.vol(f.open);
  const moved = f.open !== undefined && open !== current;
  const rose = moved && f.current > (f.open ?? f.current);
  const fell = moved && f.current < (f.open ?? f.current);
  const vsAverage = fmt.pctAbs(f.changeVsAvgFraction, 0);
  const atAverage = vsAverage === fmt.pctAbs(0, 0);
  const above = f.changeVsAvgFraction > 0 && !atAverage;
  const below = f.changeVsAvgFraction < 0 && !atAverage;
  const ends = new Set([open, current]);
  const bullet: B<'volatility'> = {
    asset: ctx.ticker(f.asset),
    index: md(f.index),
    source: ctx.sources(f.sources.length ? f.sources : ['deribit']),
    current,
    rose,
    fell,
    // Direction and level disagree: "rose …, still below its average" / "fell …, still above".
    still: (rose && below) || (fell && above),
    high,
    low,
    showLow: !ends.has(low),
    showHigh: !ends.has(high),
    average: fmt.vol(f.avg30d),
    vsAverage,
    above,
    atAverage,
    elevated: f.elevated,
    avgDays: fmt.count(ctx.input.config.thresholds.impliedVol.avgDays),
  };
  if (open !== undefined) bullet.open = open;
  return bullet;
}

/** The price move of an asset, when analysis produced one. */
export function moveOf(findings: readonly Finding[], asset: string): PriceMove | undefined {
  return findings.find((f): f is PriceMove => f.kind === 'price_move' && f.asset === asset);
}
