/**
 * Golden SVGs of every chart of the bundled snapshot (snapshots/2024-01-04.json with the
 * findings analysis makes of it), in zh and en, under test/golden/charts/2024-01-04/<lang>-<id>.svg.
 * A mismatch fails and writes <lang>-<id>-changed.svg beside the golden file. Goldens are
 * (re)written only with UPDATE_GOLDEN=1, and never when CI is set.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../pipeline/analysis/index.js';
import { loadSnapshot } from '../../kernel/snapshot/index.js';
import { renderCharts } from '../../renderers/charts/index.js';

const SNAPSHOT = 'snapshots/2024-01-04.json';
const GOLDEN_DIR = 'test/golden/charts/2024-01-04';
const update = process.env.UPDATE_GOLDEN === '1' && !process.env.CI;

describe('chart goldens of the bundled snapshot', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: every chart matches its golden SVG`, async () => {
      const snapshot = await loadSnapshot(SNAPSHOT);
      const charts = await renderCharts(snapshot, analyze(snapshot), lang);
      // The bundled snapshot carries every family a chart draws.
      expect(charts.map((c) => c.id)).toEqual(['price', 'liquidations', 'funding', 'basis', 'etf-volume', 'whale-transfers']);
      mkdirSync(GOLDEN_DIR, { recursive: true });
      const mismatches: string[] = [];
      for (const chart of charts) {
        const golden = join(GOLDEN_DIR, `${lang}-${chart.id}.svg`);
        const changed = join(GOLDEN_DIR, `${lang}-${chart.id}-changed.svg`);
        if (update) {
          writeFileSync(golden, chart.svg);
          rmSync(changed, { force: true });
          continue;
        }
        if (!existsSync(golden)) {
          mismatches.push(`${golden} is missing (run with UPDATE_GOLDEN=1 to create it)`);
          writeFileSync(changed, chart.svg);
        } else if (readFileSync(golden, 'utf8') !== chart.svg) {
          mismatches.push(`${golden} differs; see ${changed}`);
          writeFileSync(changed, chart.svg);
        } else {
          rmSync(changed, { force: true });
        }
      }
      // A golden left behind by a chart that is no longer drawn is a change too.
      const expected = new Set(charts.map((c) => `${lang}-${c.id}.svg`));
      for (const file of readdirSync(GOLDEN_DIR)) {
        if (file.startsWith(`${lang}-`) && !file.includes('-changed.') && !expected.has(file))
          mismatches.push(`${file} has no chart any more`);
      }
      expect(mismatches).toEqual([]);
    });
  }
});
