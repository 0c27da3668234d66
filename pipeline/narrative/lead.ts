/**
 * The day's type and the lead paragraph's facts: the move, the level, the liquidation total and
 * its window, and the trigger (a macro note marked `trigger`) or the lack of one.
 */
import { readerDate } from './dateline.js';
import { formatUtcOffset } from '../../kernel/locale/index.js';
import { beforeSpotEtfs, type FindingOf, type LevelBreakSchema, type PriceMove } from '../analysis/index.js';
import type { z } from 'zod';
import { InsufficientDataError } from '../../kernel/errors.js';
import type { Snapshot } from '../../kernel/snapshot/index.js';
import { HOUR_MS } from '../../kernel/time.js';
import type { ComposeContext } from './compose-context.js';
import { composeRelease } from './release.js';
import { md } from './markdown-escape.js';
import type { BriefLead, BriefModel } from './model.js';
import { etfFlowReadable, etfProducts, etfVolumeUsd, severalFunds } from './bullets-flows.js';
import { liquidationFigures, liquidationFindings } from './bullets-liquidations.js';
import { hasClaim } from './compose-context.js';
import { leadCaveat } from './lead-caveat.js';
import { sessionInWindow } from './etf-session.js';
import { isSevere, isSharp } from './move-size.js';

type LevelBreak = z.infer<typeof LevelBreakSchema>;
export type Day = BriefModel['day'];

/** The primary asset's price move; without one there is no brief (exit 3). */
export function primaryMove(ctx: ComposeContext): PriceMove {
  const move = ctx.one('price_move', ctx.primary);
  if (!move) throw new InsufficientDataError(`no price move for ${ctx.primary} in the findings: the brief has nothing to lead with`);
  return move;
}

/** Crash, rally or range and whether several assets moved together: the plan's decision. */
export function dayOf(ctx: ComposeContext): Day {
  const { dayType, multiAsset } = ctx.plan;
  const change = ctx.one('price_move', ctx.primary)?.changeFraction ?? 0;
  const close = Math.abs(change);
  const t = ctx.input.config.thresholds;
  return {
    intradayOnly: dayType !== 'range' && close < t.price.moveFractionMin,
    crash: dayType === 'crash',
    rally: dayType === 'rally',
    range: dayType === 'range',
    tight: dayType === 'range' && close < t.systemic.moveFractionMin && !rankOf(ctx, ctx.primary, 'close_to_close', change),
    beforeSpotEtfs: ctx.one('etf_volume', ctx.primary)?.beforeSpotEtfs ?? beforeSpotEtfs(ctx.primary, ctx.input.findings.date),
    multiAsset,
    // Words of the findings, not of the day type: a rally is not a short squeeze unless shorts dominated.
    shortSqueeze: hasClaim(ctx, 'short_squeeze'),
    leverageFlush: hasClaim(ctx, 'leverage_flush'),
  };
}

/** The lead asset's round-level step, as analysis chose it (`levels.step` or its override). */
export function leadStep(ctx: ComposeContext): number {
  return ctx.plan.assets.find((a) => a.asset === ctx.plan.leadAsset)?.levelStep ?? 1;
}

/** The level the headline names (the plan's choice for the lead asset), as its level_break finding. */
export function headlineBreak(ctx: ComposeContext, asset: string = ctx.primary): LevelBreak | undefined {
  const chosen = ctx.plan.assets.find((a) => a.asset === asset)?.brokenLevel;
  if (!chosen) return undefined;
  return ctx.all('level_break', asset).find((b) => b.level === chosen.level && b.direction === chosen.direction);
}

/** A "since" day at most this many days back is named by its date, not its month. */
export const RECENT_SINCE_DAYS = 31;

