/**
 * `brief rerender` over stored snapshots: every date in range rendered with one browser, the
 * output byte-identical on a second run, and shards that together give the same files.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/run-cli.js';

const snapshots = mkdtempSync(join(tmpdir(), 'brief-rerender-snapshots-'));
cpSync(join(REPO, 'snapshots/2024-01-04.json'), join(snapshots, '2024-01-04.json'));
cpSync(join(REPO, 'snapshots/2024-01-04.notes.yaml'), join(snapshots, '2024-01-04.notes.yaml'));
for (const [dir, date] of [
  ['rally-2024-02-28', '2024-02-28'],
  ['quiet-2024-06-20', '2024-06-20'],
]) {
  cpSync(join(REPO, 'test/fixtures', dir!, 'snapshot.json'), join(snapshots, `${date}.json`));
  cpSync(join(REPO, 'test/fixtures', dir!, 'notes.yaml'), join(snapshots, `${date}.notes.yaml`));
}

/** Every file under a folder, as relative path → content. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else out[`${prefix}${entry.name}`] = readFileSync(join(dir, entry.name), 'utf8');
    }
  };
  walk(root, '');
  return out;
}

const rerender = (out: string, ...extra: string[]) =>
  runCli(['rerender', '--snapshots', snapshots, '--out', out, '--format', 'md,html', ...extra]);

describe('brief rerender', () => {
  it('renders the range, byte-identical twice, and shards add up to the whole', async () => {
    const a = mkdtempSync(join(tmpdir(), 'brief-rerender-a-'));
    const first = await rerender(a, '--from', '2024-01-01', '--to', '2024-03-31');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('2 ok (2024-01-04 … 2024-02-28), 0 failed\n');
    expect(first.stderr).toMatch(/2\/2 100%/);
    expect(readdirSync(a).sort()).toEqual(['2024-01-04', '2024-02-28']);

    // A second run renders the same days byte for byte: the whole range's run renders them again.
    const whole = mkdtempSync(join(tmpdir(), 'brief-rerender-whole-'));
    expect((await rerender(whole)).code).toBe(0);
    const again = Object.fromEntries(Object.entries(tree(whole)).filter(([path]) => !path.startsWith('2024-06-20/')));
    expect(again).toEqual(tree(a));
    const merged = mkdtempSync(join(tmpdir(), 'brief-rerender-shards-'));
    for (const shard of ['1/2', '2/2']) expect((await rerender(merged, '--shard', shard)).code).toBe(0);
    expect(readdirSync(merged).sort()).toEqual(['2024-01-04', '2024-02-28', '2024-06-20']);
    expect(tree(merged)).toEqual(tree(whole));
  }, 120_000);
});
