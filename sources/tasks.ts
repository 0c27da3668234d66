/**
 * Running a source's independent requests in parallel, each failure becoming a gap that names
 * the family, the asset, the error kind and the endpoint, while the other requests go on.
 */
import type { DataFamily, Gap, Provenance } from '../kernel/snapshot/index.js';
import { isSourceError } from './errors.js';
import type { ProviderHttp } from './http.js';
import type { SnapshotParts, SourceResult } from './types.js';

/** What a task yields: snapshot parts, plus gaps for parts it had to leave out. */
export type TaskOutput = Partial<SnapshotParts> & { gaps?: Gap[] };

export interface Task {
  family: DataFamily;
  asset?: string;
  run(): Promise<TaskOutput>;
}

/** A request answered correctly but with no data for what was asked: a gap of kind 'empty', never zeros. */
export class EmptyResultError extends Error {
  constructor(
    readonly source: string,
    readonly endpoint: string,
    what: string,
  ) {
    super(`${source} ${endpoint}: no data ${what}`);
    this.name = 'EmptyResultError';
  }
}

/** A gap from a SourceError or EmptyResultError (other errors are bugs and propagate). */
export function gapFromError(error: unknown, family: DataFamily, source: string, asset?: string): Gap {
  if (error instanceof EmptyResultError) {
    return { family, source, ...(asset ? { asset } : {}), kind: 'empty', reason: error.message.slice(0, 300), endpoint: error.endpoint };
  }
  if (!isSourceError(error)) throw error;
  return {
    family,
    source,
    ...(asset ? { asset } : {}),
    kind: error.kind,
    reason: error.message.length > 300 ? `${error.message.slice(0, 299)}…` : error.message,
    endpoint: error.endpoint,
    // The status the response carried; the narrative reads it from here, never from the text.
    ...(error.status !== undefined ? { status: error.status } : {}),
  };
}

/** A gap for one empty part of otherwise delivered data (e.g. funding history empty, current rate there). */
export function emptyPartGap(source: string, family: DataFamily, endpoint: string, what: string, asset?: string): Gap {
  return {
    family,
    source,
    ...(asset ? { asset } : {}),
    kind: 'empty',
    reason: `${source} ${endpoint}: no data ${what}`.slice(0, 300),
    endpoint,
  };
}

export async function runTasks(source: string, tasks: readonly Task[]): Promise<SourceResult> {
  const settled = await Promise.allSettled(tasks.map((task) => task.run()));
  const result: SourceResult = { parts: {}, gaps: [] };
  settled.forEach((outcome, index) => {
    const task = tasks[index]!;
    if (outcome.status === 'fulfilled') {
      const { gaps, ...parts } = outcome.value;
      mergeParts(result.parts, parts);
      if (gaps) result.gaps.push(...gaps);
    } else result.gaps.push(gapFromError(outcome.reason, task.family, source, task.asset));
  });
  return result;
}

export function mergeParts(into: Partial<SnapshotParts>, from: Partial<SnapshotParts>): void {
  for (const key of Object.keys(from) as Array<keyof SnapshotParts>) {
    const items = from[key];
    if (!items) continue;
    const target = (into[key] ??= []) as unknown[];
    target.push(...items);
  }
}

export function provenance(http: ProviderHttp, endpoint: string, fetchedAt: number, asOf: number): Provenance {
  return {
    provider: http.id,
    endpoint,
    fetchedAt: new Date(fetchedAt).toISOString(),
    asOf: new Date(asOf).toISOString(),
    method: http.method,
  };
}
