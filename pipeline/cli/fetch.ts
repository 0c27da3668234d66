import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { ExitCode } from '../errors.js';
import { parseAsOf, parseAssets, parseDate } from './options.js';
import { resolveBriefDay } from '../fetch/brief-day.js';
import { reportGaps } from './report-gaps.js';
import type { CliContext, SetExit } from './context.js';

interface FetchFlags {
  date?: string;
  asOf?: 'now';
  assets?: string[];
  out: string;
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
    .option('--out <dir>', 'snapshot directory', 'snapshots')
    .option('--record <dir>', 'save the raw responses (secrets stripped) into DIR')
    .option('--replay <dir>', 'serve recorded responses from DIR instead of the network')
    .option('--collected <dir>', 'liquidation events written by `brief collect`', 'collected')
    .option('--config <file>', 'configuration JSON')
    .option('--strict', 'exit 10 when a data gap is disclosed')
    .action(async (flags: FetchFlags) => {
      const config = await loadConfig(flags.config ?? ctx.env.BRIEF_CONFIG);
      const { fetchSnapshot } = await import('../fetch/index.js');
      const { date } = resolveBriefDay({ date: flags.date, asOfNow: flags.asOf === 'now' }, config.timezone, ctx.now());
      const result = await fetchSnapshot({
        date,
        assets: flags.assets ?? config.assets,
        config,
        outDir: resolve(ctx.cwd, flags.out),
        record: flags.record ? resolve(ctx.cwd, flags.record) : undefined,
        replay: flags.replay ? resolve(ctx.cwd, flags.replay) : undefined,
        collectorDir: resolve(ctx.cwd, flags.collected),
        // Bans (Binance 418, Blockchair 430) persist across runs here, so the next run makes no call before they expire.
        effects: { env: ctx.env, log: (line: string) => ctx.stderr(`${line}\n`), banFile: resolve(ctx.cwd, '.brief-state', 'bans.json') },
      });
      ctx.stdout(`${result.file}\n`);
      if (result.kept) ctx.stderr(`kept the stored snapshot ${result.file}: ${result.kept.join('; ')}\n`);
      if (reportGaps(result.gaps, ctx) > 0 && flags.strict) setExit(ExitCode.gapUnderStrict);
    });
}
