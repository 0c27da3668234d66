/**
 * Coins flowed onto exchanges on net over the day: supply that may yet be sold. One decision for
 * the bears' point and the synthesis, which then does not call the selling done.
 */
import type { ComposeContext } from './compose-context.js';

export function exchangeNetInflow(ctx: ComposeContext): boolean {
  return (ctx.one('exchange_flows', ctx.primary)?.netCoins ?? 0) > 0;
}
