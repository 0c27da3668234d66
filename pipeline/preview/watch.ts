/**
 * File watching for the preview. Editors, `git checkout` and `sed -i` often save by writing a
 * temporary file and renaming it over the old one; a plain `fs.watch` on the old file then
 * watches an inode that no longer exists and misses every later save. chokidar watches the
 * folders and re-attaches to the new file, so replacements and in-place edits are both seen.
 *
 * chokidar is given folders that exist, never a file path that may not (notes.yml beside
 * notes.yaml): chokidar 4.0 counts its 'ready' per path given, and with such paths it emitted
 * 'ready' before the templates tree was watched, so an edit saved right after start-up was
 * missed (30 of 30 in a test that saves at once; see test/preview/watch.test.ts). The input
 * files are watched through their folders, one level deep, keeping only their own events.
 */
import { dirname, resolve } from 'node:path';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';

export interface Watcher {
  /** Resolves once the initial scan is done: changes from then on are reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

const SHARED = {
  ignoreInitial: true,
  // An unlink followed by an add of the same path within 100 ms is one change (atomic save).
  atomic: true,
  ignored: (path: string) => /(^|[/\\])(\.git|node_modules)([/\\]|$)|~$|\.swp$/.test(path),
};

/**
 * Watches every file under each of `trees` (folders) and each of `files` (present or not yet).
 * `onError`: the watcher failed (e.g. the system's inotify limits); later edits may go unseen.
 */
export function watchPaths(
  trees: readonly string[],
  files: readonly string[],
  onChange: (path: string) => void,
  onError: (error: unknown) => void,
): Watcher {
  const wanted = new Set(files.map((file) => resolve(file)));
  const watchers = [
    chokidarWatch([...new Set(trees)], SHARED),
    chokidarWatch([...new Set([...wanted].map((file) => dirname(file)))], { ...SHARED, depth: 0 }),
  ];
  const [treeWatcher, fileWatcher] = watchers as [FSWatcher, FSWatcher];
  for (const event of ['add', 'change', 'unlink'] as const) {
    treeWatcher.on(event, onChange);
    fileWatcher.on(event, (path) => wanted.has(resolve(path)) && onChange(path));
  }
  for (const watcher of watchers) watcher.on('error', onError);
  const ready = Promise.all(watchers.map((watcher) => new Promise<void>((done) => watcher.once('ready', () => done())))).then(() => {});
  return { ready, close: async () => void (await Promise.all(watchers.map((watcher) => watcher.close()))) };
}
