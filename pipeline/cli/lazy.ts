/**
 * The configuration and snapshot loaders and the brief-day arithmetic, imported when a verb runs
 * rather than when the command line starts: they pull in zod, the schemas and @date-fns/tz, which
 * `brief --help`, a usage error or `--version` never need (issue 19: `--help` in ≤ 0.3 s).
 */
import { resolve } from 'node:path';
import type { Config } from '../../kernel/config.js';
import type { Snapshot } from '../../kernel/snapshot/index.js';
import type * as BriefDay from '../fetch/index.js';
import type { CliContext } from './context.js';

/** The configuration of `--config FILE`, else of BRIEF_CONFIG, else the built-in one; a relative path is the command's folder's. */
export async function loadConfig(flag: string | undefined, ctx: Pick<CliContext, 'env' | 'cwd'>): Promise<Config> {
  const file = flag ?? ctx.env.BRIEF_CONFIG;
  return (await import('../../kernel/config.js')).loadConfig(file ? resolve(ctx.cwd, file) : undefined);
}

export async function loadSnapshot(file: string): Promise<Snapshot> {
  return (await import('../../kernel/snapshot/index.js')).loadSnapshot(file);
}

/** The brief's day from --date / --as-of (its time-zone arithmetic loads @date-fns/tz). */
export async function resolveBriefDay(
  ...args: Parameters<typeof BriefDay.resolveBriefDay>
): Promise<ReturnType<typeof BriefDay.resolveBriefDay>> {
  return (await import('../fetch/index.js')).resolveBriefDay(...args);
}
