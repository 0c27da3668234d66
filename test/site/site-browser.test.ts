/**
 * The published site in a real browser, served under a sub-path as GitHub Pages serves a project
 * site: the index loads, every link resolves, no console errors, no request leaves the site, and
 * Chinese is drawn with a CJK font.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { publishSite } from '../../pipeline/publish.js';
import { findBrowser } from '../../renderers/pdf/find-browser.js';
import { CHROMIUM_FLAGS } from '../../renderers/pdf/printer.js';
import { renderToTemp, TEMPLATES } from '../support/render-bundled.js';
import { serveFolder } from '../support/static-server.js';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveFolder>>;

beforeAll(async () => {
  const rendered = await renderToTemp();
  const siteDir = join(mkdtempSync(join(tmpdir(), 'brief-site-browser-')), 'site');
  await publishSite({ fromDir: rendered.outDir, siteDir, templatesDir: TEMPLATES, config: DEFAULT_CONFIG });
  site = await serveFolder(siteDir, '/brief-repo/');
  browser = await puppeteer.launch({ executablePath: await findBrowser(), headless: true, pipe: true, args: CHROMIUM_FLAGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  site?.server.close();
});

describe('the published site in Chromium', () => {
  it('loads every page without console errors or outside requests, and every link resolves', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const outside: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('request', (request) => {
      if (!request.url().startsWith(site.url) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    const toVisit = [site.url];
    const seen = new Set<string>();
    const linked = new Set<string>();
    while (toVisit.length) {
      const url = toVisit.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await page.goto(url, { waitUntil: 'load' });
      expect(response?.status(), url).toBe(200);
      const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        if (!href.startsWith('http://127.0.0.1')) continue; // community and source links point outside on purpose
        linked.add(href.split('#')[0]!);
        if (href.endsWith('.html') || href.endsWith('/')) toVisit.push(href.split('#')[0]!);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(4); // two indexes and two brief pages at least
    for (const href of linked) {
      const status = await fetch(href).then((r) => r.status);
      expect(status, href).toBe(200);
    }
    expect([...linked].some((h) => h.endsWith('/zh.pdf'))).toBe(true);
    expect([...linked].some((h) => h.endsWith('feed.zh.xml'))).toBe(true);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('draws Chinese with a CJK font', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}briefs/2024-01-04/zh.html`, { waitUntil: 'load' });
    const session = await page.createCDPSession();
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument');
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    const families = fonts.map((f) => f.familyName);
    expect(families.some((name) => /CJK|Noto Sans SC|Source Han|PingFang|YaHei/i.test(name))).toBe(true);
    const heading = await page.$eval('h1', (h) => h.textContent ?? '');
    expect(heading).toMatch(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: join(tmpdir(), 'brief-site-zh.png'), fullPage: false });
  });
});
