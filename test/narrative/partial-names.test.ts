import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../kernel/errors.js';
import { loadTemplates } from '../../pipeline/narrative/index.js';
import { REPO } from '../support/run-cli.js';

describe('partial names', () => {
  for (const name of ['__proto__', 'constructor', 'bullets/__proto__', 'Evil Name']) {
    it(`refuses a partial file named ${JSON.stringify(name)} when templates load`, async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'brief-partials-')), 'templates');
      cpSync(join(REPO, 'templates'), dir, { recursive: true });
      writeFileSync(join(dir, 'en', 'partials', `${name}.hbs`), 'x');
      const error = await loadTemplates(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toContain(`partial name '${name}' is not allowed`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});
