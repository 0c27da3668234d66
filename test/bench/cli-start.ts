/**
 * How long `brief --help` takes to print, as a user starts it (`node bin/brief.js --help`, a new
 * process each time), from the build (dist/) and from the sources through tsx; against a bare
 * `node -e ''` on the same machine at the same time, the floor no code of ours can go under.
 * Medians of interleaved runs, so a busy moment of a shared machine hits all three alike.
 * Each run's CPU time (user + system, reported by the child at exit) is kept too: on a machine
 * shared with other jobs it moves far less than the wall time does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliStartFigures {
  runs: number;
  distMs: number;
  sourcesMs: number;
  bareNodeMs: number;
  /** Ours on top of Node's own start, from the build. */
  distOverNodeMs: number;
  /** CPU time (user + system) of the same runs, medians. */
  distCpuMs: number;
  sourcesCpuMs: number;
  bareNodeCpuMs: number;
}

/** Preloaded into each child: its own CPU time, written to stderr as it exits. */
const CPU_REPORT = `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('cpu-us ' + (u.user + u.system) + '\\n'); });\n`;

function timed(args: string[], env: NodeJS.ProcessEnv, cwd: string, report: string): { ms: number; cpuMs: number } {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--require', report, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr.toString()}`);
  const cpu = /cpu-us (\d+)/.exec(run.stderr.toString());
  return { ms, cpuMs: cpu ? Number(cpu[1]) / 1000 : Number.NaN };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function benchCliStart(root: string, runs = 11): CliStartFigures {
  const bin = join(root, 'bin', 'brief.js');
  const scratch = mkdtempSync(join(tmpdir(), 'brief-cli-start-'));
  const report = join(scratch, 'cpu-report.cjs');
  writeFileSync(report, CPU_REPORT);
  const dist: { ms: number; cpuMs: number }[] = [];
  const sources: { ms: number; cpuMs: number }[] = [];
  const bare: { ms: number; cpuMs: number }[] = [];
  const fromDist = { ...process.env, BRIEF_RUN: 'dist' };
  const fromSources = { ...process.env, BRIEF_RUN: 'sources' };
  try {
    // One warm-up each (the disk cache), not counted.
    timed([bin, '--help'], fromDist, root, report);
    timed([bin, '--help'], fromSources, root, report);
    for (let i = 0; i < runs; i++) {
      bare.push(timed(['-e', ''], process.env, root, report));
      dist.push(timed([bin, '--help'], fromDist, root, report));
      sources.push(timed([bin, '--help'], fromSources, root, report));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const distMs = median(dist.map((r) => r.ms));
  const bareNodeMs = median(bare.map((r) => r.ms));
  return {
    runs,
    distMs,
    sourcesMs: median(sources.map((r) => r.ms)),
    bareNodeMs,
    distOverNodeMs: distMs - bareNodeMs,
    distCpuMs: median(dist.map((r) => r.cpuMs)),
    sourcesCpuMs: median(sources.map((r) => r.cpuMs)),
    bareNodeCpuMs: median(bare.map((r) => r.cpuMs)),
  };
}
