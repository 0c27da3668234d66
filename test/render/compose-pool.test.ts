/**
 * Days composed on worker threads (compose-pool.ts) are the days composed in-process, byte for
 * byte; a worker's error reaches the caller with its name, message and exit code; and
 * `brief rerender --workers` gives the same files with and without workers.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { BriefError } from '../../kernel/errors.js';
import { ComposePool } from '../../pipeline/render/compose-pool.js';
import { composeDay, type RenderRequest } from '../../pipeline/render/render-briefs.js';
import { REPO, runCli } from '../support/run-cli.js';

const request = (snapshotFile: string): RenderRequest => ({
  snapshotFile,
  langs: ['zh', 'en'],
  formats: ['md', 'html', 'pdf'],
  outDir: mkdtempSync(join(tmpdir(), 'brief-pool-out-')),
  templatesDir: join(REPO, 'templates'),
  config: DEFAULT_CONFIG,
});

describe('the compose pool', () => {
  const pool = new ComposePool(1);
  afterAll(() => pool.close());

  it('composes a day exactly as the main thread does', async () => {
    const day = request(join(REPO, 'snapshots/2024-01-04.json'));
    const [inWorker, inProcess] = await Promise.all([pool.compose(day), composeDay(day)]);
    expect(inWorker.date).toBe('2024-01-04');
    expect(inWorker.briefs.map((b) => b.lang)).toEqual(['zh', 'en']);
    expect(inWorker).toEqual(inProcess);
  }, 60_000);

  it('passes a worker error on with its name, message and exit code, and keeps working', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-pool-bad-'));
    const bad = join(dir, '2024-01-05.json');
    writeFileSync(bad, '{"schemaVersion": 1, "date": ');
    const error = await pool.compose(request(bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefError);
    expect((error as BriefError).exitCode).toBe(2);
    expect((error as BriefError).name).toBe('InputError');
    expect((error as BriefError).message).toContain(bad);
    // The worker survived its error: the next day composes.
    expect((await pool.compose(request(join(REPO, 'test/fixtures/quiet-2024-06-20/snapshot.json')))).date).toBe('2024-06-20');
  }, 60_000);

  it('rejects what is queued when closed', async () => {
    const closing = new ComposePool(1);
    const queued = closing.compose(request(join(REPO, 'snapshots/2024-01-04.json'))).catch((e: unknown) => e);
    await closing.close();
    expect(String(await queued)).toMatch(/closed before the day was rendered/);
    await expect(closing.compose(request(join(REPO, 'snapshots/2024-01-04.json')))).rejects.toThrow(/closed/);
  });
});

describe('brief rerender --workers', () => {
  const snapshots = mkdtempSync(join(tmpdir(), 'brief-workers-snapshots-'));
  cpSync(join(REPO, 'snapshots/2024-01-04.json'), join(snapshots, '2024-01-04.json'));
  cpSync(join(REPO, 'snapshots/2024-01-04.notes.yaml'), join(snapshots, '2024-01-04.notes.yaml'));
  cpSync(join(REPO, 'test/fixtures/rally-2024-02-28/snapshot.json'), join(snapshots, '2024-02-28.json'));
  cpSync(join(REPO, 'test/fixtures/quiet-2024-06-20/snapshot.json'), join(snapshots, '2024-06-20.json'));

  const files = (root: string): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const day of readdirSync(root))
      for (const name of readdirSync(join(root, day)).filter((n) => n.endsWith('.md') || n.endsWith('.html')))
        out[`${day}/${name}`] = readFileSync(join(root, day, name), 'utf8');
    return out;
  };
  const rerender = (out: string, ...extra: string[]) =>
    runCli(['rerender', '--snapshots', snapshots, '--out', out, '--format', 'md,html', ...extra]);

  it('writes the same files with two workers as with none', async () => {
    const none = mkdtempSync(join(tmpdir(), 'brief-workers-0-'));
    const two = mkdtempSync(join(tmpdir(), 'brief-workers-2-'));
    const [a, b] = [await rerender(none, '--workers', '0'), await rerender(two, '--workers', '2')];
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toBe('3 ok (2024-01-04 … 2024-06-20), 0 failed\n');
    expect(Object.keys(files(two))).toHaveLength(12);
    expect(files(two)).toEqual(files(none));
  }, 120_000);

  it('exits 2 naming the snapshot a worker could not read, and 2 for a bad --workers', async () => {
    writeFileSync(join(snapshots, '2024-07-01.json'), '[]');
    // That day alone (--from): the good days before it would only be composed again.
    const result = await rerender(mkdtempSync(join(tmpdir(), 'brief-workers-bad-')), '--workers', '1', '--from', '2024-07-01');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(snapshots, '2024-07-01.json'));
    const usage = await rerender(mkdtempSync(join(tmpdir(), 'brief-workers-usage-')), '--workers', 'two');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('expected a whole number from 0 to 64');
  }, 120_000);
});
