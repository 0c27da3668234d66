/**
 * B11–B12: an analyst's template with an error or a forbidden construct, through `brief lint`
 * and `brief render`: both exit 2 and name the template file and line; render writes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BUNDLED, brief, copyTemplates, listTree, REPO_FILE, tempDir, type BadInputCase } from './harness.js';

let copy: { dir: string; original: string } | undefined;

/**
 * Appends `lines` to en/brief.hbs in a copy of the templates; returns the folder, the file and
 * the first new line's number. One copy serves every case (the entry is written afresh from the
 * original each time), so the untouched zh templates keep their path and text and their lint
 * is not repeated.
 */
function withLines(lines: string): { dir: string; file: string; line: number } {
  copy ??= (() => {
    const dir = copyTemplates();
    return { dir, original: readFileSync(join(dir, 'en', 'brief.hbs'), 'utf8') };
  })();
  const { dir, original: before } = copy;
  const file = join(dir, 'en', 'brief.hbs');
  writeFileSync(file, `${before}${before.endsWith('\n') ? '' : '\n'}${lines}`);
  return { dir, file, line: before.split('\n').length + (before.endsWith('\n') ? 0 : 1) };
}

/** `at` moves the expected line down from the first new one (a parser reports an unclosed block at the end). */
async function refusedBoth(lines: string, message: RegExp, at = 0): Promise<void> {
  const { dir, file, line: first } = withLines(lines);
  const line = first + at;
  const lint = await brief(['lint', '--templates', dir]);
  expect(lint.code, lint.stderr).toBe(2);
  expect(lint.stderr).toMatch(new RegExp(`^${escape(file)}:${line}: ${message.source}`, 'm'));
  const out = tempDir();
  const render = await brief(['render', '--snapshot', BUNDLED, '--templates', dir, '--format', 'md,html', '--out', out]);
  expect(render.code, render.stderr).toBe(2);
  expect(render.stderr).toMatch(new RegExp(`${escape(file)}:? ?(line )?${line}:? `));
  expect(render.stderr).toMatch(message);
  expect(listTree(out)).toEqual([]);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const TEMPLATE_CASES: BadInputCase[] = [
  {
    id: 'B11',
    title: 'an unknown helper: lint and render exit 2 with file and line',
    run: () => refusedBoth('{{shout headline}}\n', /.*unknown helper shout/),
  },
  {
    id: 'B11',
    title: 'a field the model does not have, and a typo in a path: exit 2 with file, line and field',
    run: async () => {
      await refusedBoth('{{headline.nope}}\n', /headline\.nope: headline is text and has no field "nope"/);
      await refusedBoth('{{headlin.title}}\n', /headlin\.title: the brief model has no field "headlin"/);
    },
  },
  {
    id: 'B11',
    title: 'an unclosed block: exit 2 with file and line',
    run: () => refusedBoth('{{#if headline}}\nopen\n', /Parse error/, 2),
  },
  {
    id: 'B12',
    title: 'triple-stash, {{& }}, lookup, log, dynamic and block partials, @partial-block, inline partials: each refused with its line',
    run: async () => {
      const forbidden: Array<[string, RegExp]> = [
        ['{{{headline}}}', /triple-stash/],
        ['{{& headline}}', /triple-stash/],
        ['{{lookup this "constructor"}}', /the lookup helper is not allowed/],
        ['{{log headline}}', /the log helper is not allowed/],
        ['{{> (concat "foot" "er")}}', /dynamic partials/],
        ['{{#> footer}}x{{/footer}}', /partial blocks/],
        ['{{@partial-block}}', /@partial-block is not allowed/],
        ['{{#*inline "x"}}y{{/inline}}', /inline partials and decorators/],
      ];
      for (const [construct, message] of forbidden) await refusedBoth(`${construct}\n`, message);
    },
  },
  {
    id: 'B12',
    title: 'the runtime keeps prototype access off and Handlebars at or above 4.7.9',
    run: async () => {
      const version = (JSON.parse(readFileSync(REPO_FILE('node_modules/handlebars/package.json'), 'utf8')) as { version: string }).version;
      const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
      expect(major * 1e6 + minor * 1e3 + patch, version).toBeGreaterThanOrEqual(4_007_009);
      // Both template compilers (the brief's, the headline's) run with prototype access off and
      // compile with the options of compile-options.ts.
      const compilers = ['pipeline/narrative/engine.ts', 'pipeline/narrative/headline-templates.ts'];
      for (const file of compilers) {
        const source = readFileSync(REPO_FILE(file), 'utf8');
        expect(source, file).toContain('allowProtoPropertiesByDefault: false');
        expect(source, file).toContain('allowProtoMethodsByDefault: false');
        expect(source, file).toContain("from './compile-options.js'");
      }
      const options = ['pipeline/narrative/compile-options.ts', 'renderers/html-page.ts', 'renderers/site/build-site.ts'];
      for (const file of [...compilers, ...options]) {
        const source = readFileSync(REPO_FILE(file), 'utf8');
        expect(source, file).not.toMatch(/allowProto\w*\s*:\s*true|allowCallsToHelperMissing|allowedProtoProperties/);
        if (options.includes(file)) expect(source, file).toMatch(/strict: true/);
      }
    },
  },
];
