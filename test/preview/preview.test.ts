/**
 * The analyst's loop: the preview serves zh and en, re-renders on a template change, shows a
 * template error with its file and line, and keeps running.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../pipeline/preview/server.js';
import { BUNDLED_SNAPSHOT, TEMPLATES } from '../support/render-bundled.js';

let server: PreviewServer;
const templates = join(mkdtempSync(join(tmpdir(), 'brief-preview-')), 'templates');
const snapshots = mkdtempSync(join(tmpdir(), 'brief-preview-snap-'));

beforeAll(async () => {
  cpSync(TEMPLATES, templates, { recursive: true });
  cpSync(BUNDLED_SNAPSHOT, join(snapshots, '2024-01-04.json'));
  server = await startPreview({ snapshotFile: join(snapshots, '2024-01-04.json'), templatesDir: templates, port: 0 });
}, 60_000);
afterAll(async () => server?.close());

const get = (path: string) => fetch(new URL(path, server.url)).then(async (r) => ({ status: r.status, text: await r.text() }));
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
    await rendered;
    expect((await get('/brief/en')).text).toContain('Preview marker paragraph.');
    const restored = server.nextRender();
    writeFileSync(file, original);
    await restored;
  });

  it('shows a template error with file and line, keeps running, and recovers', async () => {
    const file = entry('zh');
    const original = readFileSync(file, 'utf8');
    const broken = server.nextRender();
    writeFileSync(file, `${original}\n{{#if}}\n`);
    await broken;
    const page = await get('/brief/zh');
    expect(page.text).toContain('Render error');
    expect(page.text).toContain(file.split('/').slice(-2).join('/'));
    expect(page.text).toMatch(/line \d+|:\d+/);
    const fixed = server.nextRender();
    writeFileSync(file, original);
    await fixed;
    expect((await get('/brief/zh')).text).toContain('<html lang="zh-CN">');
  });
});
