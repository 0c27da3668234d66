/**
 * Bullets for flows: spot-ETF volume and net flows, on-chain whale transfers, exchange
 * inflows/outflows, and labelled-entity moves from the editorial notes.
 */
import { formatNumber, LOCALES } from '../../kernel/locale/index.js';
import type { FindingOf } from '../analysis/index.js';
import { hasClaim, listOf, type ComposeContext } from './compose-context.js';
import { joinMd, md, type Md } from './markdown-escape.js';
import type { Bullet } from './model.js';
import type { EntityMoveNote } from './notes.js';
import { atPar } from './par.js';

type B<K extends keyof Bullet> = NonNullable<Bullet[K]>;

const CRYPTO_VENUES = new Set(['binance', 'binance-futures', 'okx', 'bybit', 'coinbase', 'deribit', 'collector']);

/** The funds behind an ETF figure, by ticker in a fixed order, joined for the language. */
export function etfProducts(ctx: ComposeContext, f: FindingOf<'etf_volume'>): Md {
  const tickers = f.tickers.map((t) => t.ticker).sort();
  return joinMd(
    tickers.map((t) => md(t)),
    LOCALES[ctx.lang].enumerationSeparator,
  );
}

/** More than one fund in the day's ETF volume: its total is a sum ("funds", 合计), broken down by fund. */
export function severalFunds(f: FindingOf<'etf_volume'>): boolean {
  return f.tickers.length > 1;
}

/**
 * ETF dollar volume (a day's or its 30-day average): the funds added up is an aggregate (约 in zh);
 * a single fund's (GBTC alone before the spot launch) is its reported figure.
 */
export function etfVolumeUsd(ctx: ComposeContext, f: FindingOf<'etf_volume'>): (value: number) => Md {
  return severalFunds(f) ? ctx.fmt.usdAggregate : ctx.fmt.usd;
}

export function etfVolumeBullet(ctx: ComposeContext, f: FindingOf<'etf_volume'>): B<'etfVolume'> {
  const { fmt } = ctx;
  const usd = etfVolumeUsd(ctx, f);
  const bullet: B<'etfVolume'> = {
    asset: ctx.ticker(f.asset),
    products: etfProducts(ctx, f),
    several: severalFunds(f),
    beforeSpot: f.beforeSpotEtfs,
    firstSpot: f.firstSpotSession,
    halfDay: f.earlyClose,
    date: fmt.usSession(f.date),
    total: usd(f.totalDollarVolumeUsd),
    record: f.isRecord,
    heavy: f.multipleOf30dAvg !== undefined && f.multipleOf30dAvg >= ctx.input.config.thresholds.etf.volumeMultipleMin,
    top: [...f.tickers]
      .sort((a, b) => b.dollarVolumeUsd - a.dollarVolumeUsd || (a.ticker < b.ticker ? -1 : 1))
      .slice(0, 3)
      .map((t) => ({
        ticker: md(t.ticker),
        volume: fmt.usd(t.dollarVolumeUsd),
        ...(f.multipleOf30dAvg === undefined && t.multiple !== undefined
          ? { own: { multiple: fmt.multiple(t.multiple), days: fmt.count(ctx.input.config.thresholds.etf.avgDays) } }
          : {}),
      })),
    priceDown: (f.sessionChangeFraction ?? f.priceChangeFraction ?? 0) < 0,
    closeToClose: f.sessionChangeFraction !== undefined,
    divergence: f.divergence,
    // The ETF figures' own source: exchanges in `sources` only supplied the asset's price change.
    sources: ctx.sources(
      f.sources.filter((s) => !CRYPTO_VENUES.has(s)).length ? f.sources.filter((s) => !CRYPTO_VENUES.has(s)) : ['yahoo'],
    ),
  };
  if (!severalFunds(f)) bullet.top = [];
  if (f.excluded?.length)
    bullet.excluding = joinMd(
      [...f.excluded].sort().map((t) => md(t)),
      LOCALES[ctx.lang].enumerationSeparator,
    );
  if (f.avg30dUsd !== undefined && f.multipleOf30dAvg !== undefined) {
    bullet.average = {
      value: usd(f.avg30dUsd),
      multiple: fmt.multiple(f.multipleOf30dAvg),
      days: fmt.count(ctx.input.config.thresholds.etf.avgDays),
    };
  }
  // The asset over the funds' own span (US close to US close) when known, else its UTC day; in
  // the model only where a sentence prints it (the divergence reading, or beside a single fund's close).
  const assetMove = f.sessionChangeFraction ?? f.priceChangeFraction;
  const fund = f.tickers.length === 1 ? f.tickers[0]! : undefined;
  const besideFund = fund?.closeChangeFraction !== undefined && f.sessionChangeFraction !== undefined;
  if (assetMove !== undefined && assetMove !== 0 && (f.divergence || besideFund)) bullet.priceChange = fmt.pctAbs(assetMove);
  if (fund?.closeChangeFraction !== undefined && fund.closeChangeFraction !== 0)
    bullet.fundMove = {
      ticker: md(fund.ticker),
      close: fmt.price(fund.close, 'USD'),
      change: fmt.pctAbs(fund.closeChangeFraction),
      down: fund.closeChangeFraction < 0,
    };
  return bullet;
}

