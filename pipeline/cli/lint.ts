import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../kernel/errors.js';
import type { CliContext, SetExit } from './context.js';
import { ownIssues, templatesFor } from './templates-overlay.js';

export function registerLint(program: Command, ctx: CliContext, setExit: SetExit): Command {
  return program
    .command('lint')
    .description('check templates (unknown helpers, missing fields, unsafe constructs) and a notes file, without rendering')
    .option('--templates <dir>', 'templates directory')
    .option('--notes <file>', 'editorial notes file to validate')
    .action(async (flags: { templates?: string; notes?: string }) => {
      const choice = await templatesFor(flags.templates, ctx.cwd);
      const dir = flags.templates ? resolve(ctx.cwd, flags.templates) : choice.dir;
      const { lintTemplates, loadNotes } = await import('../narrative/index.js');
      const issues = ownIssues(await lintTemplates(choice.dir), choice);
      if (choice.fallback.length > 0) ctx.stderr(`${choice.fallback.length} file(s) not in ${dir} come from the built-in templates\n`);
      for (const issue of issues) ctx.stderr(`${issue.file}:${issue.line}: ${issue.message}\n`);
      if (flags.notes) await loadNotes(resolve(ctx.cwd, flags.notes));
      if (issues.length > 0) setExit(ExitCode.usage);
      else ctx.stdout(`templates OK: ${dir}\n`);
    });
}
