/**
 * The template helpers: few, small, pure. Templates compile with `knownHelpersOnly`, so these
 * (and Handlebars' built-ins if/unless/each/with) are the only helpers a template can call.
 *
 * - `eq a b`: strict equality, for choosing words by a section id (`{{#if (eq id "leverage")}}`).
 * - `list items`: joins Markdown-safe strings the way the brief's language does:
 *   zh "Binance、OKX 和 Bybit", en "Binance, OKX and Bybit".
 * - `nth index`: the watchlist's ordinal from a 0-based `@index`: zh 其一/其二…, en first/second… (lower case: they follow a colon).
 * - `article figure`: en "a" or "an" as the figure is read aloud ("an 8.1%", "a 1.8%"), from
 *   kernel/locale/en-article.ts; zh has no articles, so it prints nothing there.
 * - `variant slot count`: which of `count` skeletons a sentence uses today, 0-based, from the
 *   root model's `date` (variation.ts): `{{#if (eq (variant "thesis" 3) 1)}}…`.
 *
 * None builds a SafeString or reads anything but its arguments and the root model's `lang` and `date`.
 */
import type { HelperOptions } from 'handlebars';
import { variantOf } from './variation.js';
import { enArticle, formatList } from '../../kernel/locale/index.js';
import { LANGS, type Lang } from '../../kernel/lang.js';

export type HelperLang = Lang;

export function eq(a: unknown, b: unknown): boolean {
  return a === b;
}

/** Running text's list (kernel/locale/list.ts, style `text`). */
export function joinList(items: readonly string[], lang: HelperLang): string {
  return formatList(items, lang, 'text');
}

const ORDINALS = {
  zh: ['其一', '其二', '其三', '其四', '其五', '其六', '其七', '其八', '其九', '其十'],
  en: ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'],
} as const satisfies Record<Lang, readonly string[]>;

/** The word before a figure: en's a/an as the figure is read aloud; zh has no articles. */
const ARTICLES = {
  zh: () => '',
  en: enArticle,
} as const satisfies Record<Lang, (figure: string) => string>;

export function ordinal(index: number, lang: HelperLang): string {
  const table: readonly string[] = ORDINALS[lang];
  const word = table[index];
  if (word === undefined) throw new RangeError(`nth: no ordinal for index ${index}`);
  return word;
}

function langOf(options: HelperOptions): HelperLang {
  const root = (options.data as { root?: { lang?: unknown } } | undefined)?.root;
  // A model without a known language is zh, the brief's first language.
  return LANGS.find((lang) => lang === root?.lang) ?? 'zh';
}

function isOptions(value: unknown): value is HelperOptions {
  return typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;
}

/** The helpers as Handlebars calls them (the last argument is Handlebars' options object). */
export const HELPERS = {
  eq: (a: unknown, b: unknown, options?: unknown): boolean => {
    if (isOptions(b) || !isOptions(options)) throw new Error('eq: expected two arguments');
    return eq(a, b);
  },
  list: (items: unknown, options: unknown): string => {
    if (!isOptions(options)) throw new Error('list: expected one argument');
    if (!Array.isArray(items) || !items.every((i) => typeof i === 'string')) throw new TypeError('list: expected an array of strings');
    return joinList(items as string[], langOf(options));
  },
  nth: (index: unknown, options: unknown): string => {
    if (!isOptions(options)) throw new Error('nth: expected one argument');
    if (typeof index !== 'number' || !Number.isInteger(index)) throw new TypeError('nth: expected an integer such as @index');
    return ordinal(index, langOf(options));
  },
  article: (figure: unknown, options: unknown): string => {
    if (!isOptions(options)) throw new Error('article: expected one argument');
    if (typeof figure !== 'string') throw new TypeError('article: expected the figure it precedes');
    return ARTICLES[langOf(options)](figure);
  },
  variant: (slot: unknown, count: unknown, options: unknown): number => {
    if (!isOptions(options)) throw new Error('variant: expected a slot name and a count');
    if (typeof slot !== 'string' || typeof count !== 'number') throw new TypeError('variant: expected a slot name and a count');
    const date = (options.data as { root?: { date?: unknown } } | undefined)?.root?.date;
    return variantOf(String(date), slot, count);
  },
} as const;

export const HELPER_NAMES: readonly string[] = Object.keys(HELPERS);
