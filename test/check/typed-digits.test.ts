/** `brief lint` refuses a number typed into a template's text, naming file and line. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTemplates } from '../../pipeline/narrative/index.js';
import { ROOT } from '../narrative/brief-cases.js';

function templatesWithEdit(file: string, edit: (source: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'templates-digits-'));
  cpSync(join(ROOT, 'templates'), dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('typed digits in templates', () => {
  it('refuses "全网清算 12 亿美元" typed into the zh lead, with its file and line', async () => {
    const dir = templatesWithEdit('zh/partials/lead.hbs', (s) => s.replace('{{#with lead}}\n', '{{#with lead}}\n全网清算 12 亿美元。\n'));
    const issues = (await lintTemplates(dir)).filter((i) => i.message.startsWith('a number typed'));
    expect(issues).toEqual([
      {
        file: join(dir, 'zh/partials/lead.hbs'),
        line: 2,
        message: 'a number typed into the template ("12"): figures come from the brief model, never from template text',
      },
    ]);
  });

  it('finds a digit inside a block and in en, and leaves comments and the per-8h unit alone', async () => {
    const dir = templatesWithEdit(
      'en/partials/outlook.hbs',
      (s) => `{{!-- 3 comment digits are fine --}}\n${s}{{#if watch}}Watch $45,000.{{/if}}\n`,
    );
    const issues = (await lintTemplates(dir)).filter((i) => i.message.startsWith('a number typed'));
    expect(issues.map((i) => [i.file.slice(dir.length + 1), i.line, i.message.slice(0, 45)])).toEqual([
      [
        'en/partials/outlook.hbs',
        readFileSync(join(dir, 'en/partials/outlook.hbs'), 'utf8').split('\n').length - 1,
        'a number typed into the template ("$45,000.")'.slice(0, 45),
      ],
    ]);
  });

  it('passes the repository templates', async () => {
    expect((await lintTemplates()).filter((i) => i.message.startsWith('a number typed'))).toEqual([]);
  });
});
