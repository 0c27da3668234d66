import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from './lazy.js';
import { BriefError, ExitCode } from '../../kernel/errors.js';
import type { Gap } from '../../kernel/snapshot/index.js';
import { assertOrderedRange, FORMATS, LANGS, listOf, parseDate, type Format, type Lang } from './options.js';
import { reportGaps } from './report-gaps.js';
import type { CliContext, SetExit } from './context.js';
import { templatesFor } from './templates-overlay.js';
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
  missing?: boolean;
  allowCheckFailures?: boolean;
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

export function registerRerender(program: Command, ctx: CliContext, setExit: SetExit): Command {
  return program
    .command('rerender')
    .description('re-render stored snapshots with the current templates (one browser for the whole run)')
    .option('--snapshots <dir>', 'snapshot directory', 'snapshots')
    .option('--from <YYYY-MM-DD>', 'first date (inclusive)', parseDate)
    .option('--to <YYYY-MM-DD>', 'last date (inclusive)', parseDate)
    .option('--out <dir>', 'output directory', 'out')
    .option('--missing', 'only the days without rendered briefs in --out (rebuild a lost archive)')
    .option('--shard <I/N>', 'render only part I of N (disjoint parts, for a CI matrix)', parseShard)
    .option('--lang <list>', 'languages: zh,en', listOf(LANGS, 'language'), [...LANGS])
    .option('--format <list>', 'formats: md,html,pdf', listOf(FORMATS, 'format'), [...FORMATS])
    .option('--templates <dir>', 'templates directory')
    .option('--config <file>', 'configuration JSON')
    .option('--allow-check-failures', 'write days whose briefs fail the check stage anyway')
    .option('--workers <n>', 'worker threads composing days (default: cores − 1, at least 1, from 6 days on; 0: none)', parseWorkers)
    .action(async (flags: RerenderFlags) => {
      assertOrderedRange(flags.from, flags.to);
      const config = await loadConfig(flags.config, ctx);
      const snapshotsDir = resolve(ctx.cwd, flags.snapshots);
      for (const name of await oddJsonNames(snapshotsDir))
        ctx.stderr(`skipped: ${join(snapshotsDir, name)} (not named <YYYY-MM-DD>.json)\n`);
      const { dir: templatesDir } = await templatesFor(flags.templates, ctx.cwd);
      await assertTemplatesLintClean(templatesDir);
      const [{ rerender }, { createProgress }, { lazyPrinter }] = await Promise.all([
        import('../render/index.js'),
        import('../render/index.js'),
        import('../../renderers/pdf/index.js'),
      ]);
      const printer = lazyPrinter({ env: ctx.env });
      const failed: { date: string; error: unknown }[] = [];
      try {
        const dates = await rerender(
          {
            snapshotsDir,
            from: flags.from,
            to: flags.to,
            shard: flags.shard,
            langs: flags.lang,
            formats: flags.format,
            outDir: resolve(ctx.cwd, flags.out),
            templatesDir,
            config,
            ...(flags.workers === undefined ? {} : { workers: flags.workers }),
            allowCheckFailures: flags.allowCheckFailures === true,
            missingOnly: flags.missing === true,
            onFailure: (date, error) => {
              failed.push({ date, error });
              ctx.stderr(`failed: ${date}: ${error instanceof Error ? error.message : String(error)}\n`);
            },
          },
          printer.get,
          (total) => createProgress(total, { write: ctx.stderr, isTTY: ctx.stderrIsTTY, now: Date.now }),
        );
        for (const date of dates) {
          // "gap: 2024-01-04: etfFlows from coinglass (BTC): …", one line per gap, as render prints them plus the day.
          reportGaps(await gapsOf(join(snapshotsDir, `${date}.json`)), {
            ...ctx,
            stderr: (line) => ctx.stderr(line.replace(/^gap: /, `gap: ${date}: `)),
          });
        }
        ctx.stdout(
          `${summary(
            dates,
            failed.map((f) => f.date),
          )}\n`,
        );
        if (failed.length > 0) setExit(worstExit(failed.map((f) => f.error)));
      } finally {
        await printer.close();
      }
    });
}

/** "364 ok, 1 failed: 2024-03-02" (and the range rendered). */
export function summary(ok: readonly string[], failed: readonly string[]): string {
  const range = ok.length ? ` (${ok[0]} … ${ok.at(-1)})` : '';
  const sortedFailed = [...failed].sort();
  return `${ok.length} ok${range}, ${sortedFailed.length} failed${sortedFailed.length ? `: ${sortedFailed.join(', ')}` : ''}`;
}

/** A failed day's exit code: the highest pipeline code among the failures (a bug counts as 1). */
function worstExit(errors: readonly unknown[]): number {
  return Math.max(...errors.map((e) => (e instanceof BriefError ? e.exitCode : ExitCode.bug)));
}

/** `.json` files in the snapshot folder that rerender will not read (notes files aside). */
async function oddJsonNames(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.json') && !/^\d{4}-\d{2}-\d{2}\.json$/.test(n) && !/\.notes\.json$/.test(n)).sort();
}

/** A rendered snapshot's disclosed gaps (it was validated when it rendered). */
async function gapsOf(file: string): Promise<Gap[]> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { gaps?: Gap[] };
  return parsed.gaps ?? [];
}
