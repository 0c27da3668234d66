/**
 * Whether the lead asset's positions (open interest in coins held) shrank or grew beyond
 * openInterest.flatFractionMax (the finding's `flat`): a rise in funding or basis with fewer coins
 * held is dearer leverage, not more of it, and a day that added coins is no deleveraging,
 * whatever the dollars did.
 */
import type { ComposeContext } from './compose-context.js';

export function positionsMoved(ctx: Pick<ComposeContext, 'one' | 'primary'>): { shrank: boolean; grew: boolean } {
  const oi = ctx.one('open_interest_change', ctx.primary);
  if (!oi || oi.measure !== 'coins' || oi.flat) return { shrank: false, grew: false };
  return { shrank: oi.changeFraction < 0, grew: oi.changeFraction > 0 };
}
