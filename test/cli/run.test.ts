/**
 * `brief run` end to end, as the scheduler runs it: fetch (from recorded responses, through the
 * real source code) → analyze → render (zh and en, three formats) → publish, then a second run
 * of the same day replaces everything cleanly.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/run-cli.js';

describe('brief run', () => {
  it('fetches, renders and publishes one day, and can run again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-run-'));
    const args = [
      'run',
      '--date',
      '2024-01-04',
      '--replay',
      join(REPO, 'test/fixtures/replay/2024-01-04'),
      '--snapshots',
      'snapshots',
      '--out',
      'out',
      '--site',
      'site',
    ];
    const first = await runCli(args, { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^gap: liquidations from coinglass: not-configured: /m);
    const snapshot = JSON.parse(readFileSync(join(dir, 'snapshots', '2024-01-04.json'), 'utf8')) as { origin: { kind: string } };
    expect(snapshot.origin.kind).toBe('replayed');
    for (const file of ['zh.md', 'zh.html', 'zh.pdf', 'en.md', 'en.html', 'en.pdf'])
      expect(existsSync(join(dir, 'out', '2024-01-04', file)), file).toBe(true);
    const latest = JSON.parse(readFileSync(join(dir, 'site', 'latest.json'), 'utf8')) as {
      latest: Record<string, { date: string; pdf: string }>;
    };
    expect(latest.latest.zh?.date).toBe('2024-01-04');
    expect(existsSync(join(dir, 'site', latest.latest.zh!.pdf))).toBe(true);
    expect(existsSync(join(dir, '.brief-run.lock'))).toBe(false);

    // The same recorded day again: the snapshot and the briefs are replaced by identical bytes.
    const before = ['snapshots/2024-01-04.json', 'out/2024-01-04/en.md', 'out/2024-01-04/zh.html'].map((f) =>
      readFileSync(join(dir, f), 'utf8'),
    );
    const again = await runCli(args, { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    const after = ['snapshots/2024-01-04.json', 'out/2024-01-04/en.md', 'out/2024-01-04/zh.html'].map((f) =>
      readFileSync(join(dir, f), 'utf8'),
    );
    expect(after).toEqual(before);
  }, 120_000);

  it('exits 75 while another run holds the lock, and touches nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-run-lock-'));
    writeFileSync(join(dir, '.brief-run.lock'), `${process.pid}\n`);
    const run = await runCli(['run', '--date', '2024-01-04', '--replay', join(REPO, 'test/fixtures/replay/2024-01-04')], { cwd: dir });
    expect(run.code).toBe(75);
    expect(existsSync(join(dir, 'snapshots'))).toBe(false);
  });
});
