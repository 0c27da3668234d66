/**
 * Number formatting for chart labels and alt text, per language, without Intl locale data
 * (so the output is the same on every machine). Negative numbers use U+2212 '−', as d3-format
 * (and so the chart axes) does; `-0` never appears. Amounts, prices and percentages a caption
 * states go through the brief's own formatter (kernel/locale/format.ts).
 */
import * as locale from '../../kernel/locale/index.js';
import { formatNumber } from '../../kernel/locale/index.js';
import { labelsFor } from './labels.js';
import type { Lang } from './types.js';

/** `1234567.891, 2` → `1,234,567.89` (the brief's own number formatter: no exponent, no −0). */
export function groupThousands(value: number, decimals: number): string {
  return formatNumber(value, decimals);
}

/** A price in quote units: whole numbers at and above 1,000 (`42,156`), cents below. */
export function formatPrice(price: number): string {
  return groupThousands(price, Math.abs(price) >= 1000 ? 0 : 2);
}

/** A fraction as a percentage: `0.0001, 3` → `0.010%`; `-0.052, 1` → `−5.2%`. */
export function formatPercent(fraction: number, decimals: number): string {
  return locale.formatPercent(fraction, { decimals });
}

/** The unit an axis of US dollars is drawn in, chosen from the largest value. */
export interface UsdUnit {
  /** Divide USD by this to get the axis value. */
  divisor: number;
  /** e.g. 亿美元, 万美元 (zh) or USD bn, USD m (en). */
  label: string;
}

/** The language's units (labels.ts `usdUnits`, largest first): the first the largest value reaches. */
export function usdUnit(maxAbsUsd: number, lang: Lang): UsdUnit {
  const units = labelsFor(lang).usdUnits;
  // The last unit (from −∞) also takes a value no comparison reaches (NaN).
  const unit = units.find((u) => maxAbsUsd >= u.from) ?? units[units.length - 1]!;
  return { divisor: unit.divisor, label: unit.label };
}

/**
 * Captions print amounts as the brief's text does (kernel/locale/format.ts): zh "约 5.77 亿美元"
 * with at most three significant figures and 约 by the one rule of UsdKind (the captions' amounts
 * are sums across venues or funds: aggregates), en "$577 million". A caption and the bullet beside
 * it then print one quantity one way (the check stage compares them).
 */
export function formatUsd(usd: number, lang: Lang, kind: locale.UsdKind): string {
  return locale.formatUsd(usd, lang, kind);
}

/** An amount that is a floor (sampled streams): rounded down, never 约 — as the text prints floors. */
export function formatUsdFloor(usd: number, lang: Lang): string {
  return locale.formatUsdFloor(usd, lang);
}

/** A price in a caption, as the text prints it: zh "42,873.9 美元", en "$42,874". */
export function formatCaptionPrice(price: number, lang: Lang): string {
  return locale.formatPrice(price, lang);
}