/**
 * Whether the day's net ETF flow is large enough to read as a direction: the day plan's
 * etf_inflow / etf_outflow claim (|net| ≥ etf.netFlowNotableUsd, USD). The one decision behind
 * the bullet's reading ("Too small a flow to read as a direction" / 规模有限 below it) and every
 * other sentence that reads the flow as a direction — the bull and bear points, the lead's
 * "fresh money", the headline's "ETF inflows" — so none argues from a flow the bullet calls too
 * small.
 */
export function etfFlowReadable(ctx: Pick<ComposeContext, 'plan'>, f: FindingOf<'etf_flows'>): boolean {
  if (f.netFlowUsd === 0) return false;
  return hasClaim(ctx, f.netFlowUsd > 0 ? 'etf_inflow' : 'etf_outflow', f.asset);
}

export function etfFlowsBullet(ctx: ComposeContext, f: FindingOf<'etf_flows'>): B<'etfFlows'> | undefined {
  const { fmt } = ctx;
  if (f.netFlowUsd === 0) return undefined;
  return {
    asset: ctx.ticker(f.asset),
    date: fmt.usSession(f.date),
    // The funds' net added up: an aggregate; each fund's own figure below is reported.
    net: fmt.usdAggregate(Math.abs(f.netFlowUsd)),
    inflow: f.netFlowUsd > 0,
    streak: fmt.count(f.streakDays),
    longStreak: f.streakDays >= 2,
    ...(f.streakDays >= ctx.input.config.thresholds.etf.streakSumMinDays ? { streakTotal: fmt.usdAggregate(f.streakNetUsd) } : {}),
    top: topFunds(f.perTicker, f.netFlowUsd, ctx.input.config.thresholds.etf.againstShareMin).map((t) => ({
      ticker: md(t.ticker),
      net: fmt.usd(Math.abs(t.netFlowUsd)),
      inflow: t.netFlowUsd > 0,
    })),
    ...splitOf(ctx, f),
    source: ctx.sources(f.sources),
    notable: etfFlowReadable(ctx, f),
  };
}

/**
 * The finding's split of the funds (against the net, the rest added up), when the net is read as
 * a direction (etfFlowReadable): a flow too small to read has no split to read either.
 */
function splitOf(ctx: ComposeContext, f: FindingOf<'etf_flows'>): { split?: NonNullable<B<'etfFlows'>['split']> } {
  if (!f.split || !etfFlowReadable(ctx, f)) return {};
  return {
    split: {
      tracked: ctx.fmt.count(f.perTicker.length),
      against: listOf(
        f.split.against.map((ticker) => md(ticker)),
        ctx.lang,
      ),
      count: ctx.fmt.count(f.split.restCount),
      net: ctx.fmt.usdAggregate(Math.abs(f.split.restNetUsd)),
    },
  };
}

