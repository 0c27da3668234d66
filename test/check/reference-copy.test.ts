/**
 * No sentence of the reference article is copied: no run of 20 or more characters of
 * the reference article (test/fixtures/reference/*.txt, a copy of shared/reference; the shared
 * folder beside the checkout is read too when it is there)
 * appears in any brief of the corpus. Punctuation width is ignored, so a copy cannot hide behind
 * a full-width comma.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, loadCase, render, ROOT } from '../narrative/brief-cases.js';

const RUN = 20;
const DIRS = [join(ROOT, 'test/fixtures/reference'), join(ROOT, '..', 'shared', 'reference')];

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\[\^\d+\]/g, '')
    .replace(/\s+/g, '');
}

function referenceTexts(): string[] {
  return DIRS.filter(existsSync).flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => normalize(readFileSync(join(dir, f), 'utf8'))),
  );
}

/** The first run of `RUN` characters of `text` that occurs in `reference`, if any. */
export function copiedRun(text: string, reference: string): string | undefined {
  const t = normalize(text);
  const runs = new Set<string>();
  for (let i = 0; i + RUN <= reference.length; i++) runs.add(reference.slice(i, i + RUN));
  for (let i = 0; i + RUN <= t.length; i++) if (runs.has(t.slice(i, i + RUN))) return t.slice(i, i + RUN);
  return undefined;
}

const references = referenceTexts();
let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

describe('no copy of the reference article', () => {
  it('finds a planted copy', () => {
    expect(references.length).toBeGreaterThan(0); // the fixture copy is always there
    const planted = references[0]!.slice(200, 240);
    expect(copiedRun(`前文${planted}后文`, references[0]!)).toBe(planted.slice(0, RUN));
  });

  it.each(CASES.flatMap((c) => (['zh', 'en'] as const).map((lang) => ({ c, lang }))))(
    '$c.name $lang copies no 20-character run',
    ({ c, lang }) => {
      const { markdown } = render(loadCase(c), lang, templates);
      for (const reference of references) expect(copiedRun(markdown, reference)).toBeUndefined();
    },
  );
});
