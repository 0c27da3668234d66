/**
 * Re-rendering stored snapshots with the current templates: a date range, optionally one shard
 * of N (dates sorted, the k-th date goes to shard k mod N + 1, so shards are disjoint and their
 * outputs merge into one site). One browser serves the whole run. Days are composed (charts,
 * Markdown, HTML) on a pool of worker threads, while the main thread hands
 * finished days to Chromium's page pool and writes their files: on two cores the charts were
 * the bottleneck with everything on one thread. A run of a few days composes in-process
 * instead, where starting workers would cost more than it saves.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../kernel/config.js';
import { InputError } from '../../kernel/errors.js';
import type { Format, Lang } from '../../kernel/lang.js';
import type { PdfPrinter } from '../../renderers/pdf/index.js';
import { availableParallelism } from 'node:os';
import { ComposePool } from './compose-pool.js';
import { loadRenderAssets, printAndWriteDay, renderBriefs, type RenderRequest } from './render-briefs.js';
import type { Progress } from './progress.js';

export interface RerenderRequest {
  snapshotsDir: string;
  from?: string;
  to?: string;
  shard?: { index: number; count: number };
  langs: readonly Lang[];
  formats: readonly Format[];
  outDir: string;
  templatesDir: string;
  config: Config;
  /** Write days whose briefs fail the check stage anyway. */
  allowCheckFailures?: boolean;
  /**
   * Worker threads composing days (default: one per core but one, at least one, or none for
   * fewer than MIN_DAYS_FOR_WORKERS days); 0 composes on the main thread. On two cores one
   * worker was best (≈ 142 ms per PDF against 148 with none and 146 with two): the main thread
   * keeps Chromium fed while the worker draws charts.
   */
  workers?: number;
  /** Days in flight at once (default: workers + 2, or 3 without workers). */
  concurrency?: number;
  /**
   * Only the days not rendered yet in `outDir` (for every language asked): rebuilds an archive
   * from the committed snapshots when the rendered briefs were lost (an evicted CI cache).
   */
  missingOnly?: boolean;
  /**
   * Called for a day that failed; the run then goes on with the other days (the day is not in
   * the returned list). Without it, the first failure ends the run.
   */
  onFailure?: (date: string, error: unknown) => void;
}

/** Below this many days, a run composes on the main thread (a worker takes ≈ 0.5 s to start). */
export const MIN_DAYS_FOR_WORKERS = 6;

const SNAPSHOT_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

/** The snapshot dates a request covers, in order. */
export async function selectDates(
  request: Pick<RerenderRequest, 'snapshotsDir' | 'from' | 'to' | 'shard'> & { onlyMissing?: { langs: readonly Lang[]; outDir: string } },
): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(request.snapshotsDir);
  } catch (error) {
    throw new InputError(request.snapshotsDir, `cannot list snapshots (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const dates = names
    .map((name) => SNAPSHOT_FILE.exec(name)?.[1])
    .filter((d): d is string => d !== undefined)
    .filter((d) => (!request.from || d >= request.from) && (!request.to || d <= request.to))
    .sort();
  const shard = request.shard;
  const chosen = shard ? dates.filter((_d, k) => k % shard.count === shard.index - 1) : dates;
  if (!request.onlyMissing) return chosen;
  const { langs, outDir } = request.onlyMissing;
  // A day counts as rendered when every language's manifest is there (it is written last).
  const rendered = (date: string) => langs.every((lang) => existsSync(join(outDir, date, `${lang}.json`)));
  return chosen.filter((date) => !rendered(date));
}

export async function rerender(
  request: RerenderRequest,
  printer: () => Promise<PdfPrinter>,
  progress?: (total: number) => Progress,
): Promise<string[]> {
  const dates = await selectDates(
    request.missingOnly ? { ...request, onlyMissing: { langs: request.langs, outDir: request.outDir } } : request,
  );
  const workers = request.workers ?? (dates.length >= MIN_DAYS_FOR_WORKERS ? Math.max(1, availableParallelism() - 1) : 0);
  const pool = workers > 0 ? new ComposePool(workers) : undefined;
  try {
    const assets = pool ? undefined : await loadRenderAssets(request.templatesDir);
    // Concurrent days ask for the printer at the same time: one launch, shared; with workers
    // it starts now, while they load.
    let launching: Promise<PdfPrinter> | undefined;
    const sharedPrinter = () => (launching ??= printer());
    if (pool && dates.length > 0 && request.formats.includes('pdf')) sharedPrinter().catch(() => undefined);
    const bar = progress?.(dates.length);
    const queue = [...dates];
    const rendered: string[] = [];
    const lane = async () => {
      for (let date = queue.shift(); date !== undefined; date = queue.shift()) {
        const day: RenderRequest = {
          snapshotFile: join(request.snapshotsDir, `${date}.json`),
          langs: request.langs,
          formats: request.formats,
          outDir: request.outDir,
          templatesDir: request.templatesDir,
          config: request.config,
          allowCheckFailures: request.allowCheckFailures,
        };
        try {
          if (pool) await printAndWriteDay(day, await pool.compose(day), sharedPrinter);
          else await renderBriefs(day, sharedPrinter, assets);
          rendered.push(date);
        } catch (error) {
          if (!request.onFailure) throw error;
          request.onFailure(date, error);
        }
        bar?.tick(date);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, request.concurrency ?? (pool ? workers + 2 : 3)) }, lane));
    bar?.done();
    return rendered.sort();
  } finally {
    await pool?.close();
  }
}
