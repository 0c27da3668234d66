/**
 * Crash-safe file writes: write a temporary file beside the target, fsync it, rename it over
 * the target, then fsync the directory. A reader sees the old complete file or the new one,
 * never a torn one. Temporary names contain `.tmp-` so readers can skip them.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { pausePoint } from './pause-point.js';

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await pausePoint(`write:before-fsync:${basename(target)}`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await pausePoint(`write:before-rename:${basename(target)}`);
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await pausePoint(`write:before-dir-fsync:${basename(target)}`);
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // fsync on a directory makes the rename durable; some filesystems refuse it, which is harmless.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* not supported here */
  }
}