/**
 * The funds an ETF-flow bullet names: the three largest by size; and when a fund moved against the
 * day's net by at least `etf.againstShareMin` of the net (a tenth) and none of the three did, the
 * largest such fund replaces the third. A net inflow with one fund bleeding (GBTC's $95.1 million out of a $547
 * million inflow on the spot ETFs' first day) is two stories; a $6.8 million inflow beside a $237
 * million outflow is not.
 */
export function topFunds<T extends { ticker: string; netFlowUsd: number }>(
  perTicker: readonly T[],
  net: number,
  againstShareMin: number,
): T[] {
  const sorted = [...perTicker]
    .filter((t) => t.netFlowUsd !== 0)
    .sort((a, b) => Math.abs(b.netFlowUsd) - Math.abs(a.netFlowUsd) || (a.ticker < b.ticker ? -1 : 1));
  const top = sorted.slice(0, 3);
  const against = sorted.find(
    (t) => Math.sign(t.netFlowUsd) === -Math.sign(net) && Math.abs(t.netFlowUsd) >= againstShareMin * Math.abs(net),
  );
  if (top.length === 3 && against && !top.includes(against)) top[2] = against;
  // Parts never read larger than their whole: when the named funds that moved with the net add up
  // to more than the net, the largest fund that moved against it is named too (5 August: FBTC,
  // ARKB and GBTC out $244 million of a $237 million net outflow, IBIT in $6.8 million).
  const withNet = top.filter((t) => Math.sign(t.netFlowUsd) === Math.sign(net)).reduce((sum, t) => sum + Math.abs(t.netFlowUsd), 0);
  const largestAgainst = sorted.find((t) => Math.sign(t.netFlowUsd) === -Math.sign(net));
  if (withNet > Math.abs(net) && largestAgainst && !top.includes(largestAgainst)) top.push(largestAgainst);
  return top;
}

export function whalesBullet(ctx: ComposeContext, f: FindingOf<'whale_activity'>): B<'whales'> | undefined {
  const { fmt } = ctx;
  if (f.count === 0 && f.baseline30dAvgCount === undefined) return undefined;
  const bullet: B<'whales'> = {
    asset: ctx.ticker(f.asset),
    threshold: fmt.coins(f.thresholdCoins, f.asset),
    count: fmt.count(f.count),
    total: fmt.coins(f.totalCoins, f.asset),
    source: ctx.sources(f.sources),
  };
  if (f.totalUsd !== undefined && f.totalUsd > 0) bullet.totalUsd = fmt.usd(f.totalUsd);
  if (f.baseline30dAvgCount !== undefined && f.multipleOfBaseline !== undefined && f.baseline30dAvgCount > 0) {
    bullet.baseline = {
      count: md(formatNumber(f.baseline30dAvgCount, 1)),
      multiple: fmt.multiple(f.multipleOfBaseline),
      par: atPar(fmt, f.multipleOfBaseline),
      elevated: f.multipleOfBaseline >= ctx.input.config.thresholds.whale.multipleMin,
      // The judgement follows the multiple both ways: 0.6x the average is not "about normal".
      quiet: f.multipleOfBaseline <= ctx.input.config.thresholds.whale.quietMultipleMax,
      days: fmt.count(ctx.input.config.thresholds.whale.baselineDays),
    };
  }
  // Printed only when they shifted: the hourly chart shows when transfers came, not the level.
  const around = f.aroundLevel;
  if (around && around.shift !== 'none')
    bullet.around = {
      level: fmt.level(around.level),
      time: fmt.time(around.breakTime),
      hours: fmt.hours(around.windowHours),
      before: fmt.count(around.before),
      after: fmt.count(around.after),
      below: around.direction === 'below',
      more: around.shift === 'more',
    };
  const largest = [...f.largest].sort((a, b) => b.amountCoins - a.amountCoins || a.time - b.time)[0];
  if (largest) {
    bullet.largest = { amount: fmt.coins(largest.amountCoins, f.asset), time: fmt.time(largest.time) };
    if (largest.from) bullet.largest.from = md(largest.from);
    if (largest.to) bullet.largest.to = md(largest.to);
  }
  return bullet;
}

