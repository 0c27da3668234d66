/**
 * Bullets for the market's own data: cross-asset moves, liquidations and their clusters,
 * perpetual volume, funding, basis, open interest and implied volatility. Each takes one
 * finding and returns its figures formatted for the language, plus the flags the templates
 * choose words by. No words here.
 */
import type { DayPlan, Finding, FindingOf, PriceMove } from '../analysis/index.js';
import * as format from '../../kernel/locale/index.js';
import { HOUR_MS } from '../../kernel/time.js';
import { hasClaim, listOf, type ComposeContext } from './compose-context.js';
import { md } from './markdown-escape.js';
import type { Bullet } from './model.js';
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
    ...negativeSettled(ctx, f),
  };
}

/** The day's all-venue negative settlements, unless the bullet's own rate already says negative. */
function negativeSettled(ctx: ComposeContext, f: FindingOf<'funding_flip'>): Pick<B<'funding'>, 'negativeSettled'> {
  const n = f.negativeSettlements;
  if (!n || f.state === 'negative' || f.state === 'flip_to_negative') return {};
  const { fmt } = ctx;
  const sinceMs = n.since ?? n.historyStart;
  return {
    negativeSettled: {
      times: listOf(
        n.times.map((t) => fmt.dayTime(t)),
        ctx.lang,
      ),
      venues: listOf(
        f.perVenue.map((v) => md(providerName(v.venue, ctx.lang))),
        ctx.lang,
      ),
      lowest: { venue: md(providerName(n.lowest.venue, ctx.lang)), time: fmt.dayTime(n.lowest.time), rate: fmt.rate(n.lowest.per8h) },
      since: fmt.dateOf(sinceMs),
      atLeast: n.since === undefined,
      backAbove: f.weightedCurrentPer8h > 0,
    },
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
  const usdDown = f.usdChangeFraction < 0;
  const bullet: B<'openInterest'> = {
    asset: ctx.ticker(f.asset),
    down: f.changeFraction < 0,
    flat: f.flat,
    rise: f.changeFraction >= t.dropFractionMin,
    coins,
    signedChange: md(format.formatPercent(f.changeFraction, { sign: true })),
    usdDown,
    repriced: coins && !f.flat && usdDown !== f.changeFraction < 0,
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
  if (f.burst?.inBurst)
    bullet.burst = {
      share: md(format.formatShareWords(f.burst.shareOfChange, ctx.lang)),
      from: fmt.time(f.burst.start),
      to: fmt.time(f.burst.start + f.burst.hours * HOUR_MS),
    };
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
    ...(f.spike?.faded && !ends.has(high) ? { fadedSpike: { time: fmt.dayTime(f.spike.time) } } : {}),
  };
  if (open !== undefined) bullet.open = open;
  return bullet;
}

/** The price move of an asset, when analysis produced one. */
export function moveOf(findings: readonly Finding[], asset: string): PriceMove | undefined {
  return findings.find((f): f is PriceMove => f.kind === 'price_move' && f.asset === asset);
}
