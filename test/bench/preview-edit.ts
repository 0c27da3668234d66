/**
 * How long a template edit takes to show in the preview, as the analyst sees it: `brief preview`
 * runs in its own process (from the sources, so the code measured is the code in the tree) on
 * the bundled snapshot, over a copy of the template tree. Each run writes a marker line into a
 * partial of one language and waits, as the preview's page does, for the server's reload event;
 * then fetches that language's page over HTTP, as the reloaded frame does, until it carries the
 * marker. The figure is the time from the write to that page, median of the runs (zh and en
 * alternately, those that render as the tree stands; the first edit of each is a warm-up).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '../../kernel/lang.js';
import { median } from './cli-start.js';

export interface PreviewEditFigures {
  runs: number;
  /** The languages edited (each in turn). */
  langs: Lang[];
  /** Write → the edited language's page served with the edit (median, ms). */
  medianMs: number;
  /** Write → the reload event (median, ms). */
  eventMedianMs: number;
  samplesMs: number[];
}

const EDITED = { en: 'en/partials/footer.hbs', zh: 'zh/partials/footer.hbs' } as const;

export async function benchPreviewEdit(root: string, runs = 10): Promise<PreviewEditFigures> {
  const work = mkdtempSync(join(tmpdir(), 'brief-bench-preview-'));
  const templates = join(work, 'templates');
  const snapshots = join(work, 'snapshots');
  cpSync(join(root, 'templates'), templates, { recursive: true });
  cpSync(join(root, 'snapshots', '2024-01-04.json'), join(snapshots, '2024-01-04.json'));
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'brief.js'), 'preview', '--snapshots', snapshots, '--templates', templates, '--port', '0'],
    { cwd: root, env: { ...process.env, BRIEF_RUN: 'sources' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const url = await previewUrl(child);
    const events = await eventStream(new URL('/events', url));
    // A language whose page fails as the tree stands (another edit under way) cannot show a marker.
    const langs: Lang[] = [];
    for (const lang of ['en', 'zh'] as const) if (!(await get(new URL(`/brief/${lang}`, url))).includes('Render error')) langs.push(lang);
    if (langs.length === 0) throw new Error('the preview renders neither language of the bundled brief');
    const samples: number[] = [];
    const eventSamples: number[] = [];
    const warmUps = langs.length;
    for (let i = 0; i < runs + warmUps; i++) {
      const lang = langs[i % langs.length]!;
      const file = join(templates, EDITED[lang]);
      const original = readFileSync(file, 'utf8');
      // Letters only: the check stage refuses a figure typed into a template.
      const marker = `Bench marker ${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}.`;
      const reload = events.next();
      const start = performance.now();
      writeFileSync(file, `${original}\n${marker}\n`);
      await within(reload, `no reload event after editing ${EDITED[lang]}`);
      const eventMs = performance.now() - start;
      // The event is sent after the new pages are in place; a page without the marker means an
      // earlier burst's render, so wait for the next event.
      let page: string;
      while (!(page = await get(new URL(`/brief/${lang}`, url))).includes(marker)) {
        await within(events.next(), `the ${lang} page never showed the edit: ${page.slice(0, 400)}`);
      }
      const ms = performance.now() - start;
      if (i >= warmUps) {
        samples.push(ms);
        eventSamples.push(eventMs);
      }
      const restored = events.next();
      writeFileSync(file, original);
      await within(restored, `no reload event after restoring ${EDITED[lang]}`);
      // Let the watcher settle before the next edit (the editor does not save every few ms).
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    events.close();
    return { runs, langs, medianMs: median(samples), eventMedianMs: median(eventSamples), samplesMs: samples };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(work, { recursive: true, force: true });
  }
}

function previewUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`brief preview exited ${code}: ${err}`)));
  });
}

/** Fails after 10 s instead of waiting for ever (a render that never comes). */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`preview bench: ${what}`)), 10_000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function get(url: URL): Promise<string> {
  return fetch(url).then((r) => r.text());
}

/** The preview's server-sent events: `next()` resolves at the next reload message. */
function eventStream(url: URL): Promise<{ next(): Promise<void>; close(): void }> {
  return new Promise((resolve, reject) => {
    let waiters: (() => void)[] = [];
    const req = request(url, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const _message of chunk.split('\n\n').filter((m) => m.startsWith('data:'))) {
          const done = waiters;
          waiters = [];
          for (const wake of done) wake();
        }
      });
      resolve({
        next: () => new Promise<void>((wake) => waiters.push(wake)),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
