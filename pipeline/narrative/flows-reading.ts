/**
 * The two flow gauges read together, for the long-form brief: the spot ETFs' net flow in their
 * last US session and the coins' net flow onto or off exchanges over the brief's day. The bullets
 * give each; an editor also wants to know whether they point the same way — money into the funds
 * while coins leave exchanges is one story, money into the funds while coins arrive to be sold is
 * two. The sentence names both windows by their dates (the US session's, the brief's day's), so
 * it never passes one window's flow off as the other's.
 *
 * Each side counts only when the brief reads it as a direction: the ETF flow past its claim
 * (etfFlowReadable), the exchange flow without a reversal (an inflow spike, then net outflows,
 * which the bullet gives in both halves). Printed on a crash or rally day.
 */
import type { ComposeContext } from './compose-context.js';
import type { Day } from './lead.js';
import type { FlowsReading } from './model-reading.js';
import { etfFlowReadable } from './bullets-flows.js';

export function composeFlowsReading(ctx: ComposeContext, day: Day): FlowsReading | undefined {
  if (!(day.crash || day.rally) || day.intradayOnly) return undefined;
  const etf = ctx.one('etf_flows', ctx.primary);
  const exchange = ctx.one('exchange_flows', ctx.primary);
  if (!etf || !etfFlowReadable(ctx, etf)) return undefined;
  if (!exchange || exchange.reversal || exchange.netCoins === 0) return undefined;
  const etfIn = etf.netFlowUsd > 0;
  const exchangeOut = exchange.netCoins < 0;
  return {
    date: ctx.fmt.usSession(etf.date),
    day: ctx.fmt.date(ctx.input.findings.date),
    asset: ctx.ticker(ctx.primary),
    etfIn,
    exchangeOut,
    agree: etfIn === exchangeOut,
  };
}
