import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from './lazy.js';
import { ExitCode } from '../../kernel/errors.js';
import { FORMATS, LANGS, listOf, snapshotArgument, type Format, type Lang } from './options.js';
import { reportGaps } from './report-gaps.js';
import type { CliContext, SetExit } from './context.js';
import { templatesFor } from './templates-overlay.js';
import { assertTemplatesLintClean } from './check-templates.js';

interface RenderFlags {
  snapshot?: string;
  lang: Lang[];
  format: Format[];
  out: string;
  notes?: string;
  templates?: string;
  config?: string;
  strict?: boolean;
  allowCheckFailures?: boolean;
}

export function registerRender(program: Command, ctx: CliContext, setExit: SetExit): Command {
  return program
    .command('render')
    .description('render a stored snapshot into briefs: DIR/<date>/<lang>.md, .html, .pdf (and chart SVGs)')
    .argument('[snapshot]', 'snapshot JSON file, e.g. snapshots/2024-01-04.json')
    .option('--snapshot <file>', 'the snapshot, as a flag (same as the argument)')
    .option('--lang <list>', 'languages, comma-separated: zh,en', listOf(LANGS, 'language'), [...LANGS])
    .option('--format <list>', 'formats, comma-separated: md,html,pdf', listOf(FORMATS, 'format'), [...FORMATS])
    .option('--out <dir>', 'output directory', 'out')
    .option('--notes <file>', 'editorial notes (YAML or JSON); default: <date>.notes.yaml beside the snapshot')
    .option('--templates <dir>', 'templates directory (zh/, en/, layout/)')
    .option('--config <file>', 'configuration JSON (default: built-in; or BRIEF_CONFIG)')
    .option('--strict', 'exit 10 when the snapshot has data gaps')
    .option('--allow-check-failures', 'write the briefs even when the check stage finds faults (they are listed on stderr)')
    .action(async (positional: string | undefined, flags: RenderFlags) => {
      const snapshotFile = resolve(ctx.cwd, snapshotArgument(positional, flags.snapshot, 'render'));
      const config = await loadConfig(flags.config, ctx);
      const { dir: templatesDir } = await templatesFor(flags.templates, ctx.cwd);
      await assertTemplatesLintClean(templatesDir);
      // Loaded on use, so `--help` and usage errors stay fast.
      const { renderBriefs } = await import('../render/index.js');
      const { lazyPrinter } = await import('../../renderers/pdf/index.js');
      const printer = lazyPrinter({ env: ctx.env });
      try {
        const result = await renderBriefs(
          {
            snapshotFile,
            langs: flags.lang,
            formats: flags.format,
            outDir: resolve(ctx.cwd, flags.out),
            templatesDir,
            config,
            notesFile: flags.notes ? resolve(ctx.cwd, flags.notes) : undefined,
            allowCheckFailures: flags.allowCheckFailures,
          },
          printer.get,
        );
        for (const file of result.files) ctx.stdout(`${file}\n`);
        const { formatFailure } = await import('../check/index.js');
        for (const failure of result.check.failures) ctx.stderr(`${formatFailure(failure)}\n`);
        const gaps = reportGaps(result.snapshot.gaps, ctx);
        if (gaps > 0 && flags.strict) setExit(ExitCode.gapUnderStrict);
      } finally {
        await printer.close();
      }
    });
}
