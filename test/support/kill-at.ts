/**
 * Crash-test harness (reliability.md §3.3): starts a child with PIPELINE_PAUSE_AT=<point>, waits
 * for its readiness marker, SIGKILLs it, and proves the kill happened at that point (the marker
 * existed and the exit was by SIGKILL), so the test is not vacuous.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './run-cli.js';

export interface Killed {
  pid: number;
  signal: NodeJS.Signals | null;
  markerSeen: boolean;
  /** Child processes of the killed process (e.g. Chromium) seen while it was paused. */
  children: number[];
}

export async function killAt(
  point: string,
  args: string[],
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<Killed> {
  const marker = join(mkdtempSync(join(tmpdir(), 'brief-kill-')), 'ready');
  // A TypeScript script needs tsx; bin/brief.js registers it itself when it runs the sources (a
  // second registration only slows every import of the child down).
  const loader = args[0]?.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, ...args], {
    cwd: REPO,
    env: { ...process.env, ...options.env, PIPELINE_PAUSE_AT: point, PIPELINE_PAUSE_MARKER: marker },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 60_000);
  // The marker names the point it was written at (an empty or other marker is not the point).
  const reached = () => existsSync(marker) && readFileSync(marker, 'utf8').includes(point);
  while (!reached() && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const markerSeen = reached();
  if (!markerSeen) {
    // How it ended says which way to look: an exit code (the command finished or failed before
    // the point) or none (the deadline passed while it was still working).
    const ended = child.exitCode === null ? 'still running at the deadline' : `exited with code ${child.exitCode}`;
    child.kill('SIGKILL');
    await exited;
    throw new Error(`the child never reached pause point ${point} (${ended} after ${Date.now() - started} ms): ${stderr.slice(-2000)}`);
  }
  const children = childPids(child.pid!);
  child.kill('SIGKILL');
  const signal = await exited;
  return { pid: child.pid!, signal, markerSeen, children };
}

/** Direct children of a process, from /proc (Linux). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function isRunning(pid: number): boolean {
  try {
    // A zombie still answers kill(0); read its state instead.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}
