/**
 * The headline and the one-sentence description, as plain text (page title, feeds, PDF header).
 * They are the only words compose writes itself: the page needs them before any template runs.
 * Pattern (brief-style): figure + event + judgement, e.g. "BTC 跌破 4.2 万美元:杠杆多头集中爆仓" /
 * "Bitcoin slides below $42,000 as leveraged longs are flushed".
 */
import * as format from '../../kernel/locale/index.js';
import type { Lang } from '../../kernel/locale/index.js';
import type { PriceMove } from '../analysis/index.js';
import { hasClaim, type ComposeContext } from './compose-context.js';
import type { Day } from './lead.js';
import { headlineBreak, leadStep } from './lead.js';
import { liquidationTotal } from './liquidation-total.js';
import { assetName } from './names.js';
import { sessionInWindow } from './etf-session.js';

export interface Headline {
  title: string;
  description: string;
}

function zhList(items: string[]): string {
  return items.join('、');
}

function enList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function composeHeadline(ctx: ComposeContext, move: PriceMove, day: Day): Headline {
  const lang: Lang = ctx.lang;
  const asset = ctx.primary;
  const brk = headlineBreak(ctx);
  const liq = ctx.plan.liquidations;
  const liqTotal = liq ? liquidationTotal(liq, lang) : undefined;
  const longShare = liq ? format.formatPercentRange(liq.longFractionRange.low, liq.longFractionRange.high, lang, 0) : undefined;
  const shortsSqueezed = ctx.plan.dominantSide === 'short';
  const longsFlushed = ctx.plan.dominantSide === 'long';
  // "集中出清" is a word of size: the plan's leverage_flush claim, not the long share alone.
  const flushFired = hasClaim(ctx, 'leverage_flush');
  // An ETF session that closed before the window (a weekend, a US holiday) did not move this day's price.
  const etfFlows = ctx.one('etf_flows', asset);
  const etf = etfFlows && sessionInWindow(ctx, etfFlows.date) ? etfFlows : undefined;
  const change = format.formatPercentAbs(move.changeFraction);
  const level = brk ? format.formatLevel(brk.level, lang) : undefined;
  const date = format.formatDate(ctx.input.findings.date, lang);
  const windowHours = liq ? Math.round((liq.end - liq.start) / 3_600_000) : 24;
  // The figure's scope is part of it: market-wide (全网), the assets added up (合计), or a floor (至少).
  const scopeAssets = liq && liq.scope !== 'market' ? liq.assets : [];
  const zhScope = liq?.scope === 'market' ? '全网' : `${zhList(scopeAssets)} 合约${liq?.scope === 'floor' ? '至少' : '合计'}`;
  const enScope = liq?.scope === 'market' ? '' : `${enList(scopeAssets)} `;
  const enFloor = liq?.scope === 'floor' ? 'at least ' : '';
  const enLiquidated = `${enFloor}${liqTotal ?? ''} of ${enScope}positions liquidated${liq?.scope === 'market' ? ' market-wide' : ''}`;
  // Multi-asset lines list the assets in configured order.
  const planMoves = ctx.plan.assets;

  let title: string;
  if (lang === 'zh') {
    if (day.multiAsset && day.crash) {
      const moves = planMoves.map((a) => `${a.asset} 跌 ${format.formatPercentAbs(a.changeFraction)}`);
      title = `加密市场全线下挫：${zhList(moves)}${liqTotal ? `，${zhScope}爆仓 ${liqTotal}` : ''}`;
    } else if (day.crash) {
      const event = level ? `${asset} ${brk!.closedBeyond ? '' : '一度'}跌破 ${level}` : `${asset} 单日下跌 ${change}`;
      const judgement = flushFired
        ? `${liqTotal ? `${zhScope}爆仓 ${liqTotal}，` : ''}杠杆多头集中出清`
        : liqTotal
          ? `${zhScope}爆仓 ${liqTotal}`
          : `日内回撤 ${format.formatPercentAbs(move.drawdownFraction)}`;
      title = `${event}：${judgement}`;
    } else if (day.rally) {
      const event = level ? `${asset} ${brk!.closedBeyond ? '' : '一度'}突破 ${level}` : `${asset} 单日上涨 ${change}`;
      const judgement =
        shortsSqueezed && etf && etf.netFlowUsd > 0
          ? `${liqTotal ? `${zhScope}爆仓 ${liqTotal}，` : ''}空头回补与 ETF 资金流入共振`
          : shortsSqueezed
            ? `${liqTotal ? `${zhScope}爆仓 ${liqTotal}，` : ''}空头集中回补`
            : etf && etf.netFlowUsd > 0
              ? 'ETF 资金持续流入'
              : `日内涨幅 ${change}`;
      title = `${event}：${judgement}`;
    } else {
      const step = leadStep(ctx);
      const band = format.formatPriceRange(Math.floor(move.low / step) * step, Math.ceil(move.high / step) * step, 'zh');
      title = `${asset} 窄幅震荡于 ${band}：${liqTotal ? `${zhScope}爆仓仅 ${liqTotal}` : `日内振幅 ${format.formatPercentAbs(move.drawdownFraction)}`}`;
    }
  } else {
    const name = assetName(asset, 'en');
    if (day.multiAsset && day.crash) {
      const moves = planMoves.map(
        (a) =>
          `${assetName(a.asset, 'en').toLowerCase() === a.asset.toLowerCase() ? a.asset : assetName(a.asset, 'en').toLowerCase()} down ${format.formatPercentAbs(a.changeFraction)}`,
      );
      title = `Crypto sell-off: ${enList(moves)}${liqTotal ? `; ${enLiquidated}` : ''}`;
    } else if (day.crash) {
      const event = level ? `${name} ${brk!.closedBeyond ? 'slides below' : 'briefly breaks below'} ${level}` : `${name} falls ${change}`;
      title = liqTotal ? `${event}; ${enLiquidated}${longsFlushed ? ', mostly leveraged longs' : ''}` : event;
    } else if (day.rally) {
      const event = level ? `${name} ${brk!.closedBeyond ? 'breaks above' : 'briefly tops'} ${level}` : `${name} rises ${change}`;
      title = shortsSqueezed
        ? `${event} as shorts are squeezed${liqTotal ? `; ${enLiquidated}` : ''}`
        : etf && etf.netFlowUsd > 0
          ? `${event} as ETF inflows continue`
          : event;
    } else {
      const step = leadStep(ctx);
      const band = format.formatPriceRange(Math.floor(move.low / step) * step, Math.ceil(move.high / step) * step, 'en');
      title = `${name} holds a tight ${band} range${liqTotal ? `; liquidations total just ${liqTotal}` : ''}`;
    }
  }

  let description: string;
  if (lang === 'zh') {
    const liqClause = liq ? `，${zhScope} ${format.formatHours(windowHours, 'zh')}清算 ${liqTotal}，其中多头占 ${longShare}` : '';
    description = `${date}，${title.replace('：', '，')}${liqClause && !title.includes(liqTotal ?? '\u0000') ? liqClause : ''}。`;
  } else {
    const verb = day.crash ? `fell ${change}` : day.rally ? `rose ${change}` : `moved ${change}`;
    const liqClause = liq
      ? ` and ${enFloor}${liqTotal} of ${enScope}positions were liquidated in ${format.formatHours(windowHours, 'en')}, ${longShare} of them longs`
      : '';
    description = `On ${date} ${assetName(asset, 'en').replace(/^./, (c) => c.toLowerCase())} ${verb} to ${format.formatPrice(move.close, 'en')}${liqClause}.`;
  }
  return { title, description };
}
