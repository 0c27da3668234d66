/**
 * Coins flowed onto exchanges on net over the day: supply that may yet be sold. One decision for
 * the bears' point and the synthesis, which then does not call the selling done.
 *
 * Not after a reversal (an inflow spike, then net outflows): the day's net inflow came by the
 * spike and coins left afterwards (5 August: 36,870 BTC in on net, then 3,382 BTC out after the
 * 13:00 spike), so "sellers are not done" reads one half of it. The exchange-flow bullet gives
 * both halves.
 */
import type { ComposeContext } from './compose-context.js';

export function exchangeNetInflow(ctx: ComposeContext): boolean {
  const flows = ctx.one('exchange_flows', ctx.primary);
  return flows !== undefined && flows.netCoins > 0 && !flows.reversal;
}
