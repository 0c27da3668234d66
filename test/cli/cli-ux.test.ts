/** What an analyst meets on the command line: version, help with examples and exit codes, arguments, summaries. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summary } from '../../pipeline/cli/rerender.js';
import { REPO, runCli } from '../support/run-cli.js';

const PKG = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

describe('brief --version and --help', () => {
  it('prints the package version', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${PKG.version}\n`);
  });

  it('every verb’s help has examples and the exit codes', async () => {
    for (const verb of ['render', 'rerender', 'fetch', 'publish']) {
      const run = await runCli([verb, '--help']);
      expect(run.code, verb).toBe(0);
      expect(run.stdout).toContain(`Examples:\n  $ brief ${verb}`);
      expect(run.stdout).toContain('Exit codes:\n  0   done');
      expect(run.stdout).toContain('  75  another run holds the lock; try again later');
    }
  });
});

describe('arguments', () => {
  it('render and analyze take the snapshot as an argument; none or two different ones is exit 2', async () => {
    const analyze = await runCli(['analyze', 'snapshots/2024-01-04.json', '--json']);
    expect(analyze.code).toBe(0);
    expect(JSON.parse(analyze.stdout)).toHaveProperty('date', '2024-01-04');
    const none = await runCli(['render']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('brief: which snapshot? e.g. brief render snapshots/2024-01-04.json\n');
    const two = await runCli(['analyze', 'a.json', '--snapshot', 'b.json']);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe('brief: two snapshots given (a.json and --snapshot b.json); give one\n');
  });

  it('a reversed rerender range is refused (exit 2), not an empty success', async () => {
    const run = await runCli(['rerender', '--from', '2024-02-01', '--to', '2024-01-01']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('brief: --from 2024-02-01 is after --to 2024-01-01; nothing would be selected (swap them?)\n');
  });
});

describe('rerender reports', () => {
  it('names failed dates and skipped files, prints gap lines per day, ends with a summary, exits with the failure’s code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-rerender-ux-'));
    copyFileSync(join(REPO, 'snapshots/2024-01-04.json'), join(dir, '2024-01-04.json'));
    writeFileSync(join(dir, '2024-01-05.json'), '{"schemaVersion": 1,}');
    writeFileSync(join(dir, 'backup.json'), '{}');
    const run = await runCli([
      'rerender',
      '--snapshots',
      dir,
      '--out',
      join(dir, 'out'),
      '--format',
      'md',
      '--lang',
      'en',
      '--workers',
      '0',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('1 ok (2024-01-04 … 2024-01-04), 1 failed: 2024-01-05\n');
    expect(run.stderr).toContain(`skipped: ${join(dir, 'backup.json')} (not named <YYYY-MM-DD>.json)\n`);
    expect(run.stderr).toContain(`failed: 2024-01-05: ${join(dir, '2024-01-05.json')}: invalid JSON at byte 20 (line 1, column 21)`);
    expect(run.stderr).toContain('gap: 2024-01-04: etfFlows from coinglass (BTC): not-applicable: ');
  }, 120_000);

  it('summary wording', () => {
    expect(summary(['2024-01-01', '2024-01-02'], [])).toBe('2 ok (2024-01-01 … 2024-01-02), 0 failed');
    expect(summary([], ['2024-01-03', '2024-01-01'])).toBe('0 ok, 2 failed: 2024-01-01, 2024-01-03');
  });
});
