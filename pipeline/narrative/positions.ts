/**
 * Whether the lead asset's positions (open interest in coins held) shrank or grew beyond
 * openInterest.flatFractionMax: a rise in funding or basis with fewer coins held is dearer
 * leverage, not more of it, and a day that added coins is no deleveraging, whatever the dollars did.
 */
import type { ComposeContext } from './compose-context.js';

export function positionsMoved(ctx: Pick<ComposeContext, 'one' | 'primary' | 'input'>): { shrank: boolean; grew: boolean } {
  const oi = ctx.one('open_interest_change', ctx.primary);
  const flat = ctx.input.config.thresholds.openInterest.flatFractionMax;
  if (!oi || oi.measure !== 'coins') return { shrank: false, grew: false };
  return { shrank: oi.changeFraction <= -flat, grew: oi.changeFraction >= flat };
}
