/**
 * The analyst's loop: the preview serves zh and en, re-renders on a template change, shows a
 * template error with its file and line, and keeps running.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../pipeline/preview/server.js';
import { BUNDLED_SNAPSHOT, TEMPLATES } from '../support/render-bundled.js';
import { runCli } from '../support/run-cli.js';

let server: PreviewServer;
/** What the server logged, for a failure message. */
const logged: string[] = [];
const templates = join(mkdtempSync(join(tmpdir(), 'brief-preview-')), 'templates');
const snapshots = mkdtempSync(join(tmpdir(), 'brief-preview-snap-'));

beforeAll(async () => {
  cpSync(TEMPLATES, templates, { recursive: true });
  cpSync(BUNDLED_SNAPSHOT, join(snapshots, '2024-01-04.json'));
  server = await startPreview({
    snapshotFile: join(snapshots, '2024-01-04.json'),
    templatesDir: templates,
    port: 0,
    log: (line) => logged.push(line),
  });
}, 60_000);
afterAll(async () => server?.close());

/**
 * `promise`, or a failure naming the step that did not finish and what the server logged (a
 * re-render that never comes would otherwise be the test's bare 60 s timeout).
 */
function within<T>(promise: Promise<T>, step: string, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step}: nothing after ${ms} ms; the server logged: ${JSON.stringify(logged)}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
const get = (path: string) =>
  within(
    fetch(new URL(path, server.url)).then(async (r) => ({ status: r.status, text: await r.text() })),
    `GET ${path}`,
  );
const entry = (lang: string) =>
  join(
    templates,
    lang,
    readdirSync(join(templates, lang)).find((n) => n.endsWith('.hbs'))!,
  );

describe('brief preview', () => {
  it('listens on 127.0.0.1 and shows zh and en side by side', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const shell = await get('/');
    expect(shell.text).toContain('<iframe id="zh" src="/brief/zh"');
    expect(shell.text).toContain('<iframe id="en" src="/brief/en"');
    // Only its own reload script runs (allowed by hash), frames and events from this server only.
    expect(shell.text).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'unsafe-inline'; frame-src 'self'; connect-src 'self'/,
    );
    const zh = await get('/brief/zh');
    expect(zh.status).toBe(200);
    expect(zh.text).toContain('<html lang="zh-CN">');
    expect((await get('/brief/en')).text).toContain('<html lang="en">');
  });

  it('re-renders when a template changes', async () => {
    const file = entry('en');
    const original = readFileSync(file, 'utf8');
    const rendered = server.nextRender();
    writeFileSync(file, `${original}\nPreview marker paragraph.\n`);
    await within(rendered, 'the re-render after the edit');
    expect((await get('/brief/en')).text).toContain('Preview marker paragraph.');
    const restored = server.nextRender();
    writeFileSync(file, original);
    await within(restored, 'the re-render after restoring the file');
  });

  it('shows a template error with file and line, keeps running, and recovers', async () => {
    const file = entry('zh');
    const original = readFileSync(file, 'utf8');
    const broken = server.nextRender();
    writeFileSync(file, `${original}\n{{#if}}\n`);
    await within(broken, 'the re-render after breaking the template');
    const page = await get('/brief/zh');
    expect(page.text).toContain('Render error');
    expect(page.text).toContain(file.split('/').slice(-2).join('/'));
    expect(page.text).toMatch(/line \d+|:\d+/);
    const fixed = server.nextRender();
    writeFileSync(file, original);
    await within(fixed, 'the re-render after the fix');
    expect((await get('/brief/zh')).text).toContain('<html lang="zh-CN">');
  });

  it('sees a template replaced by rename, then the same file edited in place', async () => {
    const file = entry('en');
    const original = readFileSync(file, 'utf8');
    // An atomic save: write a temporary file beside it, rename it over the template.
    const replaced = server.nextRender();
    writeFileSync(`${file}.tmp`, `${original}\nReplaced by rename.\n`);
    renameSync(`${file}.tmp`, file);
    await within(replaced, 'the re-render after the rename');
    expect((await get('/brief/en')).text).toContain('Replaced by rename.');
    // The watcher follows the new file: a later in-place write is seen too.
    const edited = server.nextRender();
    writeFileSync(file, `${original}\nEdited in place.\n`);
    await within(edited, 'the re-render after the in-place edit');
    const page = (await get('/brief/en')).text;
    expect(page).toContain('Edited in place.');
    expect(page).not.toContain('Replaced by rename.');
    const restored = server.nextRender();
    writeFileSync(file, original);
    await within(restored, 'the re-render after restoring the file');
  });

  it('an error in one language leaves the other pane rendering, with the whole parse message', async () => {
    const file = entry('zh');
    const original = readFileSync(file, 'utf8');
    const broken = server.nextRender();
    writeFileSync(file, `${original}\n{{foo bar=}}\n`);
    await within(broken, 'the re-render after breaking the template');
    const zh = (await get('/brief/zh')).text;
    const line = original.split('\n').length + 1;
    expect(zh).toContain(`${file}:${line}: Parse error on line ${line}: Expecting &#39;OPEN_SEXPR&#39;, &#39;ID&#39;`);
    expect(zh).toContain('-----------^');
    const en = await get('/brief/en');
    expect(en.text).toContain('<html lang="en">');
    const fixed = server.nextRender();
    writeFileSync(file, original);
    await within(fixed, 'the re-render after the fix');
  });

  it('answers 421 to a request naming another host (DNS rebinding), 200 to its own names', async () => {
    const port = Number(new URL(server.url).port);
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/brief/en', headers: { Host: host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status('evil.example:80')).toBe(421);
    expect(await status(`evil.example:${port}`)).toBe(421);
    expect(await status(`127.0.0.1:${port}`)).toBe(200);
    expect(await status(`localhost:${port}`)).toBe(200);
  });
});

describe('brief preview on a port in use', () => {
  it('says so, suggests --port, exits 2 without a stack and does not hang', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await runCli(['preview', '--snapshots', snapshots, '--templates', templates, '--port', String(port)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`brief: port ${port} is in use; try --port <another number>, or --port 0 for any free port\n`);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
