import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { parseAssets } from './options.js';
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
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        // One collector per folder: two would append the same events twice (exit 75 for the second).
        await withLock(join(outDir, '.collect.lock'), () =>
          runCollector({
            assets: flags.assets ?? config.assets,
            outDir,
            signal: controller.signal,
            env: ctx.env,
            log: (line) => ctx.stderr(`${line}\n`),
          }),
        );
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
