/**
 * The closing section's facts: key price levels (from analysis), time windows (catalyst notes
 * and futures expiries from the basis data) and the 2–3 item watchlist with conditionals. Each
 * data-bearing part is registered for its source footnotes. Nothing here is invented: a window
 * without a note or an expiry is not listed.
 */
import type { BasisCompression, KeyLevels, PriceMove } from '../analysis/index.js';
import { hasClaim, listOf, type ComposeContext } from './compose-context.js';
import type { Day } from './lead.js';
import { deleveragingThesisFired, headlineBreak } from './lead.js';
import { exchangeNetInflow } from './exchange-supply.js';
import { md } from './markdown-escape.js';
import { positionsMoved } from './positions.js';
import type { LevelRef, Outlook, TimeWindow, WatchItem } from './model.js';
import { providerName, publisherName, tenorName } from './names.js';

const MAX_LEVELS = 3;
const MAX_WATCH = 3;
/** A release this many days or fewer after the brief's day is what a range day is waiting for (days). */
const IMMINENT_DAYS = 2;
/** Futures expiries further out than this are not "time windows" for a daily brief (days). */
const EXPIRY_HORIZON_DAYS = 60;
/** Releases the calendar may not hold yet, as the sentence saying so names them. */
const SCHEDULE_NAMES = {
  fomc: { zh: '美联储议息会议', en: 'FOMC meeting' },
  minutes: { zh: '美联储会议纪要', en: 'FOMC minutes' },
  cpi: { zh: '美国 CPI', en: 'US CPI' },
  ppi: { zh: '美国 PPI', en: 'US PPI' },
  payrolls: { zh: '非农就业报告', en: 'payrolls' },
  pce: { zh: 'PCE 物价指数', en: 'PCE' },
} as const;

/**
 * A level as the outlook prints it. A 'range' level is the window's own low (below the close, so a
 * support) or high (a resistance): the reader is told which, not "range edge".
 */
function levelRef(
  ctx: ComposeContext,
  level: KeyLevels['supports'][number],
  side: 'support' | 'resistance',
  move: Pick<PriceMove, 'open' | 'low' | 'high'>,
): LevelRef {
  const ref: LevelRef = {
    price: level.basis === 'round' || Number.isInteger(level.price) ? ctx.fmt.level(level.price) : ctx.fmt.price(level.price),
    round: level.basis === 'round',
    swingLow: level.basis === 'swing_low',
    swingHigh: level.basis === 'swing_high',
    cluster: level.basis === 'cluster',
    dayLow: level.basis === 'range' && side === 'support',
    dayHigh: level.basis === 'range' && side === 'resistance',
    // A support the day opened above, traded below and closed above (a resistance it opened
    // under, traded above and closed under): the reader is told it gave way intraday, not that it
    // held. A level the day opened beyond and crossed for good is the day's break, in the lead.
    reclaimed: side === 'support' && move.open >= level.price && move.low < level.price,
    rejected: side === 'resistance' && move.open <= level.price && move.high > level.price,
  };
  if (level.note && /^\d{4}-\d{2}-\d{2}$/.test(level.note)) ref.date = ctx.fmt.date(level.note);
  return ref;
}

