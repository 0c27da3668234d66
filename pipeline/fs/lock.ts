/**
 * A run lock: a file created with O_EXCL holding the owner's pid. A second run finds it and
 * exits 75; a lock whose owner is gone (crash, SIGKILL) is taken over.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { LockBusyError } from '../errors.js';
import { isProcessAlive } from './process-alive.js';

export async function withLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  await acquire(lockFile);
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}

async function acquire(lockFile: string, retried = false): Promise<void> {
  try {
    const handle = await open(lockFile, 'wx');
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
    if (!retried && !isProcessAlive(owner)) {
      await rm(lockFile, { force: true });
      return acquire(lockFile, true);
    }
    throw new LockBusyError(`another run holds the lock ${lockFile} (pid ${owner || 'unknown'})`);
  }
}
