/**
 * Number formatting for chart labels and alt text, per language, without Intl locale data
 * (so the output is the same on every machine). Negative numbers use U+2212 '−', as d3-format
 * (and so the chart axes) does; `-0` never appears.
 */
import { formatNumber } from '../../kernel/locale/format.js';

const MINUS = '−';
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
  return `${groupThousands(fraction * 100, decimals)}%`;
}

/** The unit an axis of US dollars is drawn in, chosen from the largest value. */
export interface UsdUnit {
  /** Divide USD by this to get the axis value. */
  divisor: number;
  /** e.g. 亿美元, 万美元 (zh) or USD bn, USD m (en). */
  label: string;
}

export function usdUnit(maxAbsUsd: number, lang: Lang): UsdUnit {
  if (lang === 'zh') {
    if (maxAbsUsd >= 1e8) return { divisor: 1e8, label: '亿美元' };
    if (maxAbsUsd >= 1e4) return { divisor: 1e4, label: '万美元' };
    return { divisor: 1, label: '美元' };
  }
  if (maxAbsUsd >= 1e9) return { divisor: 1e9, label: 'USD bn' };
  if (maxAbsUsd >= 1e6) return { divisor: 1e6, label: 'USD m' };
  if (maxAbsUsd >= 1e3) return { divisor: 1e3, label: 'USD k' };
  return { divisor: 1, label: 'USD' };
}

/**
 * A dollar amount in reading style with about three significant figures:
 * zh `5.77 亿美元`, `9,524 万美元`; en `$577M`, `$1.23B`.
 */
export function formatUsd(usd: number, lang: Lang): string {
  const abs = Math.abs(usd);
  const sign = usd < 0 && abs >= 0.5 ? MINUS : '';
  if (lang === 'zh') {
    const unit = usdUnit(abs, lang);
    return `${sign}${threeSignificant(abs / unit.divisor)} ${unit.label}`;
  }
  const steps: Array<[number, string]> = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  const step = steps.find(([divisor]) => abs >= divisor);
  return step ? `${sign}$${threeSignificant(abs / step[0])}${step[1]}` : `${sign}$${groupThousands(abs, 0)}`;
}

/** 123.4 → `123`, 12.34 → `12.3`, 1.234 → `1.23` (whole numbers keep their digits: 9,524). */
function threeSignificant(value: number): string {
  const decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  // Trim trailing zeros so 5.00 reads 5 and 12.0 reads 12.
  return groupThousands(value, decimals).replace(/\.0+$|(\.\d*?)0+$/, '$1');
}
