/**
 * The collector's heartbeat: `<outDir>/.collect-status.json`, rewritten atomically every
 * `intervalMs` and whenever a stream connects or drops. It says which streams are connected and
 * when the process last got round to writing, so a health check (`brief collect --health`, the
 * container's HEALTHCHECK, the systemd timer) can tell a live collector from a hung or dead one
 * without touching its sockets. Liquidations can be rare for minutes, so the day files' mtimes
 * alone cannot tell.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../kernel/fs/index.js';
import { EXCHANGES, type Exchange } from './event.js';

export const STATUS_FILE = '.collect-status.json';

const StreamStatusSchema = z.strictObject({
  connected: z.boolean(),
  /** When the stream last connected or dropped, ISO; null before the first attempt ends. */
  since: z.string().nullable(),
  /** When the last frame (event, pong, subscription answer) arrived, ISO. */
  lastFrameAt: z.string().nullable(),
});

export const CollectorStatusSchema = z.strictObject({
  pid: z.number().int(),
  startedAt: z.string(),
  updatedAt: z.string(),
  /** Set by a clean stop: a stopped collector is never healthy. */
  stoppedAt: z.string().nullable(),
  streams: z.partialRecord(z.enum(EXCHANGES), StreamStatusSchema),
  stored: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
});
export type CollectorStatus = z.infer<typeof CollectorStatusSchema>;

export interface StatusWriterOptions {
  dir: string;
  exchanges: readonly Exchange[];
  now: () => number;
  intervalMs: number;
  log: (line: string) => void;
}

/** Keeps the status in memory and writes it on a timer and on every stream change, one write at a time. */
export class StatusWriter {
  private readonly status: CollectorStatus;
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private failedOnce = false;

  constructor(private readonly options: StatusWriterOptions) {
    const iso = new Date(options.now()).toISOString();
    this.status = {
      pid: process.pid,
      startedAt: iso,
      updatedAt: iso,
      stoppedAt: null,
      streams: Object.fromEntries(options.exchanges.map((e) => [e, { connected: false, since: null, lastFrameAt: null }])),
      stored: 0,
      duplicates: 0,
    };
    this.timer = setInterval(() => void this.write(), options.intervalMs);
    this.timer.unref();
  }

  connection(exchange: Exchange, connected: boolean): void {
    const stream = this.status.streams[exchange];
    if (!stream) return;
    stream.connected = connected;
    stream.since = new Date(this.options.now()).toISOString();
    void this.write();
  }

  frame(exchange: Exchange): void {
    const stream = this.status.streams[exchange];
    if (stream) stream.lastFrameAt = new Date(this.options.now()).toISOString();
  }

  counts(stored: number, duplicates: number): void {
    this.status.stored = stored;
    this.status.duplicates = duplicates;
  }

  /** Writes the current status; a failure is logged once, never thrown (the collector keeps collecting). */
  write(): Promise<void> {
    this.writing = this.writing.then(async () => {
      this.status.updatedAt = new Date(this.options.now()).toISOString();
      try {
        await writeFileAtomic(join(this.options.dir, STATUS_FILE), `${JSON.stringify(this.status, null, 2)}\n`);
      } catch (error) {
        if (!this.failedOnce)
          this.options.log(`collector: could not write ${STATUS_FILE}: ${error instanceof Error ? error.message : String(error)}`);
        this.failedOnce = true;
      }
    });
    return this.writing;
  }

  /** Final write: every stream disconnected, `stoppedAt` set. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    const iso = new Date(this.options.now()).toISOString();
    for (const stream of Object.values(this.status.streams)) if (stream.connected) Object.assign(stream, { connected: false, since: iso });
    this.status.stoppedAt = iso;
    await this.write();
  }
}

export interface Health {
  healthy: boolean;
  /** One line for the health check's output. */
  message: string;
}

/**
 * Healthy when the status file was written within `maxAgeMs` of `now`, the collector has not
 * stopped, and at least one exchange stream is connected (one exchange refusing a region must
 * not restart the others).
 */
export async function checkHealth(dir: string, options: { now: number; maxAgeMs: number }): Promise<Health> {
  const file = join(dir, STATUS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { healthy: false, message: `unhealthy: no ${file} (is \`brief collect\` running on this folder?)` };
    throw error;
  }
  let status: CollectorStatus;
  try {
    status = CollectorStatusSchema.parse(JSON.parse(text));
  } catch {
    return { healthy: false, message: `unhealthy: ${file} is not a collector status file` };
  }
  if (status.stoppedAt !== null) return { healthy: false, message: `unhealthy: the collector stopped at ${status.stoppedAt}` };
  const ageMs = options.now - Date.parse(status.updatedAt);
  if (!(ageMs <= options.maxAgeMs))
    return {
      healthy: false,
      message: `unhealthy: status last written ${Math.round(ageMs / 1000)} s ago (limit ${Math.round(options.maxAgeMs / 1000)} s): the collector is hung or gone`,
    };
  const streams = Object.entries(status.streams);
  const connected = streams.filter(([, s]) => s.connected).map(([exchange]) => exchange);
  const down = streams.filter(([, s]) => !s.connected).map(([exchange, s]) => `${exchange} down since ${s.since ?? status.startedAt}`);
  if (connected.length === 0) return { healthy: false, message: `unhealthy: no exchange stream connected (${down.join(', ')})` };
  const tail = down.length > 0 ? `; ${down.join(', ')}` : '';
  return {
    healthy: true,
    // The count is the heartbeat's: events stored after its last write are not in it yet.
    message: `healthy: ${connected.join(', ')} connected; as of ${status.updatedAt}, ${status.stored} events stored since ${status.startedAt}${tail}`,
  };
}
