import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../kernel/errors.js';
import { tidyMarkdown } from '../../pipeline/narrative/engine.js';
import { spaceChinese } from '../../pipeline/narrative/script-spacing.js';
import { joinList, ordinal, eq } from '../../pipeline/narrative/helpers.js';
import { lintTemplates, loadTemplates } from '../../pipeline/narrative/index.js';
import { ROOT } from './brief-cases.js';

/** A copy of the repository's templates with one file replaced. */
function templatesWith(file: string, source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'templates-'));
  cpSync(join(ROOT, 'templates'), dir, { recursive: true });
  writeFileSync(join(dir, file), source);
  return dir;
}

describe('the repository templates', () => {
  it('compile in strict mode with known helpers only and lint clean', async () => {
    const set = await loadTemplates();
    expect(set.zh.files.length).toBeGreaterThan(20);
    expect(set.en.files.map((f) => f.name).sort()).toEqual(set.zh.files.map((f) => f.name).sort());
    expect(await lintTemplates()).toEqual([]);
  });
});

describe('loading refuses bad templates with file and line', () => {
  it('an unknown helper', async () => {
    const dir = templatesWith('zh/partials/gaps.hbs', 'ok\n{{shout gaps}}\n');
    const error = await loadTemplates(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe(join(dir, 'zh/partials/gaps.hbs'));
    expect((error as InputError).message).toMatch(/line 2: You specified knownHelpersOnly, but used the unknown helper shout/);
  });
  it('triple-stash and dynamic partials', async () => {
    const dir = templatesWith('en/partials/footer.hbs', 'a\n{{{footer.publication}}}\n{{> (eq 1 1)}}\n');
    const error = (await loadTemplates(dir).catch((e: unknown) => e)) as InputError;
    expect(error.issues).toEqual([
      'line 2: triple-stash {{{ }}} (or {{& }}) is not allowed; print model fields with {{ }}',
      'line 3: dynamic partials ({{> (expr)}}) are not allowed; name the partial',
    ]);
  });
});

describe('lint', () => {
  it('reports a field the model does not have, with the fields that exist there', async () => {
    const dir = templatesWith('zh/partials/bullets/funding.hbs', '● **资金费率:**\n{{current}} {{curent}}');
    const issues = await lintTemplates(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.file).toBe(join(dir, 'zh/partials/bullets/funding.hbs'));
    expect(issues[0]!.line).toBe(2);
    expect(issues[0]!.message).toMatch(/no field "curent" at sections\[\]\.bullets\[\]\.funding \(fields: asset, /);
  });
  it('reports unguarded optionals, printed objects and flags, and plain-text fields', async () => {
    const dir = templatesWith(
      'en/partials/lead.hbs',
      '{{lead.level.price}}\n{{lead}}\n{{lead.down}}\n{{title}}\n{{#if lead.level}}{{lead.level.price}}{{/if}}\n',
    );
    const messages = (await lintTemplates(dir)).map((i) => `${i.line}: ${i.message}`);
    expect(messages).toEqual([
      '1: lead.level.price: lead.level is optional; guard it with {{#if level}} or {{#with level}}',
      '2: {{lead}} prints an object; print one of its text fields',
      '3: {{lead.down}} prints a flag (true/false); use it in {{#if}}',
      '4: {{title}} is plain text for the page, not Markdown-escaped; print headline/publication instead',
      // The replaced lead no longer calls the partial the real one does.
      '1: partial "lead-release" is never used',
    ]);
  });
  it('reports unknown helpers, missing partials and unused partials', async () => {
    const dir = templatesWith('zh/partials/footer.hbs', '{{upper footer.publication}}\n{{> nope}}');
    const messages = (await lintTemplates(dir)).map((i) => `${i.line}: ${i.message}`);
    expect(messages).toContain('1: You specified knownHelpersOnly, but used the unknown helper upper');
    expect(messages).toContain('2: partial "nope" does not exist (expected partials/nope.hbs)');
    writeFileSync(join(dir, 'zh/partials/orphan.hbs'), 'x');
    expect((await lintTemplates(dir)).map((i) => i.message)).toContain('partial "orphan" is never used');
  });
});

describe('helpers', () => {
  it('eq, list and nth', () => {
    expect(eq('a', 'a')).toBe(true);
    expect(eq(1, '1')).toBe(false);
    expect(joinList(['Binance', 'OKX', 'Bybit'], 'zh')).toBe('Binance、OKX和Bybit');
    expect(joinList(['Binance', 'OKX', 'Bybit'], 'en')).toBe('Binance, OKX and Bybit');
    expect(joinList(['OKX'], 'en')).toBe('OKX');
    expect(ordinal(0, 'zh')).toBe('其一');
    expect(ordinal(2, 'en')).toBe('third');
    expect(() => ordinal(10, 'zh')).toThrow(RangeError);
  });
});

describe('output tidying', () => {
  it('spaces Chinese and Latin text one way', () => {
    expect(spaceChinese('据Coinglass数据,清算12.6 亿美元 ,其中多头占73%的 份额')).toBe(
      '据 Coinglass 数据,清算 12.6 亿美元,其中多头占 73% 的份额',
    );
  });
  it('gives bullets, charts and headings their own blocks and collapses blank lines', () => {
    expect(tidyMarkdown('# T  \n● a\n● b\n\n\n\n![x](charts/p.svg)\n## H\ntext')).toBe(
      '# T\n\n● a\n\n● b\n\n![x](charts/p.svg)\n\n## H\ntext\n',
    );
  });
});
