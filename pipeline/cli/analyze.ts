import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from './lazy.js';
import { loadSnapshot } from './lazy.js';
import type { CliContext, SetExit } from './context.js';
import { snapshotArgument } from './options.js';

export function registerAnalyze(program: Command, ctx: CliContext, _setExit: SetExit): Command {
  return program
    .command('analyze')
    .description('print the findings of a snapshot: a readable table, or JSON')
    .argument('[snapshot]', 'snapshot JSON file, e.g. snapshots/2024-01-04.json')
    .option('--snapshot <file>', 'the snapshot, as a flag (same as the argument)')
    .option('--json', 'print the findings as JSON')
    .option('--config <file>', 'configuration JSON (thresholds)')
    .action(async (positional: string | undefined, flags: { snapshot?: string; json?: boolean; config?: string }) => {
      const snapshotFile = resolve(ctx.cwd, snapshotArgument(positional, flags.snapshot, 'analyze'));
      const config = await loadConfig(flags.config, ctx);
      const { analyze, formatFindingsTable } = await import('../analysis/index.js');
      const snapshot = await loadSnapshot(snapshotFile);
      const findings = analyze(snapshot, config.thresholds);
      ctx.stdout(flags.json ? `${JSON.stringify(findings, null, 2)}\n` : formatFindingsTable(findings));
    });
}
