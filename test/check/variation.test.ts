/**
 * Sentence skeletons vary by date: byte-identical for one date, different on the next day, and
 * consecutive days of the corpus share no lead, thesis or synthesis sentence.
 */
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../pipeline/narrative/index.js';
import { variantOf } from '../../pipeline/narrative/variation.js';
import { CASES, loadCase, render } from '../narrative/brief-cases.js';

describe('variantOf', () => {
  it('is fixed for a date and turns over every day', () => {
    expect(variantOf('2024-01-04', 'thesis', 3)).toBe(variantOf('2024-01-04', 'thesis', 3));
    const days = ['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02'];
    for (let i = 1; i < days.length; i++) {
      for (const slot of ['lead', 'thesis', 'synthesis', 'split']) {
        expect(variantOf(days[i]!, slot, 3)).not.toBe(variantOf(days[i - 1]!, slot, 3));
      }
    }
    // 2024-01-04 is day 19,726 since 1970-01-01: 19,726 mod 3 = 1 before the slot's offset.
    expect(variantOf('2024-01-04', '', 3)).toBe(1);
    expect(() => variantOf('4 Jan', 'x', 3)).toThrow(/YYYY-MM-DD/);
  });
});

/** The lead paragraph, the synthesis (总体来看 / bottom line …) and the positioning opener, as sentences. */
function keySentences(markdown: string): string[] {
  const paragraphs = markdown.split('\n\n');
  const lead = paragraphs[1] ?? '';
  const keyed = paragraphs.filter((p) => /^(总体来看|综合来看|归结起来|The bottom line|Taken together|In short|围绕本轮)/.test(p));
  return [lead, ...keyed]
    .flatMap((p) => p.replace(/\[\^\d+\]/g, '').split(/(?<=[。；])|(?<=\.)\s/))
    .map((s) => s.trim())
    .filter((s) => s.length > 12);
}

describe('consecutive scenario days', () => {
  it('share no lead, thesis or synthesis sentence', async () => {
    const templates = await loadTemplates();
    // Each day loaded (parsed and analyzed) once, in date order.
    const days = CASES.map((c) => ({ name: c.name, loaded: loadCase(c) })).sort((a, b) =>
      a.loaded.snapshot.date < b.loaded.snapshot.date ? -1 : 1,
    );
    for (const lang of ['zh', 'en'] as const) {
      const sentences = days.map((d) => new Set(keySentences(render(d.loaded, lang, templates).markdown)));
      for (let i = 1; i < sentences.length; i++) {
        // Two cases of one date (a variant of the same day's data) are the same day, not consecutive days.
        if (days[i]!.loaded.snapshot.date === days[i - 1]!.loaded.snapshot.date) continue;
        const shared = [...sentences[i]!].filter((s) => sentences[i - 1]!.has(s));
        expect(shared, `${days[i - 1]!.name} → ${days[i]!.name} (${lang})`).toEqual([]);
      }
    }
  });
});