export function composeOutlook(ctx: ComposeContext, move: PriceMove, day: Day): Outlook {
  const { fmt, primary } = ctx;
  const levels = ctx.one('key_levels', primary);
  // Nearest first: supports from the highest down, resistances from the lowest up.
  const supports = [...(levels?.supports ?? [])].sort((a, b) => b.price - a.price).slice(0, MAX_LEVELS);
  const resistances = [...(levels?.resistances ?? [])].sort((a, b) => a.price - b.price).slice(0, MAX_LEVELS);

  const windows: { at: number; window: TimeWindow }[] = [];
  const catalysts = (ctx.input.notes?.notes ?? []).flatMap((n) => (n.kind === 'catalyst' ? [n] : []));
  for (const c of [...catalysts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const w: TimeWindow = {
      date: c.time ? fmt.dateTime(Date.parse(c.time)) : fmt.date(c.date),
      name: ctx.text(c.name),
      source: ctx.link(c.source),
      expiry: false,
    };
    if (c.text) w.text = ctx.text(c.text);
    windows.push({ at: c.time ? Date.parse(c.time) : Date.parse(`${c.date}T00:00:00Z`), window: w });
  }
  // Curated and computed catalysts (the plan's), unless a note or the basis data already has that day.
  const noteDates = new Set(catalysts.map((c) => c.date));
  const planned = ctx.plan.catalysts.filter((c) => !noteDates.has(c.date));
  for (const c of planned) {
    windows.push({
      at: c.time ?? Date.parse(`${c.date}T00:00:00Z`),
      window: {
        date: c.time ? fmt.dateTime(c.time) : fmt.date(c.date),
        name: md(c.name[ctx.lang]),
        source: ctx.link({ name: publisherName(c.url, 'en'), url: c.url }),
        expiry: false,
        kind: c.kind,
      },
    });
  }
  const basis = ctx.one('basis_compression', primary);
  const expiring = basis?.tenors
    .filter((t) => t.daysToExpiry > 0 && t.daysToExpiry <= EXPIRY_HORIZON_DAYS)
    .sort((a, b) => a.expiry - b.expiry)[0];
  const expiringPaths = expiring ? basisPaths(ctx, expiring, basis!) : [];
  // A computed Deribit expiry on the same day as a contract in the basis data is the same event.
  if (expiring && !planned.some((c) => c.kind === 'expiry' && c.date === new Date(expiring.expiry).toISOString().slice(0, 10))) {
    windows.push({
      at: expiring.expiry,
      window: ctx.cite(
        {
          date: fmt.dateOf(expiring.expiry),
          name: md(`${providerName(expiring.venue, ctx.lang)} ${tenorName(expiring.tenor, ctx.lang)}`),
          expiry: true,
          kind: 'expiry' as const,
        },
        expiringPaths,
      ),
    });
  }

  const watch: WatchItem[] = [];
  const brk = headlineBreak(ctx);
  const nearestSupport = supports[0];
  const nearestResistance = resistances[0];
  const asset = ctx.ticker(primary);
  // The first item's levels come from the level crossed, the key levels or the day's prices.
  const levelSources = [brk, levels, move];
  if (day.crash) {
    const level = brk
      ? fmt.level(brk.level)
      : nearestResistance
        ? levelRef(ctx, nearestResistance, 'resistance', move).price
        : fmt.price(move.open);
    const item: WatchItem = { reclaim: { asset, level } };
    if (nearestSupport) item.reclaim!.support = levelRef(ctx, nearestSupport, 'support', move).price;
    watch.push(ctx.cite(item, ...levelSources));
  } else if (day.rally) {
    const level = brk ? fmt.level(brk.level) : nearestSupport ? levelRef(ctx, nearestSupport, 'support', move).price : fmt.price(move.open);
    const item: WatchItem = { hold: { asset, level } };
    if (nearestResistance) item.hold!.resistance = levelRef(ctx, nearestResistance, 'resistance', move).price;
    watch.push(ctx.cite(item, ...levelSources));
  } else {
    const low = nearestSupport ? levelRef(ctx, nearestSupport, 'support', move).price : fmt.price(move.low);
    const high = nearestResistance ? levelRef(ctx, nearestResistance, 'resistance', move).price : fmt.price(move.high);
    watch.push(ctx.cite({ breakout: { asset, low, high } }, levels, move));
  }
  const firstCatalyst = catalysts.sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  const firstPlanned = planned.find((c) => c.kind !== 'expiry') ?? planned[0];
  if (firstCatalyst) watch.push({ catalyst: { date: fmt.date(firstCatalyst.date), name: ctx.text(firstCatalyst.name) } });
  // Dated as the calendar line dates it: in the brief's timezone (an FOMC decision on 20 March in
  // Washington is 02:00 on 21 March in UTC+8), not by its US date.
  else if (firstPlanned)
    watch.push({
      catalyst: {
        date: firstPlanned.time ? fmt.dateOf(firstPlanned.time) : fmt.date(firstPlanned.date),
        name: md(firstPlanned.name[ctx.lang]),
      },
    });
  else if (expiring)
    watch.push(
      ctx.cite(
        {
          expiry: {
            date: fmt.dateOf(expiring.expiry),
            tenor: md(tenorName(expiring.tenor, ctx.lang)),
            venue: md(providerName(expiring.venue, ctx.lang)),
          },
        },
        expiringPaths,
      ),
    );
  const etf = ctx.one('etf_flows', primary);
  const funding = ctx.one('funding_flip', primary);
  const vol = ctx.one('implied_vol', primary);
  if (etf) watch.push(ctx.cite({ etfFlows: { asset, inflow: etf.netFlowUsd > 0 } }, etf));
  if (funding) watch.push(ctx.cite({ funding: { current: fmt.rate(funding.weightedCurrentPer8h) } }, funding));
  if (vol) watch.push(ctx.cite({ volatility: { index: ctx.ticker(vol.index), current: fmt.vol(vol.current) } }, vol));

  const path = ctx.one('price_path', primary);
  const outlook: Outlook = {
    asset,
    reference: fmt.price(levels?.reference ?? move.close),
    supports: supports.map((s) => levelRef(ctx, s, 'support', move)),
    resistances: resistances.map((r) => levelRef(ctx, r, 'resistance', move)),
    windows: windows.sort((a, b) => a.at - b.at).map((w) => w.window),
    watch: watch.slice(0, MAX_WATCH),
    down: day.crash,
    up: day.rally,
    flat: day.range,
    // The lead's deleveraging thesis (OI fell AND longs dominated) and a flush of size (the
    // leverage_flush claim): the long share alone, or a total near its median, is no flush.
    leverageFlushed: deleveragingThesisFired(ctx, day) && hasClaim(ctx, 'leverage_flush'),
    exchangeInflow: exchangeNetInflow(ctx),
    voluntary: hasClaim(ctx, 'voluntary_deleveraging', primary),
    nearLow: path?.direction === 'down' && path.retrace.nearExtreme,
    recovered: path?.direction === 'down' && path.retrace.recovered,
    leverageRising: false,
    positionsShrank: positionsMoved(ctx).shrank,
    afterDecline: false,
    noCatalyst: ctx.plan.noCatalyst && catalysts.every((c) => c.date > horizonEnd(ctx)),
    horizonDays: fmt.count(ctx.input.config.thresholds.catalysts.horizonDays),
  };
  const dayStart = Date.parse(`${ctx.input.findings.date}T00:00:00Z`);
  const imminent = windows
    .filter((w) => !w.window.expiry && w.window.kind !== 'expiry' && w.at >= dayStart && w.at < dayStart + (IMMINENT_DAYS + 1) * 86_400_000)
    .sort((a, b) => a.at - b.at)[0];
  if (day.range && imminent) outlook.imminent = { date: imminent.window.date, name: imminent.window.name };
  if (ctx.plan.unsourced.length > 0)
    outlook.unsourced = listOf(
      ctx.plan.unsourced.map((k) => md(SCHEDULE_NAMES[k][ctx.lang])),
      ctx.lang,
    );
  // The price-structure paragraph: the reference price and the levels around it.
  return ctx.cite(outlook, levels, move);
}

/** The snapshot series of one basis tenor (`basis[i]`), else every series the finding used. */
function basisPaths(ctx: ComposeContext, tenor: BasisCompression['tenors'][number], basis: BasisCompression): readonly string[] {
  const index = ctx.input.snapshot.basis.findIndex((b) => b.venue === tenor.venue && b.contract === tenor.contract);
  return index >= 0 ? [`basis[${index}]`] : basis.paths;
}

/** Last day of the catalyst horizon after the brief's day, YYYY-MM-DD. */
function horizonEnd(ctx: ComposeContext): string {
  const days = ctx.input.config.thresholds.catalysts.horizonDays;
  return new Date(Date.parse(`${ctx.input.findings.date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
