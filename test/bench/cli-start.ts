/**
 * How long `brief --help` takes to print, as a user starts it (`node bin/brief.js --help`, a new
 * process each time), from the build (dist/) and from the sources through tsx; against a bare
 * `node -e ''` on the same machine at the same time, the floor no code of ours can go under.
 * Medians of interleaved runs, so a busy moment of a shared machine hits all three alike.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface CliStartFigures {
  runs: number;
  distMs: number;
  sourcesMs: number;
  bareNodeMs: number;
  /** Ours on top of Node's own start, from the build. */
  distOverNodeMs: number;
}

function timed(args: string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr.toString()}`);
  return ms;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function benchCliStart(root: string, runs = 11): CliStartFigures {
  const bin = join(root, 'bin', 'brief.js');
  const dist: number[] = [];
  const sources: number[] = [];
  const bare: number[] = [];
  // One warm-up each (the disk cache), not counted.
  timed([bin, '--help'], { ...process.env, BRIEF_RUN: 'dist' }, root);
  timed([bin, '--help'], { ...process.env, BRIEF_RUN: 'sources' }, root);
  for (let i = 0; i < runs; i++) {
    bare.push(timed(['-e', ''], process.env, root));
    dist.push(timed([bin, '--help'], { ...process.env, BRIEF_RUN: 'dist' }, root));
    sources.push(timed([bin, '--help'], { ...process.env, BRIEF_RUN: 'sources' }, root));
  }
  const distMs = median(dist);
  const bareNodeMs = median(bare);
  return { runs, distMs, sourcesMs: median(sources), bareNodeMs, distOverNodeMs: distMs - bareNodeMs };
}
