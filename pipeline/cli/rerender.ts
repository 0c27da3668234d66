import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config.js';
import { FORMATS, LANGS, listOf, parseDate, type Format, type Lang } from './options.js';
import type { CliContext, SetExit } from './context.js';
import { defaultTemplatesDir } from './paths.js';
import { assertTemplatesLintClean } from './check-templates.js';

interface RerenderFlags {
  snapshots: string;
  from?: string;
  to?: string;
  out: string;
  shard?: { index: number; count: number };
  lang: Lang[];
  format: Format[];
  templates?: string;
  config?: string;
  workers?: number;
}

/** "I/N" with 1 ≤ I ≤ N. */
export function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new InvalidArgumentError('expected I/N with 1 ≤ I ≤ N, e.g. 2/4');
  return { index, count };
}

/** A whole number of worker threads, 0 to 64. */
export function parseWorkers(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 64) throw new InvalidArgumentError('expected a whole number from 0 to 64');
  return n;
}

export function registerRerender(program: Command, ctx: CliContext, _setExit: SetExit): Command {
  return program
    .command('rerender')
    .description('re-render stored snapshots with the current templates (one browser for the whole run)')
    .option('--snapshots <dir>', 'snapshot directory', 'snapshots')
    .option('--from <YYYY-MM-DD>', 'first date (inclusive)', parseDate)
    .option('--to <YYYY-MM-DD>', 'last date (inclusive)', parseDate)
    .option('--out <dir>', 'output directory', 'out')
    .option('--shard <I/N>', 'render only part I of N (disjoint parts, for a CI matrix)', parseShard)
    .option('--lang <list>', 'languages: zh,en', listOf(LANGS, 'language'), [...LANGS])
    .option('--format <list>', 'formats: md,html,pdf', listOf(FORMATS, 'format'), [...FORMATS])
    .option('--templates <dir>', 'templates directory')
    .option('--config <file>', 'configuration JSON')
    .option('--workers <n>', 'worker threads composing days (default: cores − 1, at least 1, from 6 days on; 0: none)', parseWorkers)
    .action(async (flags: RerenderFlags) => {
      const config = await loadConfig(flags.config ?? ctx.env.BRIEF_CONFIG);
      const templatesDir = flags.templates ? resolve(ctx.cwd, flags.templates) : defaultTemplatesDir();
      await assertTemplatesLintClean(templatesDir);
      const [{ rerender }, { createProgress }, { lazyPrinter }] = await Promise.all([
        import('../render/rerender.js'),
        import('../render/progress.js'),
        import('../../renderers/pdf/lazy-printer.js'),
      ]);
      const printer = lazyPrinter({ env: ctx.env });
      try {
        const dates = await rerender(
          {
            snapshotsDir: resolve(ctx.cwd, flags.snapshots),
            from: flags.from,
            to: flags.to,
            shard: flags.shard,
            langs: flags.lang,
            formats: flags.format,
            outDir: resolve(ctx.cwd, flags.out),
            templatesDir,
            config,
            ...(flags.workers === undefined ? {} : { workers: flags.workers }),
          },
          printer.get,
          (total) => createProgress(total, { write: ctx.stderr, isTTY: Boolean(process.stderr.isTTY), now: Date.now }),
        );
        ctx.stdout(`rendered ${dates.length} snapshot(s)${dates.length ? `: ${dates[0]} … ${dates.at(-1)}` : ''}\n`);
      } finally {
        await printer.close();
      }
    });
}
