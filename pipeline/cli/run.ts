import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, resolveBriefDay } from './lazy.js';
import { ExitCode } from '../../kernel/errors.js';
import { FORMATS, LANGS, listOf, parseAsOf, parseDate, type Format } from './options.js';
import { reportGaps } from './report-gaps.js';
import type { CliContext, SetExit } from './context.js';
import { templatesFor } from './templates-overlay.js';
import { assertTemplatesLintClean } from './check-templates.js';

interface RunFlags {
  date?: string;
  asOf?: 'now';
  snapshots: string;
  out: string;
  site: string;
  collected: string;
  record?: string;
  replay?: string;
  templates?: string;
  config?: string;
  strict?: boolean;
  prune?: boolean;
  published?: string;
  allowCheckFailures?: boolean;
  format: Format[];
}

/**
 * For the scheduler: fetch → analyze → render → publish, under one lock.
 *
 *   1. fetch     the last complete day (or --date; --as-of now for the day so far); a poorer
 *                fetch keeps the stored snapshot
 *   2–3. render  the day, zh and en, every format (--format md,html: a site without PDFs,
 *                where no Chromium runs)
 *   3b. archive  stored snapshots without rendered briefs are rendered (a lost cache)
 *   4. publish   refusing to drop published briefs unless --prune
 */
export function registerRun(program: Command, ctx: CliContext, setExit: SetExit): Command {
  return program
    .command('run')
    .description('fetch, analyze, render and publish one day, for the scheduler')
    .option('--date <YYYY-MM-DD>', 'brief day in the configured timezone (default: the last complete day)', parseDate)
    .option('--as-of <now>', 'brief the day in progress so far (the only value is "now")', parseAsOf)
    .option('--snapshots <dir>', 'snapshot directory', 'snapshots')
    .option('--out <dir>', 'rendered briefs', 'out')
    .option('--site <dir>', 'site directory', 'site')
    .option('--collected <dir>', 'liquidation events written by `brief collect`', 'collected')
    .option('--record <dir>', 'save the raw responses (secrets stripped) into DIR')
    .option('--replay <dir>', 'serve recorded responses from DIR instead of the network')
    .option('--templates <dir>', 'templates directory')
    .option('--format <list>', 'formats rendered and published, comma-separated: md,html,pdf', listOf(FORMATS, 'format'), [...FORMATS])
    .option('--config <file>', 'configuration JSON')
    .option('--strict', 'exit 10 when a data gap is disclosed')
    .option('--allow-check-failures', 'publish briefs even when the check stage finds faults (they are listed on stderr)')
    .option('--prune', 'let the site drop published briefs that are not rendered (refused otherwise)')
    .option('--published <file>', "the live site's briefs.json: briefs that must stay published")
    .action(async (flags: RunFlags) => {
      const config = await loadConfig(flags.config, ctx);
      const [{ withLock }, { fetchSnapshot }, { renderBriefs }, { rerender }, { publishSite }, { lazyPrinter }] = await Promise.all([
        import('../../kernel/fs/index.js'),
        import('../fetch/index.js'),
        import('../render/index.js'),
        import('../render/index.js'),
        import('../publish.js'),
        import('../../renderers/pdf/index.js'),
      ]);
      const { dir: templatesDir } = await templatesFor(flags.templates, ctx.cwd);
      // Before the lock and the fetch: bad templates are the analyst's to fix, and cost no API calls.
      await assertTemplatesLintClean(templatesDir);
      const { date } = await resolveBriefDay({ date: flags.date, asOfNow: flags.asOf === 'now' }, config.timezone, ctx.now());
      await withLock(resolve(ctx.cwd, '.brief-run.lock'), async () => {
        // 1. fetch (exit 3 and nothing written when core data is missing)
        const fetched = await fetchSnapshot({
          date,
          assets: config.assets,
          config,
          outDir: resolve(ctx.cwd, flags.snapshots),
          collectorDir: resolve(ctx.cwd, flags.collected),
          record: flags.record ? resolve(ctx.cwd, flags.record) : undefined,
          replay: flags.replay ? resolve(ctx.cwd, flags.replay) : undefined,
          // Bans (Binance 418, Blockchair 430) persist across runs here, so the next run makes no call before they expire.
          effects: {
            env: ctx.env,
            log: (line: string) => ctx.stderr(`${line}\n`),
            banFile: resolve(ctx.cwd, '.brief-state', 'bans.json'),
          },
        });
        // 2–3. analyze and render every language and format
        const printer = lazyPrinter({ env: ctx.env });
        const outDir = resolve(ctx.cwd, flags.out);
        const snapshotsDir = resolve(ctx.cwd, flags.snapshots);
        try {
          const allowCheckFailures = flags.allowCheckFailures === true;
          await renderBriefs(
            { snapshotFile: fetched.file, langs: LANGS, formats: flags.format, outDir, templatesDir, config, allowCheckFailures },
            printer.get,
          );
          // 3b. the archive: every committed snapshot not rendered in --out (a lost cache) is rendered
          //     again, so the site is rebuilt from what is durable, never from a cache alone.
          const restored = await rerender(
            { snapshotsDir, langs: LANGS, formats: flags.format, outDir, templatesDir, config, missingOnly: true, allowCheckFailures },
            printer.get,
          );
          if (restored.length > 0) ctx.stderr(`archive: rendered ${restored.length} stored day(s) missing from ${outDir}\n`);
        } finally {
          await printer.close();
        }
        // 4. publish (refusing to drop a brief already published, unless --prune)
        const published = await publishSite({
          fromDir: outDir,
          siteDir: resolve(ctx.cwd, flags.site),
          templatesDir,
          config,
          prune: flags.prune,
          publishedFile: flags.published ? resolve(ctx.cwd, flags.published) : undefined,
        });
        if (fetched.kept) ctx.stderr(`kept the stored snapshot ${fetched.file}: ${fetched.kept.join('; ')}\n`);
        ctx.stdout(`${fetched.file}\n${join(outDir, date)}\n${published.release}\n`);
        if (reportGaps(fetched.gaps, ctx) > 0 && flags.strict) setExit(ExitCode.gapUnderStrict);
      });
    });
}
