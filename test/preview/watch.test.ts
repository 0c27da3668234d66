/**
 * The preview's watcher (pipeline/preview/watch.ts) sees an edit saved the moment it is ready.
 * Given the snapshot's notes variants that do not exist as paths of their own, chokidar 4.0
 * said 'ready' before the templates tree was watched and missed such an edit every time (30 of
 * 30); in the preview test it showed as a re-render that never came, once in a few full runs.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { watchPaths } from '../../pipeline/preview/watch.js';
import { BUNDLED_SNAPSHOT, TEMPLATES } from '../support/render-bundled.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A templates tree and a snapshot folder like the preview's, watched; `seen` lists each change. */
async function watchedFolder() {
  const root = mkdtempSync(join(tmpdir(), 'brief-watch-'));
  roots.push(root);
  const templates = join(root, 'templates');
  cpSync(TEMPLATES, templates, { recursive: true });
  const snapshot = join(root, '2024-01-04.json');
  cpSync(BUNDLED_SNAPSHOT, snapshot);
  const notes = ['yaml', 'yml', 'json'].map((ext) => join(root, `2024-01-04.notes.${ext}`));
  const seen: string[] = [];
  let wake = () => {};
  const watcher = watchPaths(
    [templates],
    [snapshot, ...notes],
    (path) => {
      seen.push(path);
      wake();
    },
    (error) => seen.push(`error: ${String(error)}`),
  );
  await watcher.ready;
  /** Resolves with what was seen once something is, or after `ms`. */
  const next = (ms: number) =>
    new Promise<string[]>((resolve) => {
      const timer = setTimeout(() => resolve([...seen]), ms);
      wake = () => {
        clearTimeout(timer);
        setTimeout(() => resolve([...seen]), 50);
      };
    });
  return { root, templates, snapshot, notes, watcher, next };
}

describe('the preview watcher', () => {
  it('sees a template saved the moment the watcher is ready, every time (5 of 5)', async () => {
    for (let i = 0; i < 5; i++) {
      const { templates, watcher, next } = await watchedFolder();
      const file = join(templates, 'en', 'brief.hbs');
      const seen = next(5_000);
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nEdited at once.\n`);
      expect(await seen).toEqual([file]);
      await watcher.close();
    }
  });

  it('sees a notes file that did not exist at start, and the snapshot; not another file beside them', async () => {
    const { root, snapshot, notes, watcher, next } = await watchedFolder();
    const other = next(400);
    writeFileSync(join(root, '2024-01-05.json'), '{}');
    expect(await other).toEqual([]);
    const created = next(5_000);
    writeFileSync(notes[1]!, 'notes: []\n');
    expect(await created).toEqual([notes[1]]);
    const edited = next(5_000);
    writeFileSync(snapshot, readFileSync(snapshot, 'utf8'));
    expect((await edited).at(-1)).toBe(snapshot);
    await watcher.close();
  });
});
