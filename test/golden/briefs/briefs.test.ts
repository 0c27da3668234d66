/**
 * Golden zh and en briefs: the bundled snapshot and three hand-made scenarios (rally, quiet
 * range, multi-asset crash). A mismatch fails and writes `<lang>-changed.md` beside the golden
 * file; `UPDATE_GOLDEN=1` rewrites the goldens, never when CI is set.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BriefModelSchema, loadTemplates, type TemplateSet } from '../../../pipeline/narrative/index.js';
import { CASES, loadCase, render } from '../../narrative/brief-cases.js';

const GOLDEN_DIR = import.meta.dirname;
const update = process.env.UPDATE_GOLDEN === '1' && !process.env.CI;

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

describe.each(CASES)('golden brief $name', (c) => {
  it.each(['zh', 'en'] as const)('%s matches the golden file', (lang) => {
    const { model, markdown } = render(loadCase(c), lang, templates);
    expect(() => BriefModelSchema.parse(model)).not.toThrow();
    const dir = join(GOLDEN_DIR, c.name);
    const golden = join(dir, `${lang}.md`);
    const changed = join(dir, `${lang}-changed.md`);
    if (update) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(golden, markdown);
      rmSync(changed, { force: true });
      return;
    }
    const expected = existsSync(golden) ? readFileSync(golden, 'utf8') : '';
    if (markdown !== expected) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(changed, markdown);
    } else {
      rmSync(changed, { force: true });
    }
    expect(markdown, `golden ${golden} differs; see ${changed} (UPDATE_GOLDEN=1 to accept)`).toBe(expected);
  });

  it('renders byte-identical Markdown from the same inputs', () => {
    const loaded = loadCase(c);
    expect(render(loaded, 'zh', templates).markdown).toBe(render(loadCase(c), 'zh', templates).markdown);
    expect(render(loaded, 'en', templates).markdown).toBe(render(loaded, 'en', templates).markdown);
  });
});
