/**
 * The paragraph under the price chart: how the day's move unfolded (its steepest hour, whether it
 * came in a burst or steadily, what the close took back) and what came before it (the trend of the previous daily closes). Printed on
 * a crash or rally day only — a range day has no move to unfold — for the lead asset.
 *
 * Every claim here is a comparison of figures the price_path finding carries, or of times the
 * brief prints elsewhere: the steepest hour "came with the trigger" only when it opened in the
 * trigger's hour or the next, "with the day's heaviest trading" only when it is the volume
 * bullet's peak hour, and "leverage built up on the way up" only when the prior trend was a
 * run-up and funding's prior average was elevated (funding.elevatedPriorMinPer8h).
 */
import type { PricePath } from '../analysis/index.js';
import type { ComposeContext } from './compose-context.js';
import type { BriefPath } from './model-path.js';
import { rankOf, RECENT_SINCE_DAYS, triggerNote, type Day } from './lead.js';
import { busiestVenue, printedVolume } from './bullets-market.js';
import { DAY_MS, HOUR_MS } from '../../kernel/time.js';
import { md, type Md } from './markdown-escape.js';
import * as format from '../../kernel/locale/index.js';

/**
 * Shares of the swing the close took back that zh words as "一半左右" (about half): 55 % is "most"
 * only by a hair, and the figure itself would be zh's alone (en leaves the retrace to the lead).
 */
const ABOUT_HALF = { min: 0.4, max: 0.6 };

export function composePath(ctx: ComposeContext, day: Day): BriefPath | undefined {
  if (!(day.crash || day.rally)) return undefined;
  const f = ctx.one('price_path', ctx.primary);
  const move = ctx.one('price_move', ctx.primary);
  if (!f || !move) return undefined;
  const { fmt } = ctx;
  const down = f.direction === 'down';
  const path: BriefPath = {
    name: ctx.name(f.asset),
    down,
    extremeTime: fmt.time(down ? move.lowTime : move.highTime),
  };
  const trigger = triggerNear(ctx, f.steepestHour.time);
  const volumePeak = volumePeakHour(ctx, f.asset) === f.steepestHour.time;
  if (trigger) path.trigger = { name: trigger };
  if (trigger || volumePeak)
    path.steepest = {
      time: fmt.time(f.steepestHour.time),
      change: fmt.pctAbs(f.steepestHour.changeFraction),
      volumePeak,
    };
  const shape = shapeOf(ctx, f);
  if (shape) path.shape = shape;
  // One asset's timing beside a multi-asset liquidation total and chart would read as the day's.
  const liquidations = day.multiAsset ? undefined : timingOf(ctx, f, down ? move.lowTime : move.highTime);
  if (liquidations) path.liquidations = liquidations;
  if (!day.intradayOnly)
    path.retrace = {
      nearExtreme: f.retrace.nearExtreme,
      recovered: f.retrace.recovered,
      aboutHalf: f.retrace.shareOfSwing >= ABOUT_HALF.min && f.retrace.shareOfSwing < ABOUT_HALF.max,
    };
  const prior = f.prior ? priorOf(ctx, f, down, move.close) : undefined;
  if (prior && (prior.trend || prior.closeSince || prior.lastLarger || prior.eve))
    path.prior = ctx.cite(prior, f.paths.slice(1), prior.leverageBuilt ? ctx.one('funding_flip', f.asset) : undefined);
  if (!path.steepest && !path.shape && !path.liquidations && !path.retrace && !path.prior) return undefined;
  // Only the hourly sentences (the steepest hour, the shape) cite the path: a note no printed sentence points at would be listed for nothing.
  return path.steepest || path.shape ? ctx.cite(path, f.paths.slice(0, 1)) : path;
}

/**
 * When the liquidations of the day's side came (liquidation_timing), when those hours line up with
 * the path: a level broken the day's way in them (the deepest), the extreme's hour, or inside the
 * burst (the templates say the first that holds).
 */
function timingOf(ctx: ComposeContext, f: PricePath, extremeTime: number): BriefPath['liquidations'] {
  const down = f.direction === 'down';
  const t = ctx.one('liquidation_timing', f.asset);
  if (!t || t.side !== (down ? 'long' : 'short')) return undefined;
  const end = t.start + t.hours * HOUR_MS;
  const inRun = (ms: number): boolean => ms >= t.start && ms < end;
  const { burst, concentrated } = f.shape;
  // Inside the burst, not overlapping it: "in the day's sharpest stretch" of hours half outside it is not true.
  const inBurst = concentrated && t.start >= burst.start && end <= burst.start + burst.hours * HOUR_MS;
  const levels = ctx
    .all('level_break', f.asset)
    .filter((b) => b.direction === (down ? 'below' : 'above') && inRun(b.time))
    .map((b) => b.level);
  const deepest = levels.length > 0 ? (down ? Math.min(...levels) : Math.max(...levels)) : undefined;
  const atExtreme = inRun(extremeTime);
  if (!inBurst && deepest === undefined && !atExtreme) return undefined;
  const { fmt } = ctx;
  return ctx.cite(
    {
      from: fmt.time(t.start),
      to: fmt.time(end),
      hours: fmt.hours(t.hours),
      share: fmt.pctAbs(t.shareFraction, 0),
      asset: ctx.ticker(f.asset),
      inBurst,
      ...(deepest !== undefined ? { level: fmt.level(deepest) } : {}),
      atExtreme,
    },
    t,
  );
}

