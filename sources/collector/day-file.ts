/**
 * Reading a day file (`<YYYY-MM-DD>.jsonl`, one collected event per line). Tolerant by design:
 * a torn last line (the process died mid-write), a blank line or a line that fails the schema
 * is skipped and counted, never fatal; the rest of the file is still read.
 */
import { readFile } from 'node:fs/promises';
import { CollectedEventSchema, type CollectedEvent } from './event.js';

export interface DayFileContents {
  exists: boolean;
  /** Valid events in file order (duplicates included; callers dedupe by id). */
  events: CollectedEvent[];
  /** Lines that were not valid events (torn, corrupt, or from an incompatible version). */
  skippedLines: number;
  /** False when the file is non-empty and its last byte is not a newline: the next append must start a new line. */
  endsWithNewline: boolean;
}

export function parseDayFile(text: string): Omit<DayFileContents, 'exists'> {
  const events: CollectedEvent[] = [];
  let skippedLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skippedLines += 1;
      continue;
    }
    const parsed = CollectedEventSchema.safeParse(value);
    if (parsed.success) events.push(parsed.data);
    else skippedLines += 1;
  }
  return { events, skippedLines, endsWithNewline: text === '' || text.endsWith('\n') };
}

export async function readDayFile(path: string): Promise<DayFileContents> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, events: [], skippedLines: 0, endsWithNewline: true };
    throw error;
  }
  return { exists: true, ...parseDayFile(text) };
}
