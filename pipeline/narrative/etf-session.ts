/**
 * Whether a US ETF session is news of this brief's window: its 16:00 New York close falls inside
 * the window. A Sunday brief in UTC+8 holds Friday's session, which closed 28 hours before the
 * window opened: its flow is reported with its date, never offered as what moved the price.
 */
import { usCloseInstant } from '../analysis/index.js';
import type { ComposeContext } from './compose-context.js';

export function sessionInWindow(ctx: ComposeContext, date: string): boolean {
  const { start, end } = ctx.input.snapshot.window;
  const close = usCloseInstant(date);
  return close >= start && close <= end;
}
