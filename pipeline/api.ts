/**
 * The library API: what a program gets from `import { renderBrief, fetchSnapshot } from
 * 'crypto-market-brief'` (README, "Library API"). Two calls over the same stages the command
 * line runs (`brief render`, `brief fetch`), with the command line's defaults: the built-in
 * templates, the built-in configuration, both languages and every format.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigSchema, DEFAULT_CONFIG, mergeOverDefaults, type Config } from '../kernel/config.js';
import { UsageError } from '../kernel/errors.js';
import { FORMATS, LANGS, type Format, type Lang } from '../kernel/lang.js';
import { packagePath } from '../kernel/package-root.js';
import { saveSnapshot, type Snapshot } from '../kernel/snapshot/index.js';
import { fetchSnapshot as fetchDay, type FetchEffects, type FetchResult } from './fetch/index.js';
import { renderBriefs, type RenderResult } from './render/index.js';
import { overlayTemplates, type TemplateOverlay } from './render/index.js';
import { lazyPrinter } from '../renderers/pdf/index.js';

export type { Config, Format, Lang, Snapshot, FetchResult, RenderResult };
export { DEFAULT_CONFIG, FORMATS, LANGS };
export { BriefError, ExitCode } from '../kernel/errors.js';
export { loadConfig } from '../kernel/config.js';
export { loadSnapshot } from '../kernel/snapshot/index.js';

/** Configuration as an object: only what differs from the defaults (merged into them, as a config file is). */
export type ConfigInput = Config | Record<string, unknown>;

export interface RenderBriefOptions {
  /** The snapshot as a file (`brief fetch` wrote it); its `<date>.notes.yaml` beside it is read if present. */
  snapshotFile?: string;
  /** …or as an object (validated like a file). Exactly one of the two. */
  snapshot?: Snapshot;
  /** Languages, default both: ['zh', 'en']. */
  langs?: readonly Lang[];
  /** Formats, default all: ['md', 'html', 'pdf'] (PDF needs Chromium: README, "PDF and fonts"). */
  formats?: readonly Format[];
  /** The briefs go to `<outDir>/<date>/`. */
  outDir: string;
  /**
   * A template folder (`brief init` copies the built-in tree into one); it may hold only the
   * files a team changed: any it lacks are taken from the built-in templates. Default: the
   * built-in templates.
   */
  templatesDir?: string;
  /** Configuration; default the built-in one. */
  config?: ConfigInput;
  /** Editorial notes file (YAML or JSON). */
  notesFile?: string;
  /** Write the briefs even when the check stage finds faults (listed in `result.check.failures`). */
  allowCheckFailures?: boolean;
  /** Environment for finding Chromium (PUPPETEER_EXECUTABLE_PATH); default process.env. */
  env?: Record<string, string | undefined>;
}

/**
 * Renders one day's briefs; resolves with the snapshot, its findings, the files written and the
 * check report. Fails with a BriefError whose `exitCode` is the command line's (2 bad input,
 * 4 render or check failed). Nothing is written unless every requested output rendered.
 */
export async function renderBrief(options: RenderBriefOptions): Promise<RenderResult> {
  if ((options.snapshotFile === undefined) === (options.snapshot === undefined)) {
    throw new UsageError('renderBrief: give exactly one of snapshotFile and snapshot');
  }
  const config = toConfig(options.config);
  const builtin = packagePath('templates');
  const overlay: TemplateOverlay | undefined = options.templatesDir
    ? await overlayTemplates(resolve(options.templatesDir), builtin)
    : undefined;
  const printer = lazyPrinter({ env: options.env ?? process.env });
  // An object is validated and stored exactly as `brief fetch` stores one, then read back:
  // one code path, one validation, for both ways of passing a snapshot.
  const scratch = options.snapshot ? await mkdtemp(join(tmpdir(), 'brief-api-')) : undefined;
  try {
    const snapshotFile = scratch ? await saveSnapshot(scratch, options.snapshot!) : resolve(options.snapshotFile!);
    return await renderBriefs(
      {
        snapshotFile,
        langs: options.langs ?? LANGS,
        formats: options.formats ?? FORMATS,
        outDir: resolve(options.outDir),
        templatesDir: overlay?.dir ?? builtin,
        config,
        ...(options.notesFile ? { notesFile: resolve(options.notesFile) } : {}),
        ...(options.allowCheckFailures ? { allowCheckFailures: true } : {}),
      },
      printer.get,
    );
  } catch (error) {
    // A template error names the team's file, not the overlay's temporary copy of it.
    if (overlay && error instanceof Error) error.message = overlay.rewrite(error.message);
    throw error;
  } finally {
    await printer.close();
    overlay?.dispose();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

export interface FetchSnapshotOptions {
  /** The brief's day, YYYY-MM-DD, in the configured timezone. */
  date: string;
  /** The snapshot is written to `<outDir>/<date>.json` (an earlier, richer one of the day is kept). */
  outDir: string;
  /** Assets, default the configuration's (BTC). */
  assets?: string[];
  config?: ConfigInput;
  /** Record every response into this folder / replay them from it instead of the network. */
  record?: string;
  replay?: string;
  /** The liquidation collector's folder (`brief collect --collected`). */
  collectorDir?: string;
  /** Progress lines (default: stderr), and the other effects the tests inject. */
  effects?: Partial<FetchEffects>;
}

/** Fetches a day from the providers into a validated snapshot file, as `brief fetch` does. */
export async function fetchSnapshot(options: FetchSnapshotOptions): Promise<FetchResult> {
  const config = toConfig(options.config);
  return fetchDay({
    date: options.date,
    assets: options.assets ?? config.assets,
    config,
    outDir: resolve(options.outDir),
    ...(options.record ? { record: resolve(options.record) } : {}),
    ...(options.replay ? { replay: resolve(options.replay) } : {}),
    ...(options.collectorDir ? { collectorDir: resolve(options.collectorDir) } : {}),
    ...(options.effects ? { effects: options.effects } : {}),
  });
}

function toConfig(input: ConfigInput | undefined): Config {
  if (input === undefined) return DEFAULT_CONFIG;
  const result = ConfigSchema.safeParse(mergeOverDefaults(DEFAULT_CONFIG, input));
  if (!result.success) throw new UsageError(`config: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}
