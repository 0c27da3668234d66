/**
 * The day's type and the lead paragraph's facts: the move, the level, the liquidation total and
 * its window, and the trigger (a macro note marked `trigger`) or the lack of one.
 */
import { formatUtcOffset } from '../../renderers/format.js';
import type { LevelBreakSchema, PriceMove } from '../analysis/findings.js';
import type { z } from 'zod';
import { InsufficientDataError } from '../errors.js';
import type { ComposeContext } from './compose-context.js';
import { md } from './markdown-escape.js';
import type { BriefLead, BriefModel } from './model.js';
import { etfProducts } from './bullets-flows.js';

type LevelBreak = z.infer<typeof LevelBreakSchema>;
export type Day = BriefModel['day'];

/** The primary asset's price move; without one there is no brief (exit 3). */
export function primaryMove(ctx: ComposeContext): PriceMove {
  const move = ctx.one('price_move', ctx.primary);
  if (!move) throw new InsufficientDataError(`no price move for ${ctx.primary} in the findings: the brief has nothing to lead with`);
  return move;
}

/** Crash, rally or range, and whether several assets moved together (config thresholds). */
export function dayOf(ctx: ComposeContext, move: PriceMove): Day {
  const t = ctx.input.config.thresholds.price;
  const systemic = ctx.all('systemic_move').find((s) => s.systemic && s.assets.length >= 2);
  const swing = move.low > 0 ? move.high / move.low - 1 : 0;
  let direction: 'down' | 'up' | 'flat';
  if (systemic) direction = systemic.direction;
  else if (
    move.changeFraction <= -t.moveFractionMin ||
    (move.changeFraction < 0 && move.drawdownFraction <= -t.drawdownFractionMin && move.direction === 'down')
  )
    direction = 'down';
  else if (
    move.changeFraction >= t.moveFractionMin ||
    (move.changeFraction > 0 && swing >= t.drawdownFractionMin && move.direction === 'up')
  )
    direction = 'up';
  else direction = 'flat';
  return { crash: direction === 'down', rally: direction === 'up', range: direction === 'flat', multiAsset: Boolean(systemic) };
}

/** Round-number step for a price: 1,000 for 10,000–99,999, 100 for 1,000–9,999 … */
export function roundStep(price: number): number {
  return 10 ** Math.max(0, Math.floor(Math.log10(Math.abs(price))) - 1);
}

/** The level the headline names: the furthest one that held at the close, else the furthest crossed. */
export function headlineBreak(ctx: ComposeContext, day: Day): LevelBreak | undefined {
  if (day.range) return undefined;
  const direction = day.crash ? 'below' : 'above';
  const breaks = ctx.all('level_break', ctx.primary).filter((b) => b.direction === direction);
  if (breaks.length === 0) return undefined;
  const furthest = (list: LevelBreak[]): LevelBreak =>
    list.reduce((best, b) => ((direction === 'below' ? b.level < best.level : b.level > best.level) ? b : best));
  const held = breaks.filter((b) => b.closedBeyond);
  return held.length > 0 ? furthest(held) : furthest(breaks);
}

