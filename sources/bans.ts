/**
 * Provider bans: after a Binance 418 or a Blockchair 430 no further request goes to that
 * provider until the ban expires (Retry-After, or the rest of the run when none is given).
 * With a file, bans survive the run, so the next run makes zero calls before expiry.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../kernel/fs/index.js';

const BanFileSchema = z.record(z.string(), z.number());

export class BanRegistry {
  /** Provider id → ban end, ms UTC (Infinity: until the end of this run). */
  private readonly until = new Map<string, number>();

  constructor(private readonly file?: string) {}

  static async open(file: string | undefined, now: number): Promise<BanRegistry> {
    const registry = new BanRegistry(file);
    if (!file) return registry;
    try {
      const parsed = BanFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (parsed.success) for (const [id, end] of Object.entries(parsed.data)) if (end > now) registry.until.set(id, end);
    } catch {
      /* no ban file yet */
    }
    return registry;
  }

  /** The ban end if `provider` is banned at `now`. */
  bannedUntil(provider: string, now: number): number | undefined {
    const end = this.until.get(provider);
    return end !== undefined && end > now ? end : undefined;
  }

  async ban(provider: string, end: number, now: number): Promise<void> {
    this.until.set(provider, Math.max(end, this.until.get(provider) ?? 0));
    if (!this.file) return;
    const persisted: Record<string, number> = {};
    // A run-long ban (no Retry-After) is persisted as one hour: long enough to stop a retry storm.
    for (const [id, until] of this.until) persisted[id] = Number.isFinite(until) ? until : now + 3_600_000;
    await writeFileAtomic(this.file, `${JSON.stringify(persisted)}\n`).catch(() => undefined);
  }
}
