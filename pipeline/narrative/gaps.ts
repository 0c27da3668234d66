/**
 * The data-gap list: what could not be measured, said exactly. One entry per family, source, asset
 * and cause; when only some symbols of a family are missing (ETF tickers, macro series), the entry
 * names them instead of the whole family, so "one ETF had no data" never reads as "no ETF data".
 */
import type { FindingOf } from '../analysis/findings.js';
import type { ComposeContext } from './compose-context.js';
import { listOf } from './compose-context.js';
import { md, type Md } from './markdown-escape.js';
import type { BriefGap } from './model.js';
import { checkReason, windowHoursOf } from './gap-checks.js';
import { familyName, gapReason, providerName, subjectName } from './names.js';

type DataGap = FindingOf<'data_gap'>;

/** Families whose series are one per symbol, with the symbol as the endpoint's last path segment. */
const PER_SYMBOL = new Set(['etfs', 'macro']);
const SYMBOL = /^[A-Z0-9.^=-]{1,12}$/;

/**
 * The symbol a gap is about, from its snapshot entry's endpoint ("GET /v8/finance/chart/IBIT" →
 * "IBIT"), for per-symbol families; undefined when the gap covers the whole family.
 */
export function gapSymbol(ctx: ComposeContext, g: DataGap): string | undefined {
  if (!PER_SYMBOL.has(g.family)) return undefined;
  const index = g.paths.map((p) => /^gaps\[(\d+)\]$/.exec(p)?.[1]).find((i) => i !== undefined);
  const endpoint = index === undefined ? undefined : ctx.input.snapshot.gaps[Number(index)]?.endpoint;
  if (!endpoint) return undefined;
  const path = endpoint.replace(/^[A-Z]+\s+/, '').split(/[?#]/)[0]!;
  let last: string;
  try {
    last = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return undefined;
  }
  return SYMBOL.test(last) ? last : undefined;
}

interface Group {
  first: DataGap;
  why: string;
  /** Symbols in order of first appearance; undefined once a member covers the whole family. */
  symbols: string[] | undefined;
}

/** What could not be measured, in a fixed order (family, then source). */
export function composeGaps(ctx: ComposeContext): BriefGap[] {
  const { lang } = ctx;
  const sorted = [...ctx.all('data_gap')].sort((a, b) =>
    a.family < b.family ? -1 : a.family > b.family ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0,
  );
  const groups = new Map<string, Group>();
  for (const g of sorted) {
    const why = g.check ? checkReason(g.check, g.source, lang, ctx.tz, windowHoursOf(ctx.input.snapshot.window)) : gapReason(g, lang);
    const key = [g.family, g.source, g.asset ?? '', g.gapKind === 'not-applicable', why].join('|');
    const symbol = gapSymbol(ctx, g);
    const group = groups.get(key);
    if (!group) groups.set(key, { first: g, why, symbols: symbol ? [symbol] : undefined });
    else if (!symbol) group.symbols = undefined;
    else if (group.symbols && !group.symbols.includes(symbol)) group.symbols.push(symbol);
  }
  return [...groups.values()].map(({ first: g, why, symbols }) => {
    const family = familyName(g.family, lang);
    const named = symbols && subjectName(g.family, listOf(symbols.map(md), lang), lang);
    const gap: BriefGap = {
      // `named` joins escaped symbols with words written here, so it stays Markdown-safe.
      what: named ? (named as Md) : md(g.asset ? `${g.asset} ${family}` : family),
      why: md(why),
      notApplicable: g.gapKind === 'not-applicable',
      absent: g.gapKind === 'absent' || g.gapKind === 'missing',
    };
    if (g.check?.name === 'spot-fallback') gap.substituted = true;
    else if (g.check) gap.checked = true;
    if (g.source && g.source !== 'snapshot') gap.source = md(providerName(g.source, lang));
    return gap;
  });
}