export function composeLead(ctx: ComposeContext, move: PriceMove, day: Day): BriefLead {
  const { fmt } = ctx;
  const date = ctx.input.findings.date;
  const offset = formatUtcOffset(move.start, ctx.tz);
  const step = roundStep(move.prevClose);
  const fromLevel = day.rally ? Math.ceil(move.low / step) * step : Math.floor(move.high / step) * step;
  const brk = headlineBreak(ctx, day);
  const maxRank = ctx.input.config.thresholds.historicalRank.maxRank;
  const rank = ctx
    .all('historical_rank', ctx.primary)
    .find((r) => r.metric === 'close_to_close' && r.rank <= maxRank && Math.sign(r.value) === Math.sign(move.changeFraction));
  const liq = ctx.all('liquidations').find((l) => l.asset === undefined) ?? ctx.one('liquidations');
  const trigger = ctx.input.notes?.notes.find((n) => n.kind === 'macro' && n.trigger);
  const oi = ctx.one('open_interest_change', ctx.primary);
  const etfVolume = ctx.one('etf_volume', ctx.primary);
  const etfFlows = ctx.one('etf_flows', ctx.primary);
  const systemic = ctx.all('systemic_move').find((s) => s.systemic);

  const lead: BriefLead = {
    utc8: offset === 'UTC+8',
    offset: md(offset),
    date: fmt.date(date),
    weekday: fmt.weekday(date),
    asset: ctx.ticker(ctx.primary),
    assetName: ctx.name(ctx.primary),
    down: move.changeFraction < 0,
    up: move.changeFraction > 0,
    fromLevel: fmt.level(fromLevel),
    high: fmt.price(move.high),
    highTime: fmt.time(move.highTime),
    low: fmt.price(move.low),
    lowTime: fmt.time(move.lowTime),
    close: fmt.price(move.close),
    band: fmt.priceRange(move.low, move.high),
    change: fmt.pctAbs(move.changeFraction),
    drawdown: fmt.pctAbs(move.drawdownFraction),
    others: (systemic?.assets ?? [])
      .filter((a) => a.asset !== ctx.primary)
      .map((a) => ({
        asset: ctx.ticker(a.asset),
        name: ctx.name(a.asset),
        change: fmt.pctAbs(a.changeFraction),
        down: a.changeFraction < 0,
      })),
  };
  // The price sentence: the move, the level crossed, its rank and the other assets' moves.
  ctx.cite(lead, move, brk, lead.others.length > 0 ? systemic : undefined);
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
  // "Largest drop since <month>" needs the last larger day; without one, only rank 1 is news.
  if (rank?.since) lead.rank = { since: fmt.month(rank.since.date), sampleDays: fmt.count(rank.sampleDays), down: rank.value < 0 };
  else if (rank?.rank === 1) lead.rank = { sampleDays: fmt.count(rank.sampleDays), down: rank.value < 0 };
  if (lead.rank) ctx.cite(lead, rank);
  if (liq) {
    const longLow = liq.longFractionRange.low;
    const longHigh = liq.longFractionRange.high;
    const total = fmt.usdRange(liq.totalRangeUsd.low, liq.totalRangeUsd.high);
    const longShareMin = ctx.input.config.thresholds.liquidations.longShareMin;
    lead.liquidations = ctx.cite(
      {
        total,
        range: /[—–]/.test(total),
        window: fmt.hours(Math.round((liq.end - liq.start) / 3_600_000)),
        longShare: fmt.pctRange(longLow, longHigh, 0),
        shortShare: fmt.pctRange(1 - longHigh, 1 - longLow, 0),
        longDominant: liq.longDominant,
        shortDominant: 1 - longHigh >= longShareMin,
        sources: ctx.sources(liq.perSource.map((s) => s.source)),
        lowerBound: liq.lowerBound,
      },
      liq,
    );
    if (liq.asset) lead.liquidations.asset = ctx.ticker(liq.asset);
  }
  if (trigger && trigger.kind === 'macro') lead.trigger = { name: ctx.text(trigger.name), time: fmt.dateTime(Date.parse(trigger.time)) };
  if (oi && oi.deleveraging && liq?.longDominant && day.crash)
    lead.deleveraging = ctx.cite({ oiChange: fmt.pctAbs(oi.changeFraction), venues: ctx.sources(oi.perVenue.map((v) => v.venue)) }, oi);
  if (etfVolume?.isRecord)
    lead.etfRecord = ctx.cite(
      { total: fmt.usd(etfVolume.totalDollarVolumeUsd), date: fmt.date(etfVolume.date), products: etfProducts(ctx, etfVolume) },
      etfVolume,
    );
  if (etfFlows && etfFlows.netFlowUsd > 0 && day.rally)
    lead.etfInflow = ctx.cite({ net: fmt.usd(etfFlows.netFlowUsd), date: fmt.date(etfFlows.date) }, etfFlows);
  return lead;
}
