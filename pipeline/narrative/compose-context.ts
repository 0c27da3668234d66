/**
 * What every compose step shares: the language, the brief's timezone, the findings looked up by
 * kind and asset, the formatters bound to the language, each returning Markdown-safe text, and
 * the registry of source footnotes.
 */
import * as format from '../../kernel/locale/index.js';
import type { Lang } from '../../kernel/locale/index.js';
import type { Claim, DayPlan, Finding, FindingKind, FindingOf, Findings } from '../analysis/index.js';
import { dayPlanSignal } from '../analysis/index.js';
import type { Config } from '../../kernel/config.js';
import { InputError, InsufficientDataError } from '../../kernel/errors.js';
import type { Snapshot } from '../../kernel/snapshot/index.js';
import { Citations, type CiteFrom } from './citations.js';
import { md, mdUrl, type Md } from './markdown-escape.js';
import { readerDay, usSession } from './dateline.js';
import type { SourceLink } from './model.js';
import { assetName, providerName, publisherName } from './names.js';
import type { Notes, NoteSource } from './notes.js';
import { noLeadReason } from './no-lead.js';

export interface ChartRef {
  id: string;
  title: string;
  alt: string;
}

export interface ComposeInput {
  snapshot: Snapshot;
  findings: Findings;
  notes?: Notes;
  lang: Lang;
  config: Config;
  charts: ChartRef[];
}

/** Formatters bound to a language, returning Markdown-safe strings. */
export interface Fmt {
  /** A single reported figure (one venue, fund, stream or transfer): 约 only when rounding dropped digits. */
  usd(value: number): Md;
  /** A sum across venues, funds, assets or providers, or its baseline: always 约 in zh (kernel/locale/format.ts UsdKind). */
  usdAggregate(value: number): Md;
  /** A lower bound: rounded down, never 约. */
  usdFloor(value: number): Md;
  usdRange(low: number, high: number): Md;
  price(value: number, quote?: 'USD' | 'USDT'): Md;
  level(value: number): Md;
  priceRange(low: number, high: number, quote?: 'USD' | 'USDT'): Md;
  pct(fraction: number, decimals?: number): Md;
  pctAbs(fraction: number, decimals?: number): Md;
  pctRange(low: number, high: number, decimals?: number): Md;
  rate(fraction: number): Md;
  multiple(value: number): Md;
  coins(amount: number, asset: string): Md;
  count(value: number): Md;
  vol(value: number): Md;
  date(iso: string): Md;
  month(iso: string): Md;
  weekday(iso: string): Md;
  /** A US session's date: en "Wednesday's US session" relative to the dateline, zh the date (see dateline.ts). */
  usSession(iso: string): Md;
  time(ms: number): Md;
  dateTime(ms: number): Md;
  /**
   * An instant of the brief's own day by its time alone, as the lead's low and the bullets' peaks
   * are ("11:20"); another day's with its date ("11:20 on 4 August").
   */
  dayTime(ms: number): Md;
  /** Date of an instant in the brief's zone. */
  dateOf(ms: number): Md;
  hours(hours: number): Md;
  days(days: number): Md;
}

export interface ComposeContext {
  lang: Lang;
  tz: string;
  input: ComposeInput;
  findings: readonly Finding[];
  fmt: Fmt;
  /** The asset the brief leads with (the plan's lead asset). */
  primary: string;
  /** The day's decisions (analysis' day_plan finding); narrative reads them and decides nothing. */
  plan: DayPlan;
  /** All findings of a kind (optionally for one asset), in importance order. */
  all<K extends FindingKind>(kind: K, asset?: string): FindingOf<K>[];
  one<K extends FindingKind>(kind: K, asset?: string): FindingOf<K> | undefined;
  /** Provider ids → a joined, escaped list of display names. */
  sources(ids: readonly string[]): Md;
  name(asset: string): Md;
  ticker(asset: string): Md;
  link(source: NoteSource): SourceLink;
  /** Text of a note in the brief's language, without trailing punctuation (templates punctuate). */
  text(localized: { zh: string; en: string }): Md;
  /** Note text to embed mid-sentence: trailing sentence punctuation removed (templates add their own). */
  clause(localized: { zh: string; en: string }): Md;
  /** The brief's source footnotes (see citations.ts). */
  citations: Citations;
  /** Registers `target` as printing figures from these findings (or snapshot paths); returns it. */
  cite<T extends object>(target: T & { cite?: Md }, ...from: CiteFrom[]): T;
}

