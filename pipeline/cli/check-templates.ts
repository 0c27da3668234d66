/**
 * Template checks before anything renders (reliability.md B11): the verbs that render run the
 * same lint as `brief lint`, so a field the brief model does not have, an unknown helper or a
 * forbidden construct stops the run with exit 2 and `file:line: message` lines, before a single
 * file is written, instead of failing half-way through a render with no file named.
 */
import { InputError } from '../../kernel/errors.js';

export async function assertTemplatesLintClean(templatesDir: string): Promise<void> {
  const { lintTemplates } = await import('../narrative/index.js');
  const issues = await lintTemplates(templatesDir);
  if (issues.length > 0) {
    throw new InputError(
      templatesDir,
      `the templates have ${issues.length} problem(s); run \`brief lint --templates ${templatesDir}\``,
      issues.map((issue) => `${issue.file}:${issue.line}: ${issue.message}`),
    );
  }
}
