/**
 * Crash-safe file writes: write a temporary file beside the target, fsync it, rename it over
 * the target, then fsync the directory. A reader sees the old complete file or the new one,
 * never a torn one. Temporary names contain `.tmp-` so readers can skip them.
 *
 * With `root`, the write is confined to that folder (reliability.md B08): the target must lie
 * inside it, and every folder between the root and the target is created here or must already
 * be a real folder, never a symbolic link, so a link planted in out/ (say `out/2024-01-04 →
 * /etc`) cannot carry the write outside. The root itself may be a link (an `out` the user put on
 * another disk). A link at the target's own name is replaced by the rename, never followed.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { pausePoint } from './pause-point.js';

export interface AtomicWriteOptions {
  /** Refuse to write outside this folder or through a symbolic link below it. */
  root?: string;
}

/** A confined write that would leave its root: bad input (exit 2), naming the target and the root. */
export class OutsideRootError extends InputError {
  constructor(
    target: string,
    readonly root: string,
    reason: string,
  ) {
    super(target, `refusing to write: ${reason} (writes are confined to ${root})`);
  }
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(target);
  if (options.root === undefined) await mkdir(dir, { recursive: true });
  else await mkdirConfined(options.root, target);
  const tmp = join(dir, `.${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    // 'wx' fails on an existing name, a planted symbolic link included.
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

/** Creates the folders from `root` down to `target`'s folder, one at a time, refusing links. */
async function mkdirConfined(root: string, target: string): Promise<void> {
  const rootAbs = resolve(root);
  const rel = relative(rootAbs, resolve(target));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new OutsideRootError(target, root, 'the path is not inside the root');
  }
  await mkdir(rootAbs, { recursive: true });
  let current = rootAbs;
  for (const part of rel.split(sep).slice(0, -1)) {
    current = join(current, part);
    const stat = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (stat === undefined) {
      await mkdir(current).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      // Re-check: something may have appeared between lstat and mkdir.
      if (!(await lstat(current)).isDirectory()) throw new OutsideRootError(target, root, `${current} is not a folder`);
    } else if (stat.isSymbolicLink()) {
      throw new OutsideRootError(target, root, `${current} is a symbolic link`);
    } else if (!stat.isDirectory()) {
      throw new OutsideRootError(target, root, `${current} is not a folder`);
    }
  }
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
