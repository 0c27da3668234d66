/**
 * File watching for the preview. Editors, `git checkout` and `sed -i` often save by writing a
 * temporary file and renaming it over the old one; a plain `fs.watch` on the old file then
 * watches an inode that no longer exists and misses every later save. chokidar watches the
 * folders and re-attaches to the new file, so replacements and in-place edits are both seen.
 */
import { watch as chokidarWatch } from 'chokidar';

export interface Watcher {
  /** Resolves once the initial scan is done: changes from then on are reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** `onError`: the watcher failed (e.g. the system's inotify limits); later edits may go unseen. */
export function watchPaths(paths: readonly string[], onChange: (path: string) => void, onError: (error: unknown) => void): Watcher {
  const watcher = chokidarWatch([...new Set(paths)], {
    ignoreInitial: true,
    // An unlink followed by an add of the same path within 100 ms is one change (atomic save).
    atomic: true,
    ignored: (path) => /(^|[/\\])(\.git|node_modules)([/\\]|$)|~$|\.swp$/.test(path),
  });
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
  watcher.on('error', onError);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { ready, close: () => watcher.close() };
}
