/**
 * Property: for any valid snapshot, analyze → compose → render gives a model that passes the
 * BriefModel schema and Markdown with no "undefined", "NaN", "Infinity", no empty bullet and no
 * doubled punctuation, in both languages.
 *
 * Snapshots are generated from the four cases by dropping whole data families (as a failed
 * source would, with a gap recorded), scaling liquidation totals and the price path's latest
 * hours, and adding editorial notes whose strings come from a Markdown/HTML-heavy dictionary.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../pipeline/analysis/index.js';
import {
  BriefModelSchema,
  composeBrief,
  loadTemplates,
  NotesSchema,
  renderBriefMarkdown,
  type Notes,
  type TemplateSet,
} from '../../pipeline/narrative/index.js';
import { SnapshotSchema, type Snapshot } from '../../kernel/snapshot/index.js';
import { InsufficientDataError } from '../../kernel/errors.js';
import { CASES, CHARTS, loadCase, TEST_CONFIG } from './brief-cases.js';

const FAMILIES = [
  'liquidations',
  'funding',
  'basis',
  'openInterest',
  'etfs',
  'etfFlows',
  'whaleTransfers',
  'exchangeFlows',
  'volatility',
  'perpetuals',
] as const;

const nasty = fc.oneof(
  fc.constantFrom(
    '**x**',
    '# h',
    '[a](javascript:alert(1))',
    '<script>x</script>',
    '&amp;',
    '| a |',
    '`c`',
    '---',
    '1. one',
    'a\nb',
    '。',
    '.',
    ',,',
    'undefined',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
);
const localized = fc
  .record({ zh: nasty, en: nasty })
  .filter((l) => l.zh.trim() !== '' && l.en.trim() !== '' && l.zh.length <= 120 && l.en.length <= 120);
const source = fc.record({
  name: fc.constantFrom('Desk', 'A&B <Research>', 'x_y*z'),
  url: fc.constantFrom('https://example.com/a', 'https://example.com/a_(b)'),
});

function notesArb(date: string): fc.Arbitrary<Notes | undefined> {
  const time = fc.integer({ min: 0, max: 23 }).map((h) => `${date}T${String(h).padStart(2, '0')}:00:00+08:00`);
  const note = fc.oneof(
    fc.record({ kind: fc.constant('macro' as const), time, name: localized, text: localized, trigger: fc.boolean(), source }),
    fc.record({
      kind: fc.constant('entity_move' as const),
      time,
      entity: localized,
      action: fc.constantFrom('deposit_to_exchange', 'withdraw_from_exchange', 'sale', 'purchase', 'transfer'),
      asset: fc.constant('BTC'),
      amountCoins: fc.integer({ min: 1, max: 100_000 }),
      source,
    }),
    fc.record({
      kind: fc.constant('remark' as const),
      speaker: localized,
      stance: fc.constantFrom('bullish', 'bearish', 'neutral'),
      text: localized,
      source,
    }),
    fc.record({ kind: fc.constant('catalyst' as const), date: fc.constant(date), name: localized, source }),
  );
  return fc.option(
    fc.array(note, { maxLength: 4 }).map((notes) => NotesSchema.parse({ date, notes })),
    { nil: undefined },
  );
}

function mutate(base: Snapshot, drop: readonly string[], liqScale: number): Snapshot {
  const s = structuredClone(base) as Snapshot & Record<string, unknown>;
  for (const family of drop) {
    if (family === 'liquidations') s.liquidations = { totals: [], history: [], orders: [] };
    else (s as Record<string, unknown>)[family] = [];
    s.gaps.push({
      family: family as Snapshot['gaps'][number]['family'],
      source: 'generated',
      kind: 'RateLimitExceeded',
      reason: '429 rate limited',
    });
  }
  for (const t of s.liquidations.totals) {
    t.totalUsd *= liqScale;
    t.longUsd *= liqScale;
    t.shortUsd *= liqScale;
  }
  return SnapshotSchema.parse(s);
}

const FORBIDDEN = /undefined|NaN|Infinity|\[object Object\]/;
const EMPTY_BULLET = /^● \*\*[^*]*:\*\*\s*$|^● \*\*:\*\*/m;
const DOUBLED = /([,。;:、!?])\1|[,;:、][。.]|。[,;]|\.\.(?!\.)|,,|;;|\s[,.;](?!\d)/u;

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

describe('briefs for generated snapshots', () => {
  const bases = CASES.map((c) => loadCase(c).snapshot);
  it('never print undefined/NaN/Infinity, empty bullets or doubled punctuation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bases.length - 1 }).chain((i) =>
          fc.record({
            i: fc.constant(i),
            drop: fc.subarray([...FAMILIES]),
            liqScale: fc.double({ min: 0.01, max: 20, noNaN: true }),
            notes: notesArb(bases[i]!.date),
          }),
        ),
        ({ i, drop, liqScale, notes }) => {
          const snapshot = mutate(bases[i]!, drop, liqScale);
          const findings = analyze(snapshot, TEST_CONFIG.thresholds);
          for (const lang of ['zh', 'en'] as const) {
            let model;
            try {
              model = composeBrief({ snapshot, findings, notes, lang, config: TEST_CONFIG, charts: CHARTS });
            } catch (error) {
              if (error instanceof InsufficientDataError) return;
              throw error;
            }
            BriefModelSchema.parse(model);
            const markdown = renderBriefMarkdown(model, templates);
            // Notes text is data: strip what notes contributed before looking for template faults.
            const own = notesFree(markdown, notes);
            expect(own).not.toMatch(FORBIDDEN);
            expect(markdown).not.toMatch(EMPTY_BULLET);
            expect(own).not.toMatch(DOUBLED);
          }
        },
      ),
      { seed: 20240104, numRuns: 150 },
    );
  });
});

/** The Markdown with every escaped note string removed, so data like "undefined" or ",," in a note is not blamed on templates. */
function notesFree(markdown: string, notes: Notes | undefined): string {
  // Links, and code spans (a source note's API endpoint, which is data), are not template words.
  let out = markdown.replace(/\[[^\]]*\]\([^)]*\)/g, 'link').replace(/`[^`\n]*`/g, 'code');
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(notes);
  for (const s of strings.sort((a, b) => b.length - a.length)) {
    const trimmed = s.replace(/[\r\n\t]+/g, ' ').trim();
    const core = trimmed.replace(/[\s。.!?!?;;,,、::]+$/u, '') || trimmed;
    const escaped = core.replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`);
    if (escaped.length < 1) continue;
    out = out.split(escaped).join('N');
  }
  return out;
}
