/**
 * loadTemplates keeps the sets it compiled for the last template trees (engine.ts, LOADED): an
 * unchanged tree is compiled once per process. An edit must still be seen at once, and a kept
 * set must never be changed by the preview's in-place update (compileLanguage's `previous`).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLanguage, loadTemplates, readTemplateFiles } from '../../pipeline/narrative/engine.js';
import type { BriefModel } from '../../pipeline/narrative/model.js';

const TEMPLATES = join(import.meta.dirname, '../../templates');

/** A copy of the templates whose en entry is `source`. */
function withEntry(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'templates-memo-'));
  cpSync(TEMPLATES, dir, { recursive: true });
  writeFileSync(join(dir, 'en', 'brief.hbs'), source);
  return dir;
}

// The entry prints one model field; nothing else of the model is read.
const model = { lang: 'en', date: '2024-01-04' } as unknown as BriefModel;

describe('loadTemplates on a tree it has compiled before', () => {
  it('gives the same set for unchanged files, and a new one as soon as a file changes', async () => {
    const dir = withEntry('first {{date}}\n');
    const first = await loadTemplates(dir);
    expect(await loadTemplates(dir)).toBe(first);
    expect(first.en.render(model)).toBe('first 2024-01-04\n');

    writeFileSync(join(dir, 'en', 'brief.hbs'), 'second {{date}}\n');
    const second = await loadTemplates(dir);
    expect(second).not.toBe(first);
    expect(second.en.render(model)).toBe('second 2024-01-04\n');
    // The same files in another folder are another tree (errors name their paths).
    const elsewhere = withEntry('second {{date}}\n');
    expect((await loadTemplates(elsewhere)).dir).toBe(elsewhere);
    expect(await loadTemplates(elsewhere)).not.toBe(second);
  });

  it('a kept set is not changed by a compile that names it as previous', async () => {
    // A partial: the preview's update swaps partials inside the previous compile's environment.
    const dir = withEntry('{{> memo-probe}}\n');
    writeFileSync(join(dir, 'en', 'partials', 'memo-probe.hbs'), 'kept {{date}}\n');
    const kept = await loadTemplates(dir);
    expect(kept.en.render(model)).toBe('kept 2024-01-04\n');
    const files = (await readTemplateFiles(dir, 'en')).map((tf) => (tf.name === 'memo-probe' ? { ...tf, source: 'edited {{date}}' } : tf));
    const edited = compileLanguage('en', files, kept.en);
    expect(edited.render(model)).toBe('edited 2024-01-04\n');
    expect(kept.en.render(model)).toBe('kept 2024-01-04\n');
    expect(await loadTemplates(dir)).toBe(kept);
    expect(readFileSync(join(dir, 'en', 'partials', 'memo-probe.hbs'), 'utf8')).toBe('kept {{date}}\n');
  });
});
