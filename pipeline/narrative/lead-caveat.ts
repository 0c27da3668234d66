/**
 * The lead's caveat when its own figures are in doubt (issue 16): the lead asset's window has hours
 * without a candle (missing from the source, or left out by a cross-check), so the day's high, low,
 * drawdown — and the close, when the last hour is one of them — are computed without them. The
 * lead says so beside the figures instead of printing them as fact.
 */
import type { FindingOf } from '../analysis/index.js';
import type { ComposeContext } from './compose-context.js';
import { hoursLabel } from './gap-checks.js';
import { md, type Md } from './markdown-escape.js';
import { HOUR_MS } from '../../kernel/time.js';

export function leadCaveat(ctx: ComposeContext, move: FindingOf<'price_move'>): Md | undefined {
  const hours = move.missingHours ?? [];
  if (hours.length === 0) return undefined;
  const zh = ctx.lang === 'zh';
  const closeToo = hours.includes(move.end - HOUR_MS);
  const label = hoursLabel(hours, ctx.lang, ctx.tz);
  // Text written here around time labels formatted from the finding: escaped as a whole.
  if (zh) return md(`其中 ${label} 的小时数据缺失或未通过校验，当日高低点与回撤${closeToo ? '及收盘价' : ''}未计入这些时段，可能不完整`);
  return md(
    `Hourly data for ${label} is missing or failed a check, so the day's high, low and high-to-low slide${closeToo ? ' and the close' : ''} leave ${hours.length === 1 ? 'that hour' : 'those hours'} out and may be incomplete`,
  );
}
