/**
 * The bad-input battery (reliability.md §3.2, B01–B12; B13 lives in test/charts/render.test.ts):
 * damaged and hostile snapshots, notes and templates through the real command line and pipeline.
 * Prints the figure for the reliability report: "N/N bad-input cases passed", per id, and lists
 * the known bugs pinned with `it.fails` (each names the place to fix).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BadInputCase } from './cases/harness.js';
import { HOSTILE_STRING_CASES } from './cases/hostile-strings.js';
import { NUMBER_CASES } from './cases/numbers.js';
import { PATH_CASES } from './cases/paths.js';
import { POLLUTION_CASES } from './cases/pollution.js';
import { SNAPSHOT_FILE_CASES } from './cases/snapshot-files.js';
import { TEMPLATE_CASES } from './cases/templates.js';

const CASES: BadInputCase[] = [
  ...SNAPSHOT_FILE_CASES,
  ...POLLUTION_CASES,
  ...HOSTILE_STRING_CASES,
  ...PATH_CASES,
  ...NUMBER_CASES,
  ...TEMPLATE_CASES,
];
const passed = new Set<BadInputCase>();

describe('bad inputs (B01–B12)', () => {
  for (const c of CASES) {
    if (c.knownBug) {
      // Passes while the bug is there; when it is fixed this fails: delete `knownBug` from the case.
      it.fails(`${c.id} [known bug] ${c.title}`, async () => {
        await c.run();
      });
    } else {
      it(`${c.id} ${c.title}`, async () => {
        await c.run();
        passed.add(c);
      });
    }
  }

  it('covers every bad-input id from B01 to B12', () => {
    const ids = new Set(CASES.map((c) => c.id));
    expect([...ids].sort()).toEqual(['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10', 'B11', 'B12']);
  });
});

afterAll(() => {
  const checked = CASES.filter((c) => !c.knownBug);
  const byId = new Map<string, [number, number]>();
  for (const c of checked) {
    const [ok, all] = byId.get(c.id) ?? [0, 0];
    byId.set(c.id, [ok + (passed.has(c) ? 1 : 0), all + 1]);
  }
  const perId = [...byId].map(([id, [ok, all]]) => `${id} ${ok}/${all}`).join(', ');
  const known = CASES.filter((c) => c.knownBug);
  const lines = [
    `${passed.size}/${checked.length} bad-input cases passed (${perId})`,
    `${known.length} known bug(s) pinned, not counted:`,
    ...known.map((c) => `  ${c.id} ${c.title}: ${c.knownBug}`),
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
});
