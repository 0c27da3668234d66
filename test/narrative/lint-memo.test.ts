/**
 * lintLanguage keeps the issues of the last languages it linted (lint.ts, LINTED): an unchanged
 * language is linted once per process. What it returns must be what a fresh lint returns, for
 * the same files and for every edit of them, and a caller's changes to it must not be kept.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplateFiles, type TemplateFile } from '../../pipeline/narrative/engine.js';
import { lintLanguage } from '../../pipeline/narrative/index.js';

const TEMPLATES = join(import.meta.dirname, '../../templates');

const withSource = (files: readonly TemplateFile[], name: string, source: string): TemplateFile[] =>
  files.map((tf) => (tf.name === name ? { ...tf, source } : tf));

describe('lintLanguage on files it has linted before', () => {
  it('gives the same issues again, and a changed text, entry or path is linted anew', async () => {
    const files = await readTemplateFiles(TEMPLATES, 'en');
    const first = lintLanguage(files);
    expect(lintLanguage(files)).toEqual(first);
    // Equal files read again (new objects, same path, name and text) are the same key.
    expect(lintLanguage(files.map((tf) => ({ ...tf })))).toEqual(first);

    // A field the model does not have, appended to the entry: reported on that file's last line.
    const entry = files.find((tf) => tf.name === 'brief')!;
    const edited = withSource(files, 'brief', `${entry.source}\n{{headlin.title}}\n`);
    const line = `${entry.source}\n{{headlin.title}}\n`.split('\n').length - 1;
    const found = lintLanguage(edited);
    expect(found).toHaveLength(first.length + 1);
    expect(found).toEqual(expect.arrayContaining(first));
    expect(found).toContainEqual({ file: entry.file, line, message: expect.stringContaining('the brief model has no field "headlin"') });
    // The same edit at another path names that path.
    const moved = edited.map((tf) => (tf.name === 'brief' ? { ...tf, file: `${tf.file}.moved` } : tf));
    expect(lintLanguage(moved).map((i) => i.file)).toContain(`${entry.file}.moved`);
    // Undoing the edit gives the first issues back.
    expect(lintLanguage(files)).toEqual(first);
  });

  it('returns copies: a caller that changes its issues does not change the next answer', async () => {
    const files = withSource(await readTemplateFiles(TEMPLATES, 'zh'), 'brief', '{{nope}}\n');
    const issues = lintLanguage(files);
    expect(issues.length).toBeGreaterThan(0);
    const before = structuredClone(issues);
    issues[0]!.message = 'changed';
    issues.length = 0;
    expect(lintLanguage(files)).toEqual(before);
  });
});
