/**
 * The data note for readers: what the reader misses, said once. Gaps are grouped by what they take
 * from the brief ("ETH 现货 ETF 成交数据、Deribit BTC 期货基差"), never by how the fetch failed: no
 * endpoint, status code or internal message reaches the reader (the full technical list goes to
 * stderr). Only gaps that bear on this brief are named: not a family the body prints from another
 * source, not an asset the brief does not cover, not data that does not exist for the day (an ETF
 * before its launch). When only some symbols of a family are missing (ETF tickers, macro series),
 * the entry names them instead of the whole family, so "one ETF had no data" never reads as "no
 * ETF data". A check that left data out or a substitute provider is kept as its own clause.
 */
import { beforeSpotEtfs } from '../analysis/index.js';
import { familyFindingsOf } from '../analysis/index.js';
import type { FindingOf } from '../analysis/index.js';
import { isProviderId, PROVIDERS } from '../../kernel/providers.js';
import { familyOf } from '../../kernel/snapshot/index.js';
import type { ComposeContext } from './compose-context.js';
import { listOf } from './compose-context.js';
import { md, type Md } from './markdown-escape.js';
import type { BriefGap } from './model.js';
import { checkReason, windowHoursOf } from './gap-checks.js';
import { gapWords } from './gap-words.js';
import { familyName, gapReason, providerName, subjectName } from './names.js';

type DataGap = FindingOf<'data_gap'>;

const SYMBOL = /^[A-Z0-9.^=-]{1,12}$/;

/**
 * The symbol a gap is about, from its snapshot entry's endpoint ("GET /v8/finance/chart/IBIT" →
 * "IBIT"), for per-symbol families; undefined when the gap covers the whole family.
 */
export function gapSymbol(ctx: ComposeContext, g: DataGap): string | undefined {
  // Per-symbol families (the descriptor's `perSymbol`): the symbol is the endpoint's last path segment.
  if (!familyOf(g.family)?.perSymbol) return undefined;
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

/** A venue's own series (its descriptor's `venueSeries`): the reader is told which venue's figure is missing. */
function isVenueSource(source: string): boolean {
  return isProviderId(source) && PROVIDERS[source].venueSeries;
}

/** The assets the brief is about: its primary asset and, on a market-wide day, the others it names. */
function briefAssets(ctx: ComposeContext): Set<string> {
  const assets = new Set([ctx.primary]);
  for (const s of ctx.all('systemic_move')) if (s.systemic) for (const a of s.assets) assets.add(a.asset);
  return assets;
}

/** Whether a plain gap takes anything from this brief's reader. */
function bearsOnBrief(ctx: ComposeContext, g: DataGap, assets: ReadonlySet<string>): boolean {
  if (g.gapKind === 'not-applicable') return false;
  if (g.asset !== undefined && !assets.has(g.asset)) return false;
  // Spot-ETF flows before the asset's first spot-ETF session did not exist: nothing is missing
  // (a failed fetch that day must not read as "not obtained" of something that was never there).
  if (g.family === 'etfFlows' && beforeSpotEtfs(g.asset ?? ctx.primary, ctx.input.findings.date)) return false;
  // A venue's own series: the other venues' figures print, but without this venue's part.
  // (Per-venue families: the descriptor's `perVenue`.)
  if (isVenueSource(g.source) && familyOf(g.family)?.perVenue) return true;
  // Liquidations printed only as a sampled floor: the complete total is what the reader misses.
  if (floorOnly(ctx, g)) return true;
  // The finding that prints the family (analysis' FAMILY_FINDINGS), if one does.
  const kind = familyFindingsOf(g.family)?.printedAs;
  // Printed from another source: the body has the family's figures, the reader misses nothing.
  if (kind && ctx.all(kind).some((f) => g.asset === undefined || !('asset' in f) || f.asset === g.asset)) return false;
  return true;
}

/** A liquidation gap on a day whose liquidation figures are all sampled floors (the plan's scope 'floor'). */
function floorOnly(ctx: ComposeContext, g: DataGap): boolean {
  return g.family === 'liquidations' && ctx.plan.liquidations?.scope === 'floor';
}

/** What the reader misses when the liquidations printed are floors: the market-wide total. */
const MARKET_TOTAL = { zh: '全网清算总额', en: 'the market-wide liquidation total' } as const;

/** The data note: plain gaps as one list of what the reader misses, then checks and substitutes. */
export function composeGaps(ctx: ComposeContext): BriefGap[] {
  const assets = briefAssets(ctx);
  const all = technicalGaps(ctx);
  const plain = all.filter(({ gap, finding }) => !gap.substituted && !gap.checked && bearsOnBrief(ctx, finding, assets));
  const kept = all.filter(({ gap }) => gap.substituted || gap.checked).map(({ gap }) => gap);
  const names: Md[] = [];
  for (const { gap, finding } of plain) {
    // `what` is already Markdown-safe; the venue's name is escaped before it joins.
    const name = (
      floorOnly(ctx, finding)
        ? md(MARKET_TOTAL[ctx.lang])
        : finding.source && isVenueSource(finding.source)
          ? `${md(providerName(finding.source, ctx.lang))} ${gap.what}`
          : gap.what
    ) as Md;
    if (!names.includes(name)) names.push(name);
  }
  if (names.length === 0) return kept;
  const missing: BriefGap = {
    what: listOf(names, ctx.lang),
    // The reader's reason, one for the list; the technical causes stay on stderr.
    why: md(gapWords(ctx.lang).notAvailable),
    notApplicable: false,
    absent: plain.every(({ gap }) => gap.absent),
  };
  return [missing, ...kept];
}

/** Every gap with its technical reason, in a fixed order (family, then source). */
function technicalGaps(ctx: ComposeContext): { gap: BriefGap; finding: DataGap }[] {
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
    return { gap, finding: g };
  });
}
