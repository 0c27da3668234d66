/**
 * The day's headline liquidation figure as every part of the brief prints it (headline, lead,
 * bullet, bulls' point): one wording, so the check stage sees one value. A total from sampled
 * streams only is a floor ("至少" / "at least"): it rounds down and carries no 约, since
 * "至少 约 X" contradicts itself and a rounded-up floor would overstate what was recorded.
 */
import * as format from '../../kernel/locale/index.js';
import type { Lang } from '../../kernel/lang.js';
import type { LiquidationHeadline } from '../analysis/index.js';

export function liquidationTotal(h: Pick<LiquidationHeadline, 'scope' | 'totalRangeUsd'>, lang: Lang): string {
  if (h.scope === 'floor') return format.formatUsdFloor(h.totalRangeUsd.low, lang);
  // Market-wide or the assets added up: an aggregate (约 when the sources' range collapses to one figure).
  return format.formatUsdRange(h.totalRangeUsd.low, h.totalRangeUsd.high, lang, 'aggregate');
}
