/**
 * Resident memory while a benchmark runs: the Node process (process.memoryUsage().rss) and
 * Chromium (the sum of VmRSS in /proc/<pid>/status over the browser's process tree: browser,
 * renderers, GPU and utility processes). Samples every `intervalMs`, each tagged with the
 * caller's current phase (e.g. the day index of a batch), so windows can be compared.
 * Linux only (/proc); elsewhere Chromium's figure is 0. Sizes in bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface MemorySample {
  atMs: number;
  phase: number;
  nodeRss: number;
  chromiumRss: number;
}

/** Parent pid of every process, from /proc/<pid>/stat (field 4, after the parenthesised name). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return parents;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return parents;
}

/** `root` and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentPids()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** VmRSS of one process, bytes (0 if it is gone or has no memory, e.g. a zombie). */
export function vmRss(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function treeRss(root: number | undefined): number {
  if (root === undefined) return 0;
  return processTree(root).reduce((sum, pid) => sum + vmRss(pid), 0);
}

export interface MemorySampler {
  /** Tags the following samples (e.g. with the number of days done). */
  setPhase(phase: number): void;
  /** Takes one sample now (also done on a timer). */
  sample(): void;
  stop(): MemorySample[];
}

export function startMemorySampler(chromiumPid: () => number | undefined, intervalMs = 250): MemorySampler {
  const samples: MemorySample[] = [];
  const started = performance.now();
  let phase = 0;
  const sample = () => {
    samples.push({ atMs: performance.now() - started, phase, nodeRss: process.memoryUsage().rss, chromiumRss: treeRss(chromiumPid()) });
  };
  const timer = setInterval(sample, intervalMs);
  return {
    setPhase: (next) => {
      phase = next;
    },
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return samples;
    },
  };
}

export interface MemoryWindow {
  samples: number;
  peakNodeRss: number;
  peakChromiumRss: number;
  /** Peak of the sum, sample by sample. */
  peakTotalRss: number;
  meanTotalRss: number;
}

export function summarise(samples: readonly MemorySample[]): MemoryWindow {
  const totals = samples.map((s) => s.nodeRss + s.chromiumRss);
  return {
    samples: samples.length,
    peakNodeRss: Math.max(0, ...samples.map((s) => s.nodeRss)),
    peakChromiumRss: Math.max(0, ...samples.map((s) => s.chromiumRss)),
    peakTotalRss: Math.max(0, ...totals),
    meanTotalRss: totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : 0,
  };
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}
