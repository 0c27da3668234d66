/**
 * `brief init [DIR]`: a copy of the built-in templates (zh/, en/, layout/) to edit, so a team
 * starts from the working set. It never overwrites: an existing, non-empty DIR is refused.
 * With `--templates DIR` the verbs also fall back to the built-in file for any DIR lacks
 * (templates-overlay.ts), so DIR may keep only the files the team changed.
 */
import { cp, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../kernel/errors.js';
import type { CliContext, SetExit } from './context.js';
import { defaultTemplatesDir } from './paths.js';
import { listTree } from './templates-overlay.js';

export function registerInit(program: Command, ctx: CliContext, _setExit: SetExit): Command {
  return program
    .command('init')
    .description('copy the built-in templates into DIR (default: templates) to edit them')
    .argument('[dir]', 'where to put the copy', 'templates')
    .action(async (dir: string) => {
      const target = resolve(ctx.cwd, dir);
      const existing = await readdir(target).catch(() => undefined);
      if (existing && existing.length > 0) {
        throw new UsageError(`${target} already exists and is not empty; choose another folder (nothing was copied)`);
      }
      const source = defaultTemplatesDir();
      await cp(source, target, { recursive: true, errorOnExist: true, force: false });
      const files = await listTree(target);
      ctx.stdout(`copied ${files.length} template files to ${target}\n`);
      ctx.stdout(`next: edit them, check with \`brief lint --templates ${dir}\`, watch with \`brief preview --templates ${dir}\`\n`);
    });
}
