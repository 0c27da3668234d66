/**
 * A progress line for long runs: count, percentage, elapsed and an ETA from the mean time per
 * item so far. On a terminal it redraws one line; otherwise it prints a line every 10 %.
 */
export interface Progress {
  tick(label: string): void;
  done(): void;
}

export function createProgress(total: number, options: { write: (text: string) => void; isTTY: boolean; now: () => number }): Progress {
  const started = options.now();
  let count = 0;
  let lastDecile = 0;
  const line = (label: string) => {
    const elapsed = options.now() - started;
    const fraction = total === 0 ? 1 : count / total;
    const eta = count === 0 ? 0 : (elapsed / count) * (total - count);
    const width = 24;
    const filled = Math.round(fraction * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total} ${Math.round(fraction * 100)}% elapsed ${duration(elapsed)} ETA ${duration(eta)} ${label}`;
  };
  return {
    tick(label) {
      count += 1;
      if (options.isTTY) options.write(`\r${line(label)}\u001b[K`);
      else {
        const decile = Math.floor((count / Math.max(total, 1)) * 10);
        if (decile > lastDecile || count === total) {
          lastDecile = decile;
          options.write(`${line(label)}\n`);
        }
      }
    },
    done() {
      if (options.isTTY) options.write('\n');
    },
  };
}

/** "1h02m", "3m05s", "12s". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}
