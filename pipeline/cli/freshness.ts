import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext, SetExit } from './context.js';

function parseHours(value: string): number {
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0) throw new InvalidArgumentError('expected a positive number of hours');
  return hours;
}

export function registerFreshness(program: Command, ctx: CliContext, _setExit: SetExit): Command {
  return program
    .command('freshness')
    .description("fail (exit 5) when the published site's newest brief is older than the limit")
    .option('--site <dir>', 'site directory', 'site')
    .option('--max-age-hours <hours>', 'age limit in hours', parseHours, 26)
    .action(async (flags: { site: string; maxAgeHours: number }) => {
      const { checkFreshness } = await import('../freshness.js');
      const result = await checkFreshness(resolve(ctx.cwd, flags.site), flags.maxAgeHours, ctx.now());
      ctx.stdout(`newest brief: data as of ${result.newest} (${result.ageHours.toFixed(1)} hours old)\n`);
    });
}
