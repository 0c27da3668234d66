/**
 * The headline and the one-sentence description (page title, feeds, meta, PDF header), as plain
 * text. This module states the day's facts once, in no language: the HEADLINE MODEL, every figure
 * already formatted for the brief's language by the kernel locale. The words are the analysts',
 * in templates/<lang>/headline/ (headline-templates.ts renders them). Compose renders the title
 * itself because the page needs it before the body's templates run (the body prints it too).
 * Pattern (brief-style): figure + event + judgement, e.g. "BTC 跌破 4.2 万美元：杠杆多头集中爆仓" /
 * "Bitcoin slides below $42,000 as leveraged longs are flushed".
 */
import { z } from 'zod';
import * as format from '../../kernel/locale/index.js';
import { LANGS, type Lang } from '../../kernel/lang.js';
import type { PriceMove } from '../analysis/index.js';
import { hasClaim, type ComposeContext } from './compose-context.js';
import type { Day } from './lead.js';
import { headlineBreak, leadStep } from './lead.js';
import { liquidationTotal } from './liquidation-total.js';
import { assetName } from './names.js';
import { sessionInWindow } from './etf-session.js';
import { etfFlowReadable } from './bullets-flows.js';

export interface Headline {
  title: string;
  description: string;
}

const text = z.string();
const flag = z.boolean();

/** One asset of a multi-asset day, as `move.hbs` words it; the locale lists the results. */
export const HeadlineMoveSchema = z.strictObject({
  /** Ticker: BTC. */
  asset: text,
  /** The asset's name in the language: 比特币 / Bitcoin (the ticker when it has none). */
  name: text,
  /** The name inside a sentence: "bitcoin"; a name that is its ticker keeps its capitals (BNB). */
  nameInText: text,
  /** The close-to-close move, unsigned: 5.2%. */
  change: text,
});

/** What `title.hbs` (and the partials it calls) can print: the day's facts, formatted. */
export const HeadlineModelSchema = z.strictObject({
  lang: z.enum(LANGS),
  /** The brief's day, YYYY-MM-DD (the `variant` helper reads it). */
  date: text,
  /** The day as the language prints it: 1 月 4 日 / 4 January. */
  when: text,
  /** The day type; exactly one is true. */
  crash: flag,
  rally: flag,
  range: flag,
  /** A range day that barely moved (the brief's day.tight): "a tight range" / 窄幅震荡; else its close. */
  tight: flag,
  /** The close is below the previous close. */
  down: flag,
  /** A crash in which every configured asset fell beyond the systemic threshold. */
  multiAssetCrash: flag,
  asset: text,
  name: text,
  nameInText: text,
  /** Close to close, unsigned. */
  change: text,
  /** High to low, unsigned. */
  drawdown: text,
  /** The close: $42,874 / 42,874 美元. */
  close: text,
  /** The day's range between round levels: 4.2 万—4.4 万美元 / $42,000–44,000. */
  band: text,
  /** The round level the day crossed (below on a crash, above on a rally), and whether it closed beyond it. */
  level: z.strictObject({ price: text, closedBeyond: flag }).optional(),
  /** Every configured asset, in configured order. */
  assets: z.array(HeadlineMoveSchema),
  /** `assets` each worded by move.hbs and listed by the locale: "BTC 跌 5.2%、ETH 跌 8.1%". */
  moves: text,
  /** The day's liquidation figure and its scope (absent without liquidation data). */
  liquidations: z
    .strictObject({
      /** As every part of the brief prints it: 约 12.6 亿美元 / $1.26 billion. */
      total: text,
      /** Longs' share of it: 73% (a range when sources differ). */
      longShare: text,
      /** The window it covers: 24 小时 / 24 hours. */
      hours: text,
      /** Scope: all coins on all exchanges (全网). */
      market: flag,
      /** Scope: the assets in `assetList` added up from one complete source (合计). */
      sum: flag,
      /** Scope: sampled streams only, a lower bound of the assets in `assetList` (至少 / at least). */
      floor: flag,
      /** Below its 30-day median: only then "just" / 仅. */
      belowMedian: flag,
      /** The assets a `sum` or `floor` covers, listed by the locale: BTC、ETH / BTC and ETH. */
      assetList: text,
    })
    .optional(),
  /** The plan's leverage_flush claim fired: the only licence for 集中出清 / flushed. */
  flush: flag,
  /** Long liquidations dominated. */
  longsDominant: flag,
  /** Short liquidations dominated. */
  shortsSqueezed: flag,
  /** The lead asset's spot ETFs took in money in a session inside the brief's window, enough to read as a direction (etfFlowReadable). */
  etfInflow: flag,
});

