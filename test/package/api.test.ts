/** The library API (pipeline/api.ts) from the sources: a snapshot passed as an object, defaults, errors. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BriefError, loadSnapshot, renderBrief } from '../../pipeline/api.js';
import { REPO } from '../support/run-cli.js';

const SNAPSHOT = join(REPO, 'snapshots', '2024-01-04.json');
const work = mkdtempSync(join(tmpdir(), 'brief-api-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('renderBrief', () => {
  it('takes the snapshot as an object (validated, stored, read back) with the built-in templates and config', async () => {
    const snapshot = await loadSnapshot(SNAPSHOT);
    const fromObject = await renderBrief({ snapshot, langs: ['en'], formats: ['md'], outDir: join(work, 'object') });
    expect(fromObject.files.map((f) => f.slice(join(work, 'object').length + 1)).sort()).toEqual([
      '2024-01-04/charts/en/basis.svg',
      '2024-01-04/charts/en/etf-volume.svg',
      '2024-01-04/charts/en/funding.svg',
      '2024-01-04/charts/en/liquidations.svg',
      '2024-01-04/charts/en/price.svg',
      '2024-01-04/charts/en/whale-transfers.svg',
      '2024-01-04/en.json',
      '2024-01-04/en.md',
    ]);
    // The day's low from the snapshot's hourly candles (41,706.4 at 06:00 UTC+8), in the lead.
    const md = readFileSync(join(work, 'object', '2024-01-04', 'en.md'), 'utf8');
    expect(md).toMatch(/^# Bitcoin slides below \$43,000/);
    expect(md).toContain('touching $41,706 at 06:00 UTC+8');
  });

  it('refuses neither or both snapshot forms, and a config that does not match the schema, as usage errors (exit 2)', async () => {
    const snapshot = await loadSnapshot(SNAPSHOT);
    for (const options of [{ outDir: work }, { outDir: work, snapshot, snapshotFile: SNAPSHOT }]) {
      const error = await renderBrief(options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BriefError);
      expect((error as BriefError).exitCode).toBe(2);
      expect((error as Error).message).toBe('renderBrief: give exactly one of snapshotFile and snapshot');
    }
    const error = await renderBrief({ snapshotFile: SNAPSHOT, outDir: work, config: { timezone: 42 } }).catch((e: unknown) => e);
    expect((error as BriefError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(/^config: timezone: /);
  });
});
