import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../errors.js';
import type { CliContext, SetExit } from './context.js';
import { defaultTemplatesDir } from './paths.js';

export function registerLint(program: Command, ctx: CliContext, setExit: SetExit): Command {
  return program
    .command('lint')
    .description('check templates (unknown helpers, missing fields, unsafe constructs) and a notes file, without rendering')
    .option('--templates <dir>', 'templates directory')
    .option('--notes <file>', 'editorial notes file to validate')
    .action(async (flags: { templates?: string; notes?: string }) => {
      const dir = flags.templates ? resolve(ctx.cwd, flags.templates) : defaultTemplatesDir();
      const { lintTemplates, loadNotes } = await import('../narrative/index.js');
      const issues = await lintTemplates(dir);
      for (const issue of issues) ctx.stderr(`${issue.file}:${issue.line}: ${issue.message}\n`);
      if (flags.notes) await loadNotes(resolve(ctx.cwd, flags.notes));
      if (issues.length > 0) setExit(ExitCode.usage);
      else ctx.stdout(`templates OK: ${dir}\n`);
    });
}