/** The finding's shape, worded: a burst or a steady move, else nothing (the chart shows the rest). */
function shapeOf(ctx: ComposeContext, f: PricePath): BriefPath['shape'] {
  const { fmt } = ctx;
  const { burst, concentrated, steady, hoursWithMove, hours } = f.shape;
  if (concentrated)
    return {
      burst: {
        from: fmt.time(burst.start),
        to: fmt.time(burst.start + burst.hours * HOUR_MS),
        hours: fmt.hours(burst.hours),
        change: fmt.pctAbs(burst.changeFraction),
        share: md(format.formatShareWords(burst.shareOfSwing, ctx.lang)),
      },
    };
  if (steady) return { steady: { hours: fmt.count(hoursWithMove), of: fmt.count(hours) } };
  return undefined;
}

function priorOf(ctx: ComposeContext, f: PricePath, down: boolean, close: number): NonNullable<BriefPath['prior']> {
  const prior = f.prior!;
  const { fmt } = ctx;
  const up = prior.changeFraction > 0;
  const against = prior.trend && up === down;
  const funding = ctx.one('funding_flip', f.asset);
  const elevated = funding !== undefined && funding.weightedPriorPer8h >= ctx.input.config.thresholds.funding.elevatedPriorMinPer8h;
  const closeSince = f.closeSince ? { closeSince: fmt.date(f.closeSince.date) } : {};
  const larger = lastLarger(ctx, f.asset);
  return {
    name: ctx.name(f.asset),
    dayDown: down,
    days: fmt.count(prior.days),
    change: fmt.pctAbs(prior.changeFraction),
    up,
    down: prior.changeFraction < 0,
    trend: prior.trend,
    against,
    leverageBuilt: against && up && elevated,
    fundingDays: fmt.count(ctx.input.config.thresholds.funding.priorDays),
    trendIntact: against && (down ? close > prior.fromClose : close < prior.fromClose),
    ...closeSince,
    ...larger,
    ...(f.eveExtreme ? { eve: ctx.cite(eveOf(ctx, f.eveExtreme), f.paths) } : {}),
  };
}

type Eve = NonNullable<NonNullable<BriefPath['prior']>['eve']>;

function eveOf(ctx: ComposeContext, e: NonNullable<PricePath['eveExtreme']>): Eve {
  const { fmt } = ctx;
  // As the lead's rank: a day within the last month is named by its date, not its month.
  const recent = e.since !== undefined && (Date.parse(ctx.input.findings.date) - Date.parse(e.since)) / DAY_MS <= RECENT_SINCE_DAYS;
  return {
    time: fmt.dayTime(e.time),
    price: fmt.price(e.price),
    since: recent ? fmt.date(e.since!) : fmt.month(e.since ?? e.sampleStart),
    atLeast: e.since === undefined,
    change: fmt.pctAbs(e.closeChangeFraction),
    closeDay: ctx.lang === 'zh' ? fmt.date(ctx.input.findings.date) : fmt.weekday(ctx.input.findings.date),
    ...(e.release ? { release: { name: md(e.release.name[ctx.lang]), time: fmt.time(e.release.time) } } : {}),
  };
}

/**
 * The day the lead's close-to-close rank reaches back to, and its change: the lead names its month
 * ("the largest daily drop since August 2023"); here the reader gets the day itself. Not when the
 * lead names the day already (within RECENT_SINCE_DAYS) or an event instead of a month.
 */
function lastLarger(ctx: ComposeContext, asset: string): { lastLarger?: { date: Md; change: Md } } {
  const move = ctx.one('price_move', asset);
  const since = move ? rankOf(ctx, asset, 'close_to_close', move.changeFraction)?.since : undefined;
  if (!since || since.event || since.daysAgo <= RECENT_SINCE_DAYS) return {};
  // Another year is named with its year ("2023 年 8 月 17 日", "17 August 2023").
  const year = since.date.slice(0, 4) !== ctx.input.findings.date.slice(0, 4);
  return { lastLarger: { date: md(format.formatDate(since.date, ctx.lang, { year })), change: ctx.fmt.pctAbs(since.value) } };
}

/** The volume bullet's peak hour (its finding and venue, as the bullet picks them). */
function volumePeakHour(ctx: ComposeContext, asset: string): number | undefined {
  const f = printedVolume(ctx, asset);
  return f ? busiestVenue(f)?.peakHour.time : undefined;
}

/** The lead's trigger, when the hour opened in the trigger's hour or the next. */
function triggerNear(ctx: ComposeContext, hour: number): Md | undefined {
  const trigger = triggerNote(ctx);
  if (!trigger) return undefined;
  const at = Math.floor(Date.parse(trigger.time) / HOUR_MS) * HOUR_MS;
  return hour === at || hour === at + HOUR_MS ? ctx.text(trigger.name) : undefined;
}
