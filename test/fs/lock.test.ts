/**
 * The run lock as a lease: taken, refused while its owner lives, taken over atomically when the
 * owner is gone, its pid reused by an unrelated process, or its lease ran out.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockBusyError } from '../../kernel/errors.js';
import { LEASE_MS, acquireLock, withLock } from '../../kernel/fs/lock.js';
import { processStartTime } from '../../kernel/fs/process-alive.js';
import { REPO } from '../support/run-cli.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'brief-lock-')), 'run.lock');
const owner = (fields: Record<string, unknown>) =>
  `${JSON.stringify({ host: hostname(), token: 'other', since: '2026-01-01T00:00:00Z', ...fields })}\n`;
const DEAD_PID = 2 ** 22 + 17; // above Linux's pid_max: never a live process

describe('run lock', () => {
  it('is taken, names its owner, and is removed on release', async () => {
    const file = fresh();
    const seen = await withLock(file, async () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
    expect(seen).toMatchObject({ host: hostname(), pid: process.pid, start: processStartTime(process.pid) });
    expect(existsSync(file)).toBe(false);
  });

  it('refuses (exit 75) while a live owner holds it, naming pid and host', async () => {
    const file = fresh();
    writeFileSync(file, owner({ pid: process.pid, start: processStartTime(process.pid) }));
    const error = await acquireLock(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as LockBusyError).exitCode).toBe(75);
    expect((error as Error).message).toContain(`pid ${process.pid} on ${hostname()}`);
    expect(readFileSync(file, 'utf8')).toContain('"token":"other"');
  });

  it('takes over a lock whose owner is gone', async () => {
    const file = fresh();
    writeFileSync(file, owner({ pid: DEAD_PID, start: '1' }));
    await withLock(file, async () => expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid }));
  });

  it('takes over a lock whose pid now names an unrelated live process (after a container restart)', async () => {
    const file = fresh();
    // pid 1 is alive, but it did not start at the recorded time: the owner that wrote this is gone.
    writeFileSync(file, owner({ pid: 1, start: '123456789012' }));
    await withLock(file, async () => expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid }));
  });

  it('a bare pid (the old format) of a live process blocks only until its lease runs out', async () => {
    const file = fresh();
    writeFileSync(file, `${process.pid}\n`);
    await expect(acquireLock(file)).rejects.toBeInstanceOf(LockBusyError);
    const old = (Date.now() - LEASE_MS - 60_000) / 1000;
    utimesSync(file, old, old);
    await withLock(file, async () => expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid }));
  });

  it('respects another host while its lease is fresh, and takes it over when it is not refreshed', async () => {
    const file = fresh();
    writeFileSync(file, owner({ host: 'collector-host-2', pid: 4242, start: '99' }));
    await expect(acquireLock(file)).rejects.toThrow(/pid 4242 on collector-host-2/);
    const later = Date.now() + LEASE_MS + 1_000;
    await withLock(file, async () => expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid }), {
      now: () => later,
    });
  });

  it('lets exactly one of several contenders take over one stale lock, every time', async () => {
    for (let round = 0; round < 60; round++) {
      const file = fresh();
      writeFileSync(file, owner({ pid: DEAD_PID, start: '1' }));
      const results = await Promise.allSettled([acquireLock(file), acquireLock(file), acquireLock(file)]);
      const won = results.filter((r): r is PromiseFulfilledResult<() => Promise<void>> => r.status === 'fulfilled');
      expect(won, `round ${round}`).toHaveLength(1);
      for (const lost of results.filter((r) => r.status === 'rejected')) expect(lost.reason).toBeInstanceOf(LockBusyError);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
      await won[0]!.value();
      expect(existsSync(file)).toBe(false);
    }
  });

  it('across processes: of four runs started at once on one stale lock, exactly one proceeds', async () => {
    const file = fresh();
    writeFileSync(file, owner({ pid: DEAD_PID, start: '1' }));
    const go = `${file}.go`;
    const contender = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test/support/lock-contender.ts'), file, go], { cwd: REPO });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('error', reject);
        child.on('close', () => resolve(out.trim()));
      });
    const runs = Array.from({ length: 4 }, contender);
    const dir = join(file, '..');
    const ready = () => readdirSync(dir).filter((n) => n.startsWith('run.lock.go.ready-')).length;
    while (ready() < 4) await new Promise((resolve) => setTimeout(resolve, 20)); // every contender loaded and waiting
    writeFileSync(go, '');
    const results = (await Promise.all(runs)).sort();
    expect(results).toEqual(['busy 75', 'busy 75', 'busy 75', 'won']);
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it('release leaves alone a lock that is no longer its own', async () => {
    const file = fresh();
    const release = await acquireLock(file);
    writeFileSync(file, owner({ pid: process.pid, start: processStartTime(process.pid), token: 'successor' }));
    await release();
    expect(readFileSync(file, 'utf8')).toContain('successor');
  });
});
