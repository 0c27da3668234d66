import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { loadConfig } from './lazy.js';
import { parseAssets } from './options.js';
import { onShutdown } from '../../kernel/process/index.js';
import type { CliContext, SetExit } from './context.js';

function parseSeconds(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of seconds, at least 1');
  return Number(value);
}

export function registerCollect(program: Command, ctx: CliContext, setExit: SetExit): Command {
  return program
    .command('collect')
    .description("long-running: record liquidations from the exchanges' public streams, one file per day")
    .option('--assets <list>', 'assets, comma-separated (default from config)', parseAssets)
    .option('--collected <dir>', 'directory for the per-day event files (the folder fetch and run read)', 'collected')
    .addOption(new Option('--out <dir>', 'deprecated: use --collected').hideHelp())
    .option('--config <file>', 'configuration JSON')
    .option(
      '--health',
      "check the collector running on --collected instead of collecting: exit 0 healthy, 1 not (a health check's convention)",
    )
    .option('--max-age <seconds>', 'with --health: the heartbeat must be newer than this', parseSeconds, 120)
    .action(async (flags: { assets?: string[]; collected: string; out?: string; config?: string; health?: boolean; maxAge: number }) => {
      if (flags.health) {
        const { checkHealth } = await import('../../sources/collector/index.js');
        const health = await checkHealth(resolve(ctx.cwd, flags.out ?? flags.collected), {
          now: ctx.now(),
          maxAgeMs: flags.maxAge * 1000,
        });
        (health.healthy ? ctx.stdout : ctx.stderr)(`${health.message}\n`);
        setExit(health.healthy ? 0 : 1);
        return;
      }
      const config = await loadConfig(flags.config, ctx);
      const { runCollector } = await import('../../sources/collector/index.js');
      const { withLock } = await import('../../kernel/fs/index.js');
      if (flags.out !== undefined) ctx.stderr('brief: collect --out is deprecated; use --collected\n');
      const outDir = resolve(ctx.cwd, flags.out ?? flags.collected);
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