/** What `description.hbs` can print: the same facts, and whether the title already gives the liquidation total. */
export const DescriptionModelSchema = HeadlineModelSchema.extend({ titleGivesTotal: flag });

export type HeadlineModel = z.infer<typeof HeadlineModelSchema>;
export type HeadlineMove = z.infer<typeof HeadlineMoveSchema>;
export type DescriptionModel = z.infer<typeof DescriptionModelSchema>;
/** The model before the templates word `moves`. */
export type HeadlineFacts = Omit<HeadlineModel, 'moves'>;

/** Renders the headline model into words: the language's headline templates (headline-templates.ts). */
export interface HeadlineTemplates {
  render(facts: HeadlineFacts): Headline;
}

/** A name inside a sentence: lower case, unless the name is the ticker itself (BNB, XRP). */
function nameInText(name: string, asset: string): string {
  return name.toLowerCase() === asset.toLowerCase() ? asset : name.toLowerCase();
}

function moveOf(asset: string, changeFraction: number, lang: Lang): HeadlineMove {
  const name = assetName(asset, lang);
  return { asset, name, nameInText: nameInText(name, asset), change: format.formatPercentAbs(changeFraction) };
}

/** The day's facts for the headline templates, every figure formatted for `ctx.lang`. */
export function headlineFacts(ctx: ComposeContext, move: PriceMove, day: Day): HeadlineFacts {
  const lang = ctx.lang;
  const asset = ctx.primary;
  const brk = headlineBreak(ctx);
  const liq = ctx.plan.liquidations;
  // An ETF session that closed before the window (a weekend, a US holiday) did not move this day's price.
  const etfFlows = ctx.one('etf_flows', asset);
  const etf = etfFlows && sessionInWindow(ctx, etfFlows.date) ? etfFlows : undefined;
  const step = leadStep(ctx);
  const windowHours = liq ? Math.round((liq.end - liq.start) / 3_600_000) : 24;
  return {
    lang,
    date: ctx.input.findings.date,
    when: format.formatDate(ctx.input.findings.date, lang),
    crash: day.crash,
    rally: day.rally,
    range: day.range,
    tight: day.tight,
    down: move.changeFraction < 0,
    multiAssetCrash: day.multiAsset && day.crash,
    ...moveOf(asset, move.changeFraction, lang),
    drawdown: format.formatPercentAbs(move.drawdownFraction),
    close: format.formatPrice(move.close, lang),
    band: format.formatPriceRange(Math.floor(move.low / step) * step, Math.ceil(move.high / step) * step, lang),
    ...(brk ? { level: { price: format.formatLevel(brk.level, lang), closedBeyond: brk.closedBeyond } } : {}),
    // Multi-asset lines list the assets in configured order.
    assets: ctx.plan.assets.map((a) => moveOf(a.asset, a.changeFraction, lang)),
    ...(liq
      ? {
          liquidations: {
            total: liquidationTotal(liq, lang),
            longShare: format.formatPercentRange(liq.longFractionRange.low, liq.longFractionRange.high, lang, 0),
            hours: format.formatHours(windowHours, lang),
            // The figure's scope is part of it: market-wide (全网), the assets added up (合计), or a floor (至少).
            market: liq.scope === 'market',
            sum: liq.scope === 'assets',
            floor: liq.scope === 'floor',
            belowMedian: liq.multipleOfMedian !== undefined && liq.multipleOfMedian < 1,
            assetList: format.formatList(liq.scope === 'market' ? [] : liq.assets, lang),
          },
        }
      : {}),
    // "集中出清" is a word of size: the plan's leverage_flush claim, not the long share alone.
    flush: hasClaim(ctx, 'leverage_flush'),
    longsDominant: ctx.plan.dominantSide === 'long',
    shortsSqueezed: ctx.plan.dominantSide === 'short',
    // "ETF 资金持续流入" / "as ETF inflows continue" only for a flow the ETF bullet reads as a direction.
    etfInflow: etf !== undefined && etf.netFlowUsd > 0 && etfFlowReadable(ctx, etf),
  };
}

export function composeHeadline(ctx: ComposeContext, move: PriceMove, day: Day, templates: HeadlineTemplates): Headline {
  return templates.render(headlineFacts(ctx, move, day));
}
