/**
 * `brief check --snapshot FILE`: the check stage alone. Composes the zh and en briefs of a
 * snapshot as render would (charts included, nothing written) and runs the copy desk's rules.
 * Failures go to stderr and exit 4; `--report` prints, per brief, every rule passed or failed.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from './lazy.js';
import { ExitCode } from '../../kernel/errors.js';
import type { CliContext, SetExit } from './context.js';
import { snapshotArgument } from './options.js';
import { templatesFor } from './templates-overlay.js';
import { assertTemplatesLintClean } from './check-templates.js';

interface CheckFlags {
  snapshot?: string;
  notes?: string;
  templates?: string;
  config?: string;
  report?: boolean;
}

export function registerCheck(program: Command, ctx: CliContext, setExit: SetExit): Command {
  return program
    .command('check')
    .description(
      "check a snapshot's zh and en briefs against the copy desk's rules (figures traced, one value per quantity, windows, parts ≤ totals, zh = en, house style); exit 4 on a failure",
    )
    .argument('[snapshot]', 'snapshot JSON file, e.g. snapshots/2024-01-04.json')
    .option('--snapshot <file>', 'the snapshot, as a flag (same as the argument)')
    .option('--notes <file>', 'editorial notes (YAML or JSON); default: <date>.notes.yaml beside the snapshot')
    .option('--templates <dir>', 'templates directory (zh/, en/, layout/)')
    .option('--config <file>', 'configuration JSON (default: built-in; or BRIEF_CONFIG)')
    .option('--report', 'print every rule passed or failed, per brief')
    .action(async (positional: string | undefined, flags: CheckFlags) => {
      const snapshotFile = resolve(ctx.cwd, snapshotArgument(positional, flags.snapshot, 'check'));
      const config = await loadConfig(flags.config, ctx);
      const { dir: templatesDir } = await templatesFor(flags.templates, ctx.cwd);
      await assertTemplatesLintClean(templatesDir);
      const [{ renderBriefs }, { formatFailure, formatReport }] = await Promise.all([
        import('../render/index.js'),
        import('../check/index.js'),
      ]);
      // Markdown only, nothing written (no formats): the check runs inside, failures let through
      // so that the report can list them all.
      const result = await renderBriefs(
        {
          snapshotFile,
          langs: ['zh', 'en'],
          formats: [],
          outDir: resolve(ctx.cwd, '.brief-check-unused'),
          templatesDir,
          config,
          notesFile: flags.notes ? resolve(ctx.cwd, flags.notes) : undefined,
          allowCheckFailures: true,
          dryRun: true,
        },
        () => Promise.reject(new Error('brief check prints no PDF')),
      );
      if (flags.report) ctx.stdout(`${formatReport(result.check, config.briefLength)}\n`);
      for (const failure of result.check.failures) ctx.stderr(`${formatFailure(failure)}\n`);
      if (result.check.failures.length > 0) setExit(ExitCode.renderFailed);
    });
}
