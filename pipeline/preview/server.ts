/**
 * `brief preview`: a local server on 127.0.0.1 that shows the zh and en brief side by side and
 * re-renders when templates, notes, configuration or the snapshot change. A render error is
 * shown in the page (with the file and line the error names) and the server keeps running.
 * Only HTML is rendered here (no PDF), so the loop stays fast.
 */
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Lang } from '../cli/options.js';
import { loadConfig } from '../config.js';
import { analyze } from '../analysis/index.js';
import { findNotesFor, loadNotes } from '../narrative/index.js';
import { loadSnapshot } from '../snapshot/index.js';
import { loadRenderAssets, renderBrief } from '../render/render-briefs.js';
import { previewShell, errorPage } from './pages.js';

export interface PreviewOptions {
  snapshotFile: string;
  templatesDir: string;
  notesFile?: string;
  configFile?: string;
  port: number;
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  /** Resolves after the next re-render triggered by a change (for tests). */
  nextRender(): Promise<void>;
  close(): Promise<void>;
}

type Rendered = { ok: true; html: Record<Lang, string> } | { ok: false; error: string };

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const log = options.log ?? (() => {});
  let current: Rendered = await renderAll(options);
  let waiters: (() => void)[] = [];
  const clients = new Set<ServerResponse>();

  const rerender = async () => {
    current = await renderAll(options);
    log(current.ok ? 'preview: re-rendered' : `preview: render failed: ${current.error.split('\n')[0]}`);
    for (const client of clients) client.write('data: reload\n\n');
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rerender(), 80);
  };

  const watched = [options.templatesDir, dirname(options.snapshotFile), options.notesFile, options.configFile].filter((p): p is string =>
    Boolean(p),
  );
  const watchers: FSWatcher[] = [...new Set(watched)].map((path) => watch(path, { recursive: true }, schedule));

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/') return send(res, 200, 'text/html', previewShell());
    if (path === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const lang = /^\/brief\/(zh|en)$/.exec(path ?? '')?.[1] as Lang | undefined;
    if (lang) return current.ok ? send(res, 200, 'text/html', current.html[lang]) : send(res, 200, 'text/html', errorPage(current.error));
    send(res, 404, 'text/plain', 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    nextRender: () => new Promise((resolve) => waiters.push(resolve)),
    async close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(body);
}

/** Everything is re-read on each render: templates, notes, config and snapshot may all have changed. */
async function renderAll(options: PreviewOptions): Promise<Rendered> {
  try {
    const config = await loadConfig(options.configFile);
    const snapshot = await loadSnapshot(options.snapshotFile);
    const notesFile = options.notesFile ?? findNotesFor(options.snapshotFile);
    const notes = notesFile ? await loadNotes(notesFile) : undefined;
    const assets = await loadRenderAssets(options.templatesDir);
    const findings = analyze(snapshot, config.thresholds);
    const [zh, en] = await Promise.all((['zh', 'en'] as const).map((lang) => renderBrief(snapshot, findings, notes, lang, config, assets)));
    return { ok: true, html: { zh: zh!.html, en: en!.html } };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
