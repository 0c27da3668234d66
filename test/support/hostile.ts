/**
 * Hostile strings for bad-input tests (reliability.md B04–B09, R07), and a function that plants
 * them in every free-text field of a snapshot. Shared by the reliability suites.
 */
import type { Snapshot } from '../../kernel/snapshot/index.js';

/** Script and markup injection (B05): each would run or load something if it reached the DOM as HTML. */
export const XSS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<svg/onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'javascript&#x3A;alert(1)',
  '\tjavascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '![p](http://attacker.invalid/x.png)',
  '[click](javascript:alert(1))',
  '<http://attacker.invalid/auto>',
  '<link rel=stylesheet href=http://attacker.invalid/s.css>',
  '<meta http-equiv=refresh content="0;url=http://attacker.invalid/">',
  '<style>@import url(http://attacker.invalid/x.css)</style>',
  '<object data=http://attacker.invalid/o></object>',
] as const;

/** Handlebars syntax in data (B06): must print literally, never be compiled. */
export const TEMPLATE_SYNTAX = [
  '{{constructor}}',
  '{{#with "constructor"}}{{this}}{{/with}}',
  '{{> evil}}',
  '{{{x}}}',
  '{{@partial-block}}',
  '{{lookup this "constructor"}}',
  '${process.exit(1)}',
] as const;

/** Markdown metacharacters (B07): must not open headings, tables, lists, links or code. */
export const MARKDOWN = [
  '# injected heading',
  '## h2',
  '| a | b |\n|---|---|\n| c | d |',
  '---',
  '***',
  '- item',
  '1. item',
  '> quote',
  '*em* **strong** _u_',
  '`code` ``x``',
  '```\nfenced\n```',
  '[link](https://attacker.invalid/)',
  'line\n\n# two',
  'a\\',
  '&lt;b&gt; &amp; &#x27;',
  '~~strike~~',
  '    indented code',
] as const;

/** Bidi, zero-width and look-alike characters (B09). */
export const UNICODE = [
  'abc\u202Etxt.exe',
  'BTC\u200B',
  '\u200D\u200C\uFEFFx',
  '\u2066isolate\u2069',
  '\u200Frtl mark\u200E',
  'ＢＴＣ',
  'ВТС',
  'nul\u0000byte',
  'bell\u0007',
  '\u2028line\u2029sep',
] as const;

export const ALL_HOSTILE: readonly string[] = [...XSS, ...TEMPLATE_SYNTAX, ...MARKDOWN, ...UNICODE];

/** Keys that pollute prototypes when merged naively (B04). */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * 'id' fields name venues, sources and instruments; our source modules set them (they never come
 * from a provider's payload) and charts print them. 'text' fields can carry provider text.
 */
export type FieldKind = 'id' | 'text';

/**
 * A copy of `snapshot` with `pick(i)` written into every free-text field the schema allows any
 * string in (venues, symbols, sources, providers, endpoints, hashes, owners, index and series
 * names, tenors, gap fields, the origin), plus one extra gap per hostile kind. Fields with a
 * format (dates, tickers, enums) keep their values: the schema refuses hostile strings there,
 * which other tests check.
 */
export function plantHostile(snapshot: Snapshot, pick: (i: number, field: FieldKind) => string): Snapshot {
  const s = structuredClone(snapshot);
  let i = 0;
  const next = () => pick(i++, 'text');
  const id = () => pick(i++, 'id');
  const provenance = (p: { provider: string; endpoint: string }) => {
    p.provider = id();
    p.endpoint = next();
  };
  for (const series of [...s.prices, ...s.perpetuals]) {
    series.venue = id();
    series.symbol = id();
    provenance(series.provenance);
  }
  for (const t of s.liquidations.totals) {
    t.source = id();
    provenance(t.provenance);
  }
  for (const h of s.liquidations.history) h.source = id();
  for (const o of s.liquidations.orders) {
    o.source = id();
    for (const order of o.orders) {
      order.venue = id();
      order.symbol = id();
    }
  }
  for (const f of s.funding) {
    f.venue = id();
    f.symbol = id();
  }
  for (const b of s.basis) {
    b.venue = id();
    b.contract = id();
    b.tenor = id();
  }
  for (const oi of s.openInterest) {
    oi.venue = id();
    oi.symbol = id();
  }
  for (const e of s.etfs) e.issuer = next();
  for (const flows of s.etfFlows) {
    flows.source = id();
    for (const day of flows.daily) for (const t of day.perTicker) t.ticker = next();
  }
  for (const w of s.whaleTransfers) {
    w.source = id();
    w.chain = id();
    for (const t of w.transfers) {
      t.hash = next();
      t.from = { owner: next(), ownerType: next(), address: next() };
      t.to = { owner: next(), ownerType: 'exchange', address: next() };
    }
  }
  for (const x of s.exchangeFlows) x.source = id();
  for (const v of s.volatility) {
    v.source = id();
    v.index = id();
  }
  for (const m of s.macro) {
    m.name = next();
    m.symbol = next();
  }
  for (const g of s.gaps) {
    g.source = id();
    g.reason = next().slice(0, 300) || 'x';
    g.endpoint = next();
  }
  s.gaps.push(
    { family: 'macro', source: id(), kind: next(), reason: next().slice(0, 300) || 'x', endpoint: next() },
    { family: 'exchangeFlows', source: id(), kind: 'RateLimitExceeded', reason: next().slice(0, 300) || 'x' },
  );
  s.origin = { kind: 'synthetic', description: next() || 'x', reference: next() };
  return s;
}

/**
 * An editorial notes document (the shape of NotesSchema's input) for `date` whose every free
 * text — names, texts, entities, speakers, source names — is `pick(i)`, one note of each kind
 * per string given, up to the 40 notes a file may hold. Source URLs stay valid http(s) links
 * (the schema refuses others; a test checks that separately) but point at hostile paths.
 */
export function hostileNotes(date: string, strings: readonly string[]): { date: string; notes: unknown[] } {
  const short = (s: string) => s.slice(0, 120).trim() || 'x';
  const text = (s: string) => s.slice(0, 600).trim() || 'x';
  const localized = (s: string, f: (x: string) => string) => ({ zh: f(s), en: f(s) });
  const notes: unknown[] = [];
  strings.forEach((s, i) => {
    const source = { name: short(s), url: `https://example.com/${encodeURIComponent(s)}?q="'><b>` };
    const time = `${date}T${String(i % 24).padStart(2, '0')}:00:00+08:00`;
    const kinds = [
      { kind: 'macro', time, name: localized(s, short), text: localized(s, text), trigger: i === 0, source },
      {
        kind: 'entity_move',
        time,
        entity: localized(s, short),
        action: 'deposit_to_exchange',
        asset: 'BTC',
        amountCoins: 1000 + i,
        counterparty: localized(s, short),
        text: localized(s, text),
        source,
      },
      { kind: 'remark', speaker: localized(s, short), stance: i % 2 ? 'bullish' : 'bearish', text: localized(s, text), source },
      { kind: 'catalyst', date, name: localized(s, short), text: localized(s, text), source },
    ];
    notes.push(kinds[i % kinds.length]);
  });
  return { date, notes: notes.slice(0, 40) };
}
