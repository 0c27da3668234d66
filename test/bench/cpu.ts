/**
 * CPU time spent while a benchmark runs, split between Node (every thread of this process:
 * the main thread, compose workers, V8's GC and compiler threads) and Chromium (its process
 * tree: browser, renderers, GPU and utility processes). Chromium's renderers come and go (the
 * printer replaces a page after 100 prints), so its tree is sampled every `intervalMs` and each
 * process counts with the most CPU it was seen to have; a process's last interval before it
 * ended is missed. Linux only (/proc); elsewhere Chromium's figure is 0. Milliseconds.
 */
import { readFileSync } from 'node:fs';
import { processTree } from './memory.js';

/** utime + stime of one process, ms (0 if it is gone). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), in clock ticks of 10 ms on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

export interface CpuUse {
  nodeMs: number;
  chromiumMs: number;
}

export function startCpuSampler(chromiumPid: () => number | undefined, intervalMs = 200): { stop(): CpuUse } {
  const node0 = process.cpuUsage();
  const seen = new Map<number, number>();
  const sample = () => {
    const root = chromiumPid();
    if (root === undefined) return;
    for (const pid of processTree(root)) seen.set(pid, Math.max(seen.get(pid) ?? 0, processCpuMs(pid)));
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      const node = process.cpuUsage(node0);
      return { nodeMs: (node.user + node.system) / 1000, chromiumMs: [...seen.values()].reduce((a, b) => a + b, 0) };
    },
  };
}
