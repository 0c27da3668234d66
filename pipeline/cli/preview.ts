import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../kernel/errors.js';
import { parseDate, parsePort } from './options.js';
import type { CliContext, SetExit } from './context.js';
import { templatesFor } from './templates-overlay.js';

interface PreviewFlags {
  date?: string;
  snapshots: string;
  port: number;
  templates?: string;
  notes?: string;
  config?: string;
}

export function registerPreview(program: Command, ctx: CliContext, _setExit: SetExit): Command {
  return program
    .command('preview')
    .description('live preview on 127.0.0.1: zh and en side by side, re-rendered on every change')
    .option('--date <YYYY-MM-DD>', 'snapshot date (default: the newest snapshot)', parseDate)
    .option('--snapshots <dir>', 'snapshot directory', 'snapshots')
    .option('--port <n>', 'port (0 = any free port)', parsePort, 4173)
    .option('--templates <dir>', 'templates directory')
    .option('--notes <file>', 'editorial notes file')
    .option('--config <file>', 'configuration JSON')
    .action(async (flags: PreviewFlags) => {
      const snapshotsDir = resolve(ctx.cwd, flags.snapshots);
      const date = flags.date ?? (await newestSnapshotDate(snapshotsDir));
      const { startPreview } = await import('../preview/index.js');
      const templates = await templatesFor(flags.templates, ctx.cwd);
      // Read again on every edit, so resolved now against the command's folder.
      const configFile = flags.config ?? ctx.env.BRIEF_CONFIG;
      const server = await startPreview({
        snapshotFile: join(snapshotsDir, `${date}.json`),
        templatesDir: templates.dir,
        ...(templates.fallback.length > 0 && flags.templates
          ? { editedTemplatesDir: resolve(ctx.cwd, flags.templates), prepare: templates.refresh }
          : {}),
        notesFile: flags.notes ? resolve(ctx.cwd, flags.notes) : undefined,
        configFile: configFile ? resolve(ctx.cwd, configFile) : undefined,
        port: flags.port,
        log: (line) => ctx.stderr(`${line}\n`),
      });
      ctx.stdout(`preview of ${date} at ${server.url} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolveStop) => {
        const stop = () => void server.close().then(resolveStop);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

async function newestSnapshotDate(dir: string): Promise<string> {
  const dates = (await readdir(dir).catch(() => [] as string[]))
    .map((n) => /^(\d{4}-\d{2}-\d{2})\.json$/.exec(n)?.[1])
    .filter((d): d is string => d !== undefined)
    .sort();
  const newest = dates.at(-1);
  if (!newest) throw new InputError(dir, 'holds no snapshot (<date>.json)');
  return newest;
}
