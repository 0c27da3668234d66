/**
 * The configuration and snapshot loaders, imported when a verb runs rather than when the
 * command line starts: both pull in zod and the schemas (≈ 0.2 s), which `brief --help`, a
 * usage error or `--version` never need (issue 19: `--help` in ≤ 0.3 s).
 */
import type { Config } from '../../kernel/config.js';
import type { Snapshot } from '../../kernel/snapshot/index.js';

export async function loadConfig(file: string | undefined): Promise<Config> {
  return (await import('../../kernel/config.js')).loadConfig(file);
}

export async function loadSnapshot(file: string): Promise<Snapshot> {
  return (await import('../../kernel/snapshot/index.js')).loadSnapshot(file);
}
