/**
 * Short enumerations as titles and labels write them: zh "BTC、ETH、SOL" (an enumeration comma
 * throughout, no 和: a title is terse), en "BTC, ETH and SOL" (no serial comma, house style).
 * A table rather than Intl.ListFormat: its output follows the ICU data the runtime was built
 * with, and the same list must always give the same bytes.
 */
import type { Lang } from '../lang.js';

const ENUMERATION = {
  zh: { between: '、', last: '、' },
  en: { between: ', ', last: ' and ' },
} as const satisfies Record<Lang, { between: string; last: string }>;

export function formatList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const { between, last } = ENUMERATION[lang];
  return `${items.slice(0, -1).join(between)}${last}${items[items.length - 1]}`;
}