export function exchangeFlowsBullet(ctx: ComposeContext, f: FindingOf<'exchange_flows'>): B<'exchangeFlows'> {
  const { fmt } = ctx;
  const bullet: B<'exchangeFlows'> = {
    asset: ctx.ticker(f.asset),
    net: fmt.coins(Math.abs(f.netCoins), f.asset),
    // Valued hour by hour, a net of coins in can be a net of dollars out (coins arriving dear,
    // leaving cheap): the dollars are printed only when they point the way the coins do.
    ...(f.netUsd !== undefined && Math.sign(f.netUsd) === Math.sign(f.netCoins) ? { netUsd: fmt.usdAggregate(Math.abs(f.netUsd)) } : {}),
    inflow: f.netCoins > 0,
    peak: fmt.coins(f.peakInflow.coins, f.asset),
    peakTime: fmt.time(f.peakInflow.time),
    after: fmt.coins(Math.abs(f.netAfterPeakCoins), f.asset),
    afterOutflow: f.netAfterPeakCoins < 0,
    // Up to and including the peak hour, coins went onto exchanges on net (the day's net less the net after it).
    beforePeakInflow: f.netCoins - f.netAfterPeakCoins > 0,
    // An inflow spike, then net outflows: the reading gives both halves. On a day that still
    // ended in net inflows (5 August: 36,870 BTC in on net, 3,382 BTC out after the 13:00 spike)
    // it says the inflow came by the spike, not that sellers are done or not done.
    reversal: f.reversal,
    baselineDays: fmt.count(ctx.input.config.thresholds.exchangeFlows.baselineDays),
    source: ctx.sources(f.sources),
  };
  // The multiple says what it is a multiple of: the days before the window, or the window's own
  // median hour (sources often give only the day; then it is no 7-day average).
  if (f.peakMultipleOfBaseline !== undefined && f.baselineFrom !== undefined) {
    bullet.peakMultiple = fmt.multiple(f.peakMultipleOfBaseline);
    bullet.baselineDayMedian = f.baselineFrom === 'window-median';
  }
  // What the series counts (Whale Alert's min_value, from its request): an exact amount, so
  // formatted as a round figure ("50 万美元", "$500,000"), never 约.
  if (f.minTransferUsd !== undefined) bullet.minTransfer = fmt.level(f.minTransferUsd);
  return bullet;
}

export function entitiesBullet(ctx: ComposeContext, notes: readonly EntityMoveNote[]): B<'entities'> | undefined {
  if (notes.length === 0) return undefined;
  const { fmt } = ctx;
  const moves = [...notes]
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time))
    .map((n) => {
      const move: B<'entities'>['moves'][number] = {
        entity: ctx.text(n.entity),
        amount: fmt.coins(n.amountCoins, n.asset),
        time: fmt.dayTime(Date.parse(n.time)),
        toExchange: n.action === 'deposit_to_exchange',
        fromExchange: n.action === 'withdraw_from_exchange',
        sale: n.action === 'sale',
        purchase: n.action === 'purchase',
        transfer: n.action === 'transfer',
        source: ctx.link(n.source),
      };
      if (n.amountUsd !== undefined) move.amountUsd = fmt.usd(n.amountUsd);
      if (n.counterparty) move.counterparty = ctx.text(n.counterparty);
      if (n.text) move.text = ctx.clause(n.text);
      return move;
    });
  return { moves };
}
