/**
 * The `brief` command line for tests, two ways.
 *
 * `runCli` runs it in this process through `main` — the same verbs, option parsing, error
 * mapping and exit codes that bin/brief.js runs — with the test's own streams, folder and
 * environment: no Node and tsx start-up per call (1–2.5 s each on two busy cores). `main` reads
 * nothing from `process` (pipeline/cli/context.ts) and installs no process-wide handler, so runs
 * do not see each other.
 *
 * `spawnCli` runs the real executable in a child process, for what only a process shows: stop
 * signals, kills at pause points, a lock held by another process, which build bin/brief.js picks,
 * start-up, and the one smoke test that `node bin/brief.js render` works as a user runs it.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../pipeline/cli/main.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/brief.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The command's folder (default: the repository). */
  cwd?: string;
  /** Variables added to (or, as undefined, removed from) this process's environment. */
  env?: NodeJS.ProcessEnv;
}

/** `brief <args>` in this process. */
export async function runCli(args: string[], options: CliOptions & { now?: () => number } = {}): Promise<CliRun> {
  const env = { ...process.env, ...options.env };
  // A pause point waits for a SIGKILL of its process: that is spawnCli's (or killAt's) business.
  if (env.PIPELINE_PAUSE_AT) throw new Error('runCli runs in this process; a pause point needs spawnCli');
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env,
    cwd: options.cwd ?? REPO,
    ...(options.now ? { now: options.now } : {}),
  });
  return { code, stdout, stderr };
}

/** `node bin/brief.js <args>` in a child process, as a user runs it. */
export function spawnCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
