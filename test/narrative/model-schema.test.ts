/** Every scenario day's brief model, in zh and en, is what the model schema says (the contract templates are written against). */
import { beforeAll, describe, expect, it } from 'vitest';
import { BriefModelSchema, loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, loadCase, render } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

describe.each(CASES)('$name', (c) => {
  it('composes zh and en models the schema accepts, byte-identical when composed again', () => {
    const loaded = loadCase(c);
    for (const lang of ['zh', 'en'] as const) {
      const { model, markdown } = render(loaded, lang, templates);
      expect(() => BriefModelSchema.parse(model)).not.toThrow();
      expect(render(loadCase(c), lang, templates).markdown).toBe(markdown);
    }
  });
});
