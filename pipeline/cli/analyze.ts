import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { loadSnapshot } from '../snapshot/index.js';
import type { CliContext, SetExit } from './context.js';

export function registerAnalyze(program: Command, ctx: CliContext, _setExit: SetExit): Command {
  return program
    .command('analyze')
    .description('print the findings of a snapshot: a readable table, or JSON')
    .requiredOption('--snapshot <file>', 'snapshot JSON file')
    .option('--json', 'print the findings as JSON')
    .option('--config <file>', 'configuration JSON (thresholds)')
    .action(async (flags: { snapshot: string; json?: boolean; config?: string }) => {
      const config = await loadConfig(flags.config ?? ctx.env.BRIEF_CONFIG);
      const { analyze, formatFindingsTable } = await import('../analysis/index.js');
      const snapshot = await loadSnapshot(resolve(ctx.cwd, flags.snapshot));
      const findings = analyze(snapshot, config.thresholds);
      ctx.stdout(flags.json ? `${JSON.stringify(findings, null, 2)}\n` : formatFindingsTable(findings));
    });
}