/** `day`: the brief's date (YYYY-MM-DD in its zone), for `dayTime`. */
function bindFormatters(lang: Lang, tz: string, readerIso: string, day: string): Fmt {
  return {
    usd: (v) => md(format.formatUsd(v, lang)),
    usdAggregate: (v) => md(format.formatUsd(v, lang, 'aggregate')),
    usdFloor: (v) => md(format.formatUsdFloor(v, lang)),
    usdRange: (lo, hi) => md(format.formatUsdRange(lo, hi, lang)),
    price: (v, quote) => md(format.formatPrice(v, lang, quote)),
    level: (v) => md(format.formatLevel(v, lang)),
    priceRange: (lo, hi, quote) => md(format.formatPriceRange(lo, hi, lang, quote)),
    pct: (f, decimals) => md(format.formatPercent(f, { decimals })),
    pctAbs: (f, decimals) => md(format.formatPercentAbs(f, decimals)),
    pctRange: (lo, hi, decimals) => md(format.formatPercentRange(lo, hi, lang, decimals)),
    rate: (f) => md(format.formatRate(f)),
    multiple: (v) => md(format.formatMultiple(v, lang)),
    coins: (a, asset) => md(format.formatCoins(a, asset, lang)),
    count: (v) => md(format.formatCount(v)),
    vol: (v) => md(format.formatVolPoints(v)),
    date: (iso) => md(format.formatDate(iso, lang)),
    month: (iso) => md(format.formatMonth(iso, lang)),
    weekday: (iso) => md(format.formatWeekday(iso, lang)),
    usSession: (iso) => md(usSession(iso, readerIso, lang)),
    time: (ms) => md(format.formatTime(ms, tz)),
    dateTime: (ms) => md(format.formatDateTime(ms, tz, lang)),
    dayTime: (ms) => md(format.zonedDate(ms, tz) === day ? format.formatTime(ms, tz) : format.formatDateTime(ms, tz, lang)),
    dateOf: (ms) => md(format.formatDate(format.zonedDate(ms, tz), lang)),
    hours: (h) => md(format.formatHours(h, lang)),
    days: (d) => md(format.formatDays(d, lang)),
  };
}

/** Joins names the way the language lists them: "Binance、OKX 和 Bybit" / "Binance, OKX and Bybit". */
export function listOf(items: readonly Md[], lang: Lang): Md {
  // kernel/locale/list.ts's running-text style; its separators hold no markup, so the join stays Markdown-safe.
  return format.formatList(items, lang, 'text') as Md;
}

/** Note text without its closing punctuation (templates punctuate); all-punctuation text stays as is. */
function withoutFinalPunctuation(text: string): string {
  const trimmed = text.trim();
  return trimmed.replace(/[\s。.!?!?;;,,、::]+$/u, '') || trimmed;
}

export function createContext(input: ComposeInput): ComposeContext {
  const { lang } = input;
  const tz = input.findings.timezone || input.snapshot.timezone;
  const findings = input.findings.findings;
  const assetOf = (f: Finding): string | undefined => ('asset' in f && typeof f.asset === 'string' ? f.asset : undefined);
  const all = <K extends FindingKind>(kind: K, asset?: string): FindingOf<K>[] =>
    findings.filter((f): f is FindingOf<K> => f.kind === kind && (asset === undefined || assetOf(f) === asset));
  // Findings analysed before the plan existed get one made now, by the same analysis code.
  const plan =
    all('day_plan')[0] ??
    dayPlanSignal(input.snapshot, input.config.thresholds, {
      window: { start: input.findings.start, end: input.findings.end },
      earlier: findings,
    }).find((f): f is DayPlan => f.kind === 'day_plan');
  if (!plan)
    throw new InsufficientDataError(
      noLeadReason(input.snapshot, input.config.thresholds, tz) ?? 'no price move in the findings: the brief has nothing to lead with',
    );
  const primary = plan.leadAsset;
  const citations = new Citations(input.snapshot, lang, tz);
  return {
    lang,
    tz,
    input,
    findings,
    fmt: bindFormatters(lang, tz, readerDay(input.config.enDateline, tz, input.snapshot.window.end), input.findings.date),
    primary,
    plan,
    all,
    one: (kind, asset) => all(kind, asset)[0],
    sources: (ids) => listOf([...new Set(ids.map((id) => providerName(id, lang)))].sort().map(md), lang),
    name: (asset) => md(assetName(asset, lang)),
    ticker: (asset) => md(asset),
    link: (source) => {
      const url = mdUrl(source.url);
      if (!url) throw new InputError('notes', `source "${source.name}": ${JSON.stringify(source.url)} is not a plain http(s) link`);
      return { name: md(publisherName(source.url, lang, source.name)), url };
    },
    text: (localized) => md(withoutFinalPunctuation(localized[lang])),
    clause: (localized) => md(withoutFinalPunctuation(localized[lang])),
    citations,
    cite: (target, ...from) => citations.add(target, ...from),
  };
}

/** Whether analysis licensed a magnitude word: the claim's threshold fired on its own measure. */
export function hasClaim(ctx: Pick<ComposeContext, 'plan'>, id: Claim['id'], asset?: string): boolean {
  return ctx.plan.claims.some((c) => c.id === id && c.asset === asset);
}
