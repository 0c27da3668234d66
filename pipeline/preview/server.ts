/**
 * `brief preview`: a local server on 127.0.0.1 that shows the zh and en brief side by side and
 * re-renders when templates, notes, configuration or the snapshot change. A render error is
 * shown in that language's pane (with the file and line the error names) and the server keeps
 * running. Only HTML is rendered here (no PDF), so the loop stays fast. Requests naming another
 * host are refused (421): see host.ts.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Lang } from '../../kernel/lang.js';
import { UsageError } from '../../kernel/errors.js';
import { allowedHosts, isOwnHost } from './host.js';
import { previewShell, errorPage } from './pages.js';
import { inputFiles, paneRenderer, type Pane, type PreviewInputs } from './render-langs.js';
import { watchPaths } from './watch.js';

export interface PreviewOptions extends PreviewInputs {
  port: number;
  log?: (line: string) => void;
  /** The folder the analyst edits, when templatesDir is an overlay built from it (templates-overlay.ts). */
  editedTemplatesDir?: string;
  /** Runs before each re-render (rebuilds the overlay). */
  prepare?: () => void;
}

export interface PreviewServer {
  url: string;
  /** Resolves after the next re-render triggered by a change (for tests). */
  nextRender(): Promise<void>;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const log = options.log ?? (() => {});
  const renderPanes = paneRenderer(options);
  const starting: Pane = { ok: false, error: 'the first render is still running' };
  let panes: Record<Lang, Pane> = { zh: starting, en: starting };
  let waiters: (() => void)[] = [];
  const clients = new Set<ServerResponse>();
  let hosts: ReadonlySet<string> = new Set();

  const server = createServer((req, res) => {
    if (!isOwnHost(req.headers.host, hosts)) {
      return send(res, 421, 'text/plain', `this preview answers only ${[...hosts].join(' and ')}\n`);
    }
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
    if (lang) {
      const pane = panes[lang];
      return send(res, 200, 'text/html', pane.ok ? pane.html : errorPage(pane.error));
    }
    send(res, 404, 'text/plain', 'not found\n');
  });
  // Listen before watching: a port in use must leave nothing running (no watcher keeps the process alive).
  const port = await listen(server, options.port);
  hosts = allowedHosts(port);
  try {
    panes = await renderPanes();
  } catch (error) {
    server.close();
    throw error;
  }

  let rendering: Promise<void> = Promise.resolve();
  const rerender = async () => {
    options.prepare?.();
    panes = await renderPanes();
    const failed = (['zh', 'en'] as const).filter((l) => !panes[l].ok);
    log(failed.length === 0 ? 'preview: re-rendered' : `preview: re-rendered; ${failed.join(' and ')} failed (shown in the page)`);
    for (const client of clients) client.write('data: reload\n\n');
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };
  let timer: NodeJS.Timeout | undefined;
  // Saves come in bursts (an editor writes, renames, touches); one render after a short pause,
  // and renders never overlap.
  // The first change of a burst is named, so the analyst sees the edit was noticed.
  const schedule = (path: string) => {
    if (timer === undefined) log(`preview: ${path} changed; re-rendering`);
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      rendering = rendering.then(rerender, rerender);
    }, 30);
  };
  const watcher = watchPaths([options.editedTemplatesDir ?? options.templatesDir], inputFiles(options), schedule, (error) =>
    log(
      `preview: watching the files failed (${error instanceof Error ? error.message : String(error)}); an edit may not show until brief preview is restarted`,
    ),
  );
  await watcher.ready;

  return {
    url: `http://127.0.0.1:${port}/`,
    nextRender: () => new Promise((resolve) => waiters.push(resolve)),
    async close() {
      clearTimeout(timer);
      await watcher.close();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rendering.catch(() => undefined);
    },
  };
}

async function listen(server: Server, port: number): Promise<number> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; try --port <another number>, or --port 0 for any free port`);
    if (code === 'EACCES') throw new UsageError(`port ${port} needs privileges; try --port 4173, or --port 0 for any free port`);
    throw error;
  }
  return (server.address() as AddressInfo).port;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}
