import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from './lazy.js';
import type { CliContext, SetExit } from './context.js';
import { templatesFor } from './templates-overlay.js';

export function registerPublish(program: Command, ctx: CliContext, _setExit: SetExit): Command {
  return program
    .command('publish')
    .description('build the static site from rendered briefs and swap it in atomically')
    .option('--briefs <dir>', 'rendered briefs (DIR/<date>/<lang>.*)', 'out')
    .addOption(new Option('--from <dir>', 'deprecated: use --briefs').hideHelp())
    .option('--site <dir>', 'site directory (a link to the current release)', 'site')
    .option('--templates <dir>', 'templates directory (layout/ is used for the index)')
    .option('--config <file>', 'configuration JSON')
    .option('--prune', 'remove published briefs that are not among the rendered ones (refused otherwise)')
    .option('--published <file>', "the live site's briefs.json: briefs that must stay published")
    .action(
      async (flags: {
        briefs: string;
        from?: string;
        site: string;
        templates?: string;
        config?: string;
        prune?: boolean;
        published?: string;
      }) => {
        const config = await loadConfig(flags.config, ctx);
        if (flags.from !== undefined) ctx.stderr('brief: publish --from is deprecated; use --briefs\n');
        const { publishSite } = await import('../publish.js');
        const result = await publishSite({
          fromDir: resolve(ctx.cwd, flags.from ?? flags.briefs),
          siteDir: resolve(ctx.cwd, flags.site),
          templatesDir: (await templatesFor(flags.templates, ctx.cwd)).dir,
          config,
          prune: flags.prune,
          publishedFile: flags.published ? resolve(ctx.cwd, flags.published) : undefined,
        });
        ctx.stdout(`published ${result.files.length} files: ${result.release}\n`);
        if (result.dropped.length > 0) ctx.stderr(`pruned ${result.dropped.length} brief(s): ${result.dropped.join(', ')}\n`);
      },
    );
}
