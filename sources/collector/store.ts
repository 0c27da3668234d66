/**
 * The collector's append-only store: one JSON Lines file per UTC day of the event time.
 * - Dedupe: the ids already in a day's file are loaded when the day is first touched (today's
 *   at start), and an event whose id is known is not written again. A restart that sees the
 *   same liquidation replayed therefore writes it once.
 * - Durability: each line goes out in a single `write` on an O_APPEND handle; handles are
 *   fsynced on a timer and at close. A crash can leave at most a torn last line, which readers
 *   skip; before appending to such a file a newline is written so the torn fragment stays on a
 *   line of its own and does not spoil the next event.
 * - Operations run one at a time (a promise queue), so dedupe checks and writes never interleave.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { readDayFile } from './day-file.js';
import { dayFileName, serializeEvent, utcDay, type CollectedEvent } from './event.js';

interface OpenDay {
  handle: FileHandle;
  ids: Set<string>;
  /** Written since the last fsync. */
  dirty: boolean;
}

export interface EventStoreOptions {
  dir: string;
  /** How often written lines are fsynced, ms. */
  fsyncIntervalMs: number;
  log: (line: string) => void;
  /** Days kept open with their id sets; the least recently used beyond this are closed. */
  maxOpenDays?: number;
}

export class EventStore {
  private readonly days = new Map<string, OpenDay>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  private constructor(private readonly options: EventStoreOptions) {
    this.timer = setInterval(() => {
      this.flush().catch((error: unknown) => options.log(`collector: fsync failed: ${describe(error)}`));
    }, options.fsyncIntervalMs);
    this.timer.unref();
  }

  static async open(options: EventStoreOptions): Promise<EventStore> {
    await mkdir(options.dir, { recursive: true });
    return new EventStore(options);
  }

  /** Loads a day's ids ahead of the first event (the collector preloads today's at start). */
  preload(day: string): Promise<void> {
    return this.enqueue(async () => {
      await this.day(day);
    });
  }

  /** Appends the event unless its id is already stored; resolves true when it was written. */
  append(event: CollectedEvent): Promise<boolean> {
    return this.enqueue(async () => {
      if (this.closed) throw new Error('the event store is closed');
      const day = await this.day(utcDay(event.time));
      if (day.ids.has(event.id)) return false;
      await writeAll(day.handle, Buffer.from(serializeEvent(event), 'utf8'));
      day.ids.add(event.id);
      day.dirty = true;
      return true;
    });
  }

  /** fsyncs every day file written since the last flush. */
  flush(): Promise<void> {
    return this.enqueue(async () => {
      for (const day of this.days.values()) await syncIfDirty(day);
    });
  }

  /** Waits for pending writes, fsyncs and closes every file. Idempotent. */
  close(): Promise<void> {
    clearInterval(this.timer);
    return this.enqueue(async () => {
      if (this.closed) return;
      this.closed = true;
      for (const [name, day] of this.days) {
        await syncIfDirty(day);
        await day.handle.close();
        this.days.delete(name);
      }
    });
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation);
    this.queue = run.catch(() => undefined); // one failed write must not block the next
    return run;
  }

  private async day(name: string): Promise<OpenDay> {
    const cached = this.days.get(name);
    if (cached) {
      // Re-insert to mark it most recently used.
      this.days.delete(name);
      this.days.set(name, cached);
      return cached;
    }
    const path = join(this.options.dir, dayFileName(name));
    const contents = await readDayFile(path);
    if (contents.skippedLines > 0)
      this.options.log(`collector: ${path}: ${contents.skippedLines} unreadable line(s) skipped (torn or corrupt)`);
    const handle = await open(path, 'a', 0o644);
    const opened: OpenDay = { handle, ids: new Set(contents.events.map((event) => event.id)), dirty: false };
    if (!contents.endsWithNewline) {
      await writeAll(handle, Buffer.from('\n'));
      opened.dirty = true;
    }
    this.days.set(name, opened);
    await this.evict();
    return opened;
  }

  private async evict(): Promise<void> {
    const max = this.options.maxOpenDays ?? 3;
    for (const [name, day] of this.days) {
      if (this.days.size <= max) break;
      await syncIfDirty(day);
      await day.handle.close();
      this.days.delete(name);
    }
  }
}

/** One `write` for the whole line; a short write (rare on regular files) is completed, never dropped. */
async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

async function syncIfDirty(day: OpenDay): Promise<void> {
  if (!day.dirty) return;
  day.dirty = false;
  await day.handle.sync();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
