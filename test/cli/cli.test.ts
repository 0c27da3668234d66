import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

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
