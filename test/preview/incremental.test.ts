/**
 * The preview's fast path: a template edit recompiles only the changed files (compileLanguage's
 * `previous`) and renders only the language it belongs to, with the same output a fresh
 * compile and render give.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BriefModel } from '../../pipeline/narrative/model.js';
import { compileLanguage, type TemplateFile } from '../../pipeline/narrative/engine.js';
import { paneRenderer } from '../../pipeline/preview/render-langs.js';
import { BUNDLED_SNAPSHOT, TEMPLATES } from '../support/render-bundled.js';

const model = { lang: 'en', title: 'Day', note: 'quiet' } as unknown as BriefModel;
const files = (entry: string, partials: Record<string, string>): TemplateFile[] => [
  { file: '/t/en/brief.hbs', name: 'brief', source: entry },
  ...Object.entries(partials).map(([name, source]) => ({ file: `/t/en/partials/${name}.hbs`, name, source })),
];

describe('compileLanguage with a previous compile', () => {
  it('swaps the changed partial and renders as a fresh compile does', () => {
    const first = compileLanguage('en', files('# {{title}}\n\n{{> a}} {{> b}}\n', { a: 'A is {{note}}.', b: 'B.' }));
    expect(first.render(model)).toBe('# Day\n\nA is quiet. B.\n');
    const edited = files('# {{title}}\n\n{{> a}} {{> b}}\n', { a: 'A was {{note}}.', b: 'B.' });
    const second = compileLanguage('en', edited, first);
    expect(second.render(model)).toBe('# Day\n\nA was quiet. B.\n');
    expect(second.render(model)).toBe(compileLanguage('en', edited).render(model));
    // A new entry and a removed partial.
    const third = compileLanguage('en', files('{{> b}} {{title}}\n', { b: 'B!' }), second);
    expect(third.render(model)).toBe('B! Day\n');
    const fourth = compileLanguage('en', files('{{> a}}\n', {}), third);
    expect(() => fourth.render(model)).toThrow(/could not be found/);
  });

  it('a failed compile leaves the previous one as it was, and the next edit still updates it', () => {
    const first = compileLanguage('en', files('{{> a}} {{> b}}\n', { a: 'one', b: 'two' }));
    expect(() => compileLanguage('en', files('{{> a}} {{> b}}\n', { a: 'uno', b: '{{#if}}' }), first)).toThrow(/b\.hbs/);
    expect(first.render(model)).toBe('one two\n');
    const fixed = compileLanguage('en', files('{{> a}} {{> b}}\n', { a: 'uno', b: 'dos' }), first);
    expect(fixed.render(model)).toBe('uno dos\n');
  });
});

describe('paneRenderer', () => {
  const root = mkdtempSync(join(tmpdir(), 'brief-incremental-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('an edit of one language renders that language only, like a fresh renderer', async () => {
    const templates = join(root, 'templates');
    cpSync(TEMPLATES, templates, { recursive: true });
    const render = paneRenderer({ snapshotFile: BUNDLED_SNAPSHOT, templatesDir: templates });
    const before = await render();
    const footer = join(templates, 'zh/partials/footer.hbs');
    writeFileSync(footer, `${readFileSync(footer, 'utf8')}\n预览标记。\n`);
    const after = await render();
    // The en pane is the very same object: not rendered again.
    expect(after.en).toBe(before.en);
    expect(after.zh).not.toBe(before.zh);
    expect(after.zh.ok && after.zh.html).toContain('预览标记。');
    const fresh = await paneRenderer({ snapshotFile: BUNDLED_SNAPSHOT, templatesDir: templates })();
    expect(after.zh).toEqual(fresh.zh);
    expect(after.en).toEqual(fresh.en);
  }, 60_000);
});
