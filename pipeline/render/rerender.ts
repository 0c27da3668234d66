/**
 * Re-rendering stored snapshots with the current templates: a date range, optionally one shard
 * of N (dates sorted, the k-th date goes to shard k mod N + 1, so shards are disjoint and their
 * outputs merge into one site). One browser and one compiled template set serve the whole run;
 * snapshots render concurrently on a small pool: while one day's charts render here, the
 * previous day's PDFs print in Chromium's page pool, so both cores stay busy.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { InputError } from '../errors.js';
import type { Format, Lang } from '../cli/options.js';
import type { PdfPrinter } from '../../renderers/pdf/printer.js';
import { loadRenderAssets, renderBriefs } from './render-briefs.js';
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
  /** Days in flight at once (default 3: one rendering charts, two printing or writing). */
  concurrency?: number;
}

const SNAPSHOT_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

/** The snapshot dates a request covers, in order. */
export async function selectDates(request: Pick<RerenderRequest, 'snapshotsDir' | 'from' | 'to' | 'shard'>): Promise<string[]> {
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
  return shard ? dates.filter((_d, k) => k % shard.count === shard.index - 1) : dates;
}

export async function rerender(
  request: RerenderRequest,
  printer: () => Promise<PdfPrinter>,
  progress?: (total: number) => Progress,
): Promise<string[]> {
  const dates = await selectDates(request);
  const assets = await loadRenderAssets(request.templatesDir);
  // Concurrent days ask for the printer at the same time: one launch, shared.
  let launching: Promise<PdfPrinter> | undefined;
  const sharedPrinter = () => (launching ??= printer());
  const bar = progress?.(dates.length);
  const queue = [...dates];
  const rendered: string[] = [];
  const worker = async () => {
    for (let date = queue.shift(); date !== undefined; date = queue.shift()) {
      await renderBriefs(
        {
          snapshotFile: join(request.snapshotsDir, `${date}.json`),
          langs: request.langs,
          formats: request.formats,
          outDir: request.outDir,
          templatesDir: request.templatesDir,
          config: request.config,
        },
        sharedPrinter,
        assets,
      );
      rendered.push(date);
      bar?.tick(date);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, request.concurrency ?? 3) }, worker));
  bar?.done();
  return rendered.sort();
}
