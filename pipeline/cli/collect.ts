import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { parseAssets } from './options.js';
import { onShutdown } from '../process/shutdown.js';
import type { CliContext, SetExit } from './context.js';

export function registerCollect(program: Command, ctx: CliContext, _setExit: SetExit): Command {
  return program
    .command('collect')
    .description("long-running: record liquidations from the exchanges' public streams, one file per day")
    .option('--assets <list>', 'assets, comma-separated (default from config)', parseAssets)
    .option('--out <dir>', 'directory for the per-day event files', 'collected')
    .option('--config <file>', 'configuration JSON')
    .action(async (flags: { assets?: string[]; out: string; config?: string }) => {
      const config = await loadConfig(flags.config ?? ctx.env.BRIEF_CONFIG);
      const { runCollector } = await import('../../sources/collector/index.js');
      const { withLock } = await import('../fs/lock.js');
      const outDir = resolve(ctx.cwd, flags.out);
      await mkdir(outDir, { recursive: true });
      const controller = new AbortController();
      // One collector per folder: two would append the same events twice (exit 75 for the second).
      await withLock(join(outDir, '.collect.lock'), async () => {
        const collecting = runCollector({
          assets: flags.assets ?? config.assets,
          outDir,
          signal: controller.signal,
          env: ctx.env,
          log: (line) => ctx.stderr(`${line}\n`),
        });
        // A stop signal ends the streams and waits for the day files to be flushed; cleanups run
        // last-registered first, so the lock is released after that.
        const unregister = onShutdown(async () => {
          controller.abort();
          await collecting.catch(() => undefined);
        });
        try {
          await collecting;
        } finally {
          unregister();
        }
      });
    });
}
