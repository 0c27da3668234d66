/**
 * The lead's caveat when its own figures are in doubt (issue 16): the lead asset's window has hours
 * without a candle (missing from the source, or left out by a cross-check), so the day's high, low,
 * drawdown — and the close, when the last hour is one of them — are computed without them. The
 * lead says so beside the figures instead of printing them as fact.
 */
import type { FindingOf } from '../analysis/index.js';
import type { ComposeContext } from './compose-context.js';
import { hoursLabel } from './gap-checks.js';
import { gapWords } from './gap-words.js';
import { md, type Md } from './markdown-escape.js';
import { HOUR_MS } from '../../kernel/time.js';

export function leadCaveat(ctx: ComposeContext, move: FindingOf<'price_move'>): Md | undefined {
  const hours = move.missingHours ?? [];
  if (hours.length === 0) return undefined;
  const closeToo = hours.includes(move.end - HOUR_MS);
  const label = hoursLabel(hours, ctx.lang, ctx.tz);
  // Words from gap-words.ts around time labels formatted from the finding: escaped as a whole.
  return md(gapWords(ctx.lang).leadCaveat({ label, count: hours.length, closeToo }));
}
