/**
 * The command line's surface: help, usage errors, exit 2 for bad input (in-process, through
 * `main`), and one smoke test of the executable itself as a user runs it.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/run-cli.js';

describe('brief command line', () => {
  it('prints help for the program and for every verb, exit 0', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Usage: brief');
    for (const verb of ['render', 'fetch', 'analyze', 'lint', 'collect']) {
      const run = await runCli([verb, '--help']);
      expect(run.code, verb).toBe(0);
      expect(run.stdout).toContain(`Usage: brief ${verb}`);
    }
  });

  it('rejects an unknown flag with a one-line error and exit 2', async () => {
    const run = await runCli(['render', '--snapshot', 'snapshots/2024-01-04.json', '--colour', 'red']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain("error: unknown option '--colour'");
  });

  it('rejects a bad value with a one-line error and exit 2', async () => {
    const run = await runCli(['render', '--snapshot', 'snapshots/2024-01-04.json', '--lang', 'zh,fr']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain("unknown language 'fr'; expected zh, en");
    const date = await runCli(['fetch', '--date', '2024-02-30']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('2024-02-30 is not a calendar date');
    const traversal = await runCli(['fetch', '--date', '../../etc/passwd']);
    expect(traversal.code).toBe(2);
    expect(traversal.stderr).toContain('expected a date as YYYY-MM-DD');
  });

  it('reports a missing snapshot file with its path and exit 2, writing nothing', async () => {
    const run = await runCli(['render', '--snapshot', 'snapshots/1999-01-01.json', '--out', '/nonexistent-dir/out']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^brief: .*snapshots\/1999-01-01\.json: no such snapshot file\n$/);
  });

  it('rejects an unknown verb with exit 2', async () => {
    const run = await runCli(['rendr']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'rendr'");
  });
});

describe('the executable', () => {
  it('smoke test: `node bin/brief.js render` on the bundled snapshot writes zh and en in every format, exit 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-smoke-'));
    const run = await spawnCli(['render', 'snapshots/2024-01-04.json', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const printed = run.stdout.split('\n');
    for (const lang of ['zh', 'en'])
      for (const format of ['md', 'html', 'pdf']) {
        const file = join(out, '2024-01-04', `${lang}.${format}`);
        expect(existsSync(file), file).toBe(true);
        expect(printed).toContain(file);
      }
    expect(run.stderr).toContain('gap: etfFlows from coinglass (BTC): not-applicable:');
  }, 120_000);
});