export function composeLead(ctx: ComposeContext, move: PriceMove, day: Day): BriefLead {
  const { fmt } = ctx;
  const date = ctx.input.findings.date;
  const offset = formatUtcOffset(move.start, ctx.tz);
  const step = leadStep(ctx);
  const fromLevel = day.rally ? Math.ceil(move.low / step) * step : Math.floor(move.high / step) * step;
  const brk = headlineBreak(ctx);
  const rank = rankOf(ctx, ctx.primary, 'close_to_close', move.changeFraction);
  const drawdownRank = day.crash ? rankOf(ctx, ctx.primary, 'high_to_low', move.drawdownFraction) : undefined;
  const liq = ctx.plan.liquidations;
  const trigger = triggerNote(ctx);
  const oi = ctx.one('open_interest_change', ctx.primary);
  const etfVolume = ctx.one('etf_volume', ctx.primary);
  const etfFlows = ctx.one('etf_flows', ctx.primary);
  const systemic = ctx.all('systemic_move').find((s) => s.systemic);
  const otherBreaks = ctx.plan.assets.flatMap((a) =>
    a.asset !== ctx.primary && day.multiAsset ? (headlineBreak(ctx, a.asset) ?? []) : [],
  );

  const lead: BriefLead = {
    utc8: offset === 'UTC+8',
    offset: md(offset),
    date: fmt.date(date),
    weekday: fmt.weekday(date),
    // Verbs scale with the close-to-close move: a 13 % fall is not "slid" (≥ 5 % sharp, ≥ 10 % severe).
    sharp: isSharp(move.changeFraction),
    severe: isSevere(move.changeFraction),
    // The intraday path has its own size: a 3.8 % close after a 6.9 % high-to-low swing still 跳水.
    sharpSwing: isSharp(move.drawdownFraction),
    severeSwing: isSevere(move.drawdownFraction),
    // The dateline and its weekday in the readers' convention (dateline.ts).
    ...readerDate(ctx.input.config.enDateline, ctx.tz, ctx.input.snapshot.window.end, ctx.lang),
    ...partDayEnd(ctx.input.snapshot, (ms) => fmt.time(ms)),
    asset: ctx.ticker(ctx.primary),
    assetName: ctx.name(ctx.primary),
    down: move.changeFraction < 0,
    up: move.changeFraction > 0,
    // A labelled-wallet move or a news item in the notes is a candidate driver printed in the
    // brief: "no trigger" beside it would contradict the notes' paragraph.
    notedDriver: (ctx.input.notes?.notes ?? []).some((n) => n.kind === 'entity_move' || n.kind === 'macro'),
    fromLevel: fmt.level(fromLevel),
    high: fmt.price(move.high),
    highTime: fmt.time(move.highTime),
    low: fmt.price(move.low),
    lowTime: fmt.time(move.lowTime),
    close: fmt.price(move.close),
    band: fmt.priceRange(move.low, move.high),
    change: fmt.pctAbs(move.changeFraction),
    drawdown: fmt.pctAbs(move.drawdownFraction),
    // Every other asset in configured order, with its own low and the level it broke.
    others: (day.multiAsset ? ctx.plan.assets : [])
      .filter((a) => a.asset !== ctx.primary)
      .map((a) => ({
        asset: ctx.ticker(a.asset),
        name: ctx.name(a.asset),
        change: fmt.pctAbs(a.changeFraction),
        down: a.changeFraction < 0,
        low: fmt.price(a.low),
        high: fmt.price(a.high),
        ...(a.brokenLevel ? { level: { price: fmt.level(a.brokenLevel.level), held: a.brokenLevel.closedBeyond } } : {}),
      })),
  };
  // The price sentence: the move, the level crossed, its rank and the other assets' moves.
  ctx.cite(lead, move, brk, lead.others.length > 0 ? systemic : undefined, ...otherBreaks);
  if (brk) {
    lead.level = { price: fmt.level(brk.level), held: brk.closedBeyond, time: fmt.time(brk.time) };
    const further = ctx
      .all('level_break', ctx.primary)
      .filter(
        (b) => b.direction === brk.direction && !b.closedBeyond && (brk.direction === 'below' ? b.level < brk.level : b.level > brk.level),
      )
      .sort((a, b) => (brk.direction === 'below' ? a.level - b.level : b.level - a.level))[0];
    if (further && brk.closedBeyond) {
      lead.deepest = { price: fmt.level(further.level), time: fmt.time(further.time) };
      ctx.cite(lead, further);
    }
  }
  // "Largest drop since <event or month>"; without a larger day, since at least the first fetched month.
  const rankText = (r: FindingOf<'historical_rank'>): NonNullable<BriefLead['rank']> => {
    const event = r.since?.event;
    // A day within the last month is named by its date: "since April 2024" on 24 April 2024
    // would read as "this month", hiding that 13 April moved further.
    const recent = r.since !== undefined && r.since.daysAgo <= RECENT_SINCE_DAYS;
    return {
      since: recent ? fmt.date(r.since!.date) : fmt.month(r.since?.date ?? r.sampleStart),
      atLeast: r.since === undefined,
      ...(event ? { event: ctx.link({ name: event[ctx.lang], url: event.url }) } : {}),
      down: r.value < 0,
      intraday: false,
    };
  };
  if (rank) lead.rank = rankText(rank);
  if (drawdownRank) lead.drawdownRank = rankText(drawdownRank);
  // Both measures the largest since the same day: said once, after the close ("the largest daily
  // drop and deepest intraday fall since at least May 2024"), not once per measure.
  if (lead.rank && lead.drawdownRank && sameRank(lead.rank, lead.drawdownRank)) {
    lead.rank.intraday = true;
    delete lead.drawdownRank;
  }
  ctx.cite(lead, rank, drawdownRank);
  if (liq) lead.liquidations = ctx.cite(liquidationFigures(ctx, liq), ...liquidationFindings(ctx, liq, false));
  if (trigger) lead.trigger = { name: ctx.text(trigger.name), time: fmt.dayTime(Date.parse(trigger.time)) };
  const release = trigger ? undefined : composeRelease(ctx, lead);
  if (release) lead.release = release;
  const voluntary = ctx.plan.claims.find((c) => c.id === 'voluntary_deleveraging' && c.asset === ctx.primary);
  if (oi && deleveragingThesisFired(ctx, day))
    lead.deleveraging = ctx.cite(
      {
        oiChange: fmt.pctAbs(oi.changeFraction),
        venues: ctx.sources(oi.perVenue.map((v) => v.venue)),
        ...(voluntary ? { voluntary: { multiple: fmt.multiple(voluntary.value) } } : {}),
      },
      oi,
    );
  // A record session that closed before the window (Friday's, in a Monday brief) is reported in
  // its bullet with its date, as the flows are: the lead tells what happened in the window.
  if (etfVolume?.isRecord && sessionInWindow(ctx, etfVolume.date))
    lead.etfRecord = ctx.cite(
      {
        total: etfVolumeUsd(ctx, etfVolume)(etfVolume.totalDollarVolumeUsd),
        date: fmt.usSession(etfVolume.date),
        products: etfProducts(ctx, etfVolume),
        several: severalFunds(etfVolume),
        beforeSpot: etfVolume.beforeSpotEtfs,
        // The window the record is stated over (a record "since records began" says nothing).
        days: fmt.count(ctx.input.config.thresholds.etf.avgDays),
      },
      etfVolume,
    );
  // Only a session that closed inside the window can be what moved the price in it, and only a
  // flow the ETF bullet reads as a direction (etfFlowReadable) is "fresh money behind the move".
  if (etfFlows && etfFlows.netFlowUsd > 0 && etfFlowReadable(ctx, etfFlows) && day.rally && sessionInWindow(ctx, etfFlows.date))
    lead.etfInflow = ctx.cite({ net: fmt.usdAggregate(etfFlows.netFlowUsd), date: fmt.usSession(etfFlows.date) }, etfFlows);
  if (etfVolume?.firstSpotSession && !lead.trigger) lead.spotLaunch = ctx.cite({ date: fmt.usSession(etfVolume.date) }, etfVolume);
  // A slide the close mostly bought back: without the recovery, "fell 1.8 %" beside "an 8.1 %
  // slide" leaves the reader to do the sum. Both figures come from the same price move.
  if (day.intradayOnly && day.crash && move.high > move.low && move.close > move.low)
    lead.rebound = {
      fromLow: fmt.pctAbs(move.close / move.low - 1),
      share: fmt.pct((move.close - move.low) / (move.high - move.low), 0),
    };
  // The lead's own figures in doubt (hours missing or quarantined): said beside them.
  const caveat = leadCaveat(ctx, move);
  if (caveat) lead.caveat = caveat;
  return lead;
}

