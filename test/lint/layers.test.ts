/**
 * The layer rule (eslint/layers.js) through the project's own ESLint configuration: a planted
 * wrong-way import fails lint with the layers named; the same import the right way round passes.
 * (The whole tree is held to the rule by `eslint .` in `npm test`.)
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED, entryOf, layerOf } from '../../eslint/layers.js';
import { REPO } from '../support/run-cli.js';

// Planted files exist only as text: parsed without the TypeScript project, and only the layer rule runs.
const planted = new ESLint({
  cwd: REPO,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'brief/layers',
});
/** Lints `code` as if it were the file at `path` in the repository; returns the layer messages. */
async function layerProblems(path: string, code: string): Promise<string[]> {
  const [result] = await planted.lintText(code, { filePath: join(REPO, path) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'brief/layers').map((m) => m.message);
}

describe('import layers', () => {
  it('places every folder in its layer', () => {
    expect(layerOf(join(REPO, 'kernel/snapshot/schema.ts'), REPO)).toBe('kernel');
    expect(layerOf(join(REPO, 'sources/okx.ts'), REPO)).toBe('sources');
    expect(layerOf(join(REPO, 'pipeline/analysis/signals/price-move.ts'), REPO)).toBe('analysis');
    expect(layerOf(join(REPO, 'pipeline/narrative/lead.ts'), REPO)).toBe('narrative');
    expect(layerOf(join(REPO, 'renderers/charts/price.ts'), REPO)).toBe('renderers');
    expect(layerOf(join(REPO, 'pipeline/cli/run.ts'), REPO)).toBe('cli');
    expect(layerOf(join(REPO, 'pipeline/publish.ts'), REPO)).toBe('orchestration');
    expect(ALLOWED.kernel).toEqual([]);
  });

  it('fails a planted wrong-way import: a source importing the narrative, the kernel importing a stage', async () => {
    expect(
      await layerProblems('sources/planted.ts', "import { md } from '../pipeline/narrative/markdown-escape.js';\nexport const x = md;\n"),
    ).toEqual([
      'sources may not import narrative (../pipeline/narrative/markdown-escape.js): a stage depends only on the kernel and the stages below it (README, "Layers")',
    ]);
    expect(await layerProblems('kernel/planted.ts', "export { analyze } from '../pipeline/analysis/index.js';\n")).toEqual([
      'kernel may not import analysis (../pipeline/analysis/index.js): a stage depends only on the kernel and the stages below it (README, "Layers")',
    ]);
    expect(await layerProblems('renderers/planted.ts', "export const load = () => import('../pipeline/cli/options.js');\n")).toHaveLength(
      1,
    );
    expect(
      await layerProblems(
        'pipeline/analysis/planted.ts',
        "import type { Lang } from '../../renderers/charts/types.js';\nexport type L = Lang;\n",
      ),
    ).toHaveLength(1);
  });

  it('passes imports that go downward', async () => {
    expect(
      await layerProblems(
        'pipeline/narrative/planted.ts',
        "import { HOUR_MS } from '../../kernel/time.js';\nimport type { Findings } from '../analysis/index.js';\nexport const x: [number, Findings?] = [HOUR_MS];\n",
      ),
    ).toEqual([]);
    expect(
      await layerProblems('pipeline/cli/planted.ts', "import { publishSite } from '../publish.js';\nexport const p = publishSite;\n"),
    ).toEqual([]);
  });

  it('fails an import that reaches inside another layer past its index', async () => {
    expect(
      await layerProblems(
        'sources/planted.ts',
        "import { loadSnapshot } from '../kernel/snapshot/io.js';\nexport const l = loadSnapshot;\n",
      ),
    ).toEqual(['../kernel/snapshot/io.js reaches inside kernel: import it through kernel/snapshot/index.ts (README, "Layers")']);
    expect(
      await layerProblems(
        'renderers/charts/planted.ts',
        "import type { Findings } from '../../pipeline/analysis/findings.js';\nexport type F = Findings;\n",
      ),
    ).toEqual([
      '../../pipeline/analysis/findings.js reaches inside analysis: import it through pipeline/analysis/index.ts (README, "Layers")',
    ]);
    // Inside one layer a file imports its neighbours directly; a top-level kernel module is public.
    expect(
      await layerProblems(
        'pipeline/narrative/planted.ts',
        "import { leadOf } from './lead.js';\nimport { DAY_MS } from '../../kernel/time.js';\nexport const x = [leadOf, DAY_MS];\n",
      ),
    ).toEqual([]);
  });

  it('names the entry of each folder', () => {
    expect(entryOf(join(REPO, 'kernel/fs/lock.ts'), REPO)).toBe('kernel/fs/index.ts');
    expect(entryOf(join(REPO, 'kernel/errors.ts'), REPO)).toBeUndefined();
    expect(entryOf(join(REPO, 'pipeline/analysis/signals/day-plan.ts'), REPO)).toBe('pipeline/analysis/index.ts');
    expect(entryOf(join(REPO, 'renderers/markdown-to-html.ts'), REPO)).toBe('renderers/index.ts');
    expect(entryOf(join(REPO, 'sources/collector/store.ts'), REPO)).toBe('sources/collector/index.ts');
    expect(entryOf(join(REPO, 'sources/okx.ts'), REPO)).toBe('sources/index.ts');
    expect(entryOf(join(REPO, 'pipeline/publish.ts'), REPO)).toBeUndefined();
  });
});
