import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { loadConfig, resolveBriefDay } from './lazy.js';
import { ExitCode } from '../../kernel/errors.js';
import { parseAsOf, parseAssets, parseDate } from './options.js';
import { reportGaps } from './report-gaps.js';
import type { CliContext, SetExit } from './context.js';
import { providerSummary, startLine, withRequestTimeout } from './fetch-report.js';

/** Seconds, more than 0 and at most 600, as milliseconds. */
function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0 || seconds > 600)
    throw new InvalidArgumentError('expected seconds, more than 0 and at most 600');
  return Math.round(seconds * 1000);
}

interface FetchFlags {
  date?: string;
  asOf?: 'now';
  assets?: string[];
  snapshots: string;
  /** Deprecated name of --snapshots. */
  out?: string;
  timeout?: number;
  record?: string;
  replay?: string;
  collected: string;
  config?: string;
  strict?: boolean;
}

export function registerFetch(program: Command, ctx: CliContext, setExit: SetExit): Command {
  return program
    .command('fetch')
    .description("fetch the providers' public data for a day into DIR/<date>.json (a validated snapshot)")
    .option('--date <YYYY-MM-DD>', 'brief day in the configured timezone (default: the last complete day)', parseDate)
    .option('--as-of <now>', 'brief the day in progress so far (the only value is "now")', parseAsOf)
    .option('--assets <list>', 'assets, comma-separated (default from config: BTC)', parseAssets)
    .option('--snapshots <dir>', 'snapshot directory (the snapshot is written to DIR/<date>.json)', 'snapshots')
    .addOption(new Option('--out <dir>', 'deprecated: use --snapshots').hideHelp())
    .option('--timeout <seconds>', 'per-request deadline for every provider (default 15; config: providers.<id>.timeoutMs)', parseTimeout)
    .option('--record <dir>', 'save the raw responses (secrets stripped) into DIR')
    .option('--replay <dir>', 'serve recorded responses from DIR instead of the network')
    .option('--collected <dir>', 'liquidation events written by `brief collect`', 'collected')
    .option('--config <file>', 'configuration JSON')
    .option('--strict', 'exit 10 when a data gap is disclosed')
    .action(async (flags: FetchFlags) => {
      const loaded = await loadConfig(flags.config, ctx);
      if (flags.out !== undefined) ctx.stderr('brief: fetch --out is deprecated; use --snapshots\n');
      const snapshotsDir = resolve(ctx.cwd, flags.out ?? flags.snapshots);
      const [{ fetchSnapshot }, { PROVIDER_IDS, DEFAULT_HTTP }] = await Promise.all([
        import('../fetch/index.js'),
        import('../../sources/index.js'),
      ]);
      const config = flags.timeout === undefined ? loaded : withRequestTimeout(loaded, PROVIDER_IDS, flags.timeout);
      const { date } = await resolveBriefDay({ date: flags.date, asOfNow: flags.asOf === 'now' }, config.timezone, ctx.now());
      const assets = flags.assets ?? config.assets;
      ctx.stderr(`${startLine(date, assets, config.timezone, PROVIDER_IDS, flags.timeout ?? DEFAULT_HTTP.timeoutMs)}\n`);
      const result = await fetchSnapshot({
        date,
        assets,
        config,
        outDir: snapshotsDir,
        record: flags.record ? resolve(ctx.cwd, flags.record) : undefined,
        replay: flags.replay ? resolve(ctx.cwd, flags.replay) : undefined,
        collectorDir: resolve(ctx.cwd, flags.collected),
        // Bans (Binance 418, Blockchair 430) persist across runs here, so the next run makes no call before they expire.
        // The clock is the context's (tests fix it), except on --replay, which runs at the recorded instant.
        effects: {
          ...(flags.replay ? {} : { now: ctx.now }),
          env: ctx.env,
          log: (line: string) => ctx.stderr(`${line}\n`),
          banFile: resolve(ctx.cwd, '.brief-state', 'bans.json'),
        },
      });
      for (const line of providerSummary(PROVIDER_IDS, result.gaps)) ctx.stderr(`${line}\n`);
      ctx.stdout(`${result.file}\n`);
      if (result.kept) ctx.stderr(`kept the stored snapshot ${result.file}: ${result.kept.join('; ')}\n`);
      if (reportGaps(result.gaps, ctx) > 0 && flags.strict) setExit(ExitCode.gapUnderStrict);
    });
}