/** The asset's move of one measure ranked within historicalRank.maxRank, of the same sign as `value`. */
export function rankOf(
  ctx: Pick<ComposeContext, 'all' | 'input'>,
  asset: string,
  metric: 'close_to_close' | 'high_to_low',
  value: number,
): FindingOf<'historical_rank'> | undefined {
  const maxRank = ctx.input.config.thresholds.historicalRank.maxRank;
  return ctx.all('historical_rank', asset).find((r) => r.metric === metric && r.rank <= maxRank && Math.sign(r.value) === Math.sign(value));
}

type MacroNote = Extract<NonNullable<ComposeContext['input']['notes']>['notes'][number], { kind: 'macro' }>;

/** The notes' macro item marked as the day's trigger, if any. */
export function triggerNote(ctx: Pick<ComposeContext, 'input'>): MacroNote | undefined {
  for (const n of ctx.input.notes?.notes ?? []) if (n.kind === 'macro' && n.trigger) return n;
  return undefined;
}

/** Two ranks that print the same "since": the same day, event and "at least". */
function sameRank(a: NonNullable<BriefLead['rank']>, b: NonNullable<BriefLead['rank']>): boolean {
  return a.since === b.since && a.atLeast === b.atLeast && a.event?.url === b.event?.url && a.down === b.down;
}

/**
 * A snapshot fetched before its day ended (`--as-of now`) briefs the day so far: `asOf` is the
 * end of its last closed hour, in the brief's timezone, so the lead says "截至 15:00" / "as of
 * 15:00" instead of a close.
 */
export function partDayEnd<T>(snapshot: Pick<Snapshot, 'generatedAt' | 'window'>, time: (ms: number) => T): { asOf?: T } {
  const generatedAt = Date.parse(snapshot.generatedAt);
  if (!(generatedAt < snapshot.window.end)) return {};
  return { asOf: time(Math.floor(generatedAt / HOUR_MS) * HOUR_MS) };
}

/**
 * The deleveraging thesis ("longs flushed, not shorts pressing") is a claim, printed only when both
 * halves of its evidence fired in the findings: open interest fell by at least
 * openInterest.dropFractionMin while price fell (the `deleveraging` claim), and long liquidations
 * dominated by at least liquidations.longShareMin (dominantSide 'long'), on a crash day.
 */
export function deleveragingThesisFired(ctx: Pick<ComposeContext, 'plan' | 'primary'>, day: { crash: boolean }): boolean {
  return hasClaim(ctx, 'deleveraging', ctx.primary) && ctx.plan.dominantSide === 'long' && day.crash;
}
