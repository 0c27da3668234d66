/**
 * A terminated run stops: SIGTERM while rendering (Chromium running) exits 143, releases the run
 * lock, leaves Chromium not running and publishes nothing; a launcher (npx) killed without
 * passing the signal on does not leave the run going on to publish.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childPids, isRunning } from '../support/kill-at.js';
import { REPO } from '../support/run-cli.js';

const REPLAY = join(REPO, 'test/fixtures/replay/2024-01-04');

function startPaused(command: string, args: string[], cwd: string): { child: ChildProcess; marker: string; stderr: () => string } {
  const marker = join(cwd, 'paused');
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, PIPELINE_PAUSE_AT: 'render:printed', PIPELINE_PAUSE_MARKER: marker },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, marker, stderr: () => stderr };
}

/** Whether the child wrote its pause marker; a child that exited first fails at once, not after the minute. */
async function reachedPause(run: { child: ChildProcess; marker: string }): Promise<boolean> {
  await waitFor(() => existsSync(run.marker) || run.child.exitCode !== null || run.child.signalCode !== null, 60_000);
  return existsSync(run.marker);
}

async function waitFor(what: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!what() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return what();
}

const runArgs = (dir: string) => [
  'run',
  '--date',
  '2024-01-04',
  '--replay',
  REPLAY,
  '--snapshots',
  join(dir, 's'),
  '--out',
  join(dir, 'o'),
  '--site',
  join(dir, 'site'),
];

describe('stop signals', () => {
  it('SIGTERM while rendering: exit 143, lock released, Chromium gone, nothing published', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-sigterm-'));
    const run = startPaused(process.execPath, [join(REPO, 'bin/brief.js'), ...runArgs(dir)], dir);
    expect(await reachedPause(run), run.stderr()).toBe(true);
    expect(existsSync(join(dir, '.brief-run.lock'))).toBe(true);
    const browsers = childPids(run.child.pid!);
    expect(browsers.length).toBeGreaterThan(0); // Chromium was running: the stop came mid-render
    const exited = new Promise<number | null>((resolve) => run.child.on('exit', (code) => resolve(code)));
    run.child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(run.stderr()).toContain('stopped by SIGTERM');
    expect(existsSync(join(dir, '.brief-run.lock'))).toBe(false);
    expect(existsSync(join(dir, 'site'))).toBe(false);
    expect(await waitFor(() => browsers.every((pid) => !isRunning(pid)), 5_000)).toBe(true);
  }, 90_000);

  it('npx killed with SIGTERM: the run it started stops too and publishes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-npx-'));
    const npx = startPaused('npx', ['--prefix', REPO, '--no-install', 'brief', ...runArgs(dir)], dir);
    expect(await reachedPause(npx), npx.stderr()).toBe(true);
    const runPid = Number((await import('node:fs')).readFileSync(npx.marker, 'utf8').split(' ')[0]);
    (await import('node:fs')).rmSync(npx.marker);
    npx.child.kill('SIGTERM');
    expect(await waitFor(() => !isRunning(runPid), 10_000)).toBe(true);
    expect(existsSync(join(dir, '.brief-run.lock'))).toBe(false);
    expect(existsSync(join(dir, 'site'))).toBe(false);
  }, 90_000);
});
