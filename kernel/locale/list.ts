/**
 * Enumerations, in two styles. `title` (the default), as titles and labels write them: zh
 * "BTC、ETH、SOL" (an enumeration comma throughout, no 和: a title is terse), en "BTC, ETH and
 * SOL" (no serial comma, house style). `text`, as running text writes them: zh "BTC、ETH和SOL"
 * (the brief's spacing pass then sets 和 apart from Latin names), en as in titles.
 * A table rather than Intl.ListFormat: its output follows the ICU data the runtime was built
 * with, and the same list must always give the same bytes.
 */
import type { Lang } from '../lang.js';

export type ListStyle = 'title' | 'text';

const ENUMERATION = {
  zh: { title: { between: '、', last: '、' }, text: { between: '、', last: '和' } },
  en: { title: { between: ', ', last: ' and ' }, text: { between: ', ', last: ' and ' } },
} as const satisfies Record<Lang, Record<ListStyle, { between: string; last: string }>>;

export function formatList(items: readonly string[], lang: Lang, style: ListStyle = 'title'): string {
  if (items.length <= 1) return items[0] ?? '';
  const { between, last } = ENUMERATION[lang][style];
  return `${items.slice(0, -1).join(between)}${last}${items[items.length - 1]}`;
}
