/**
 * The brief and the site index as readers see them, in Chromium at a phone width (390 px, and
 * 360 px for the text-size floor) and a desktop width (1280 px), light and dark:
 * - every visible piece of text, chart labels included (SVG text scaled by its drawing), is at
 *   least 10 CSS px;
 * - the page itself never scrolls sideways (a chart may, inside its own figure);
 * - no paragraph is justified on a phone;
 * - dark mode darkens the page and the charts' background, and keeps chart text light.
 * With $BRIEF_SCREENSHOTS set, a full-page screenshot of each is written there for a person to
 * look at (PNG encoding is most of this file's time, and the assertions do not need them).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { publishSite } from '../../pipeline/publish.js';
import { findBrowser } from '../../renderers/pdf/find-browser.js';
import { CHROMIUM_FLAGS } from '../../renderers/pdf/printer.js';
import { renderToTemp, TEMPLATES } from '../support/render-bundled.js';
import { serveFolder } from '../support/static-server.js';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveFolder>>;
const shots = process.env.BRIEF_SCREENSHOTS;

beforeAll(async () => {
  if (shots) mkdirSync(shots, { recursive: true });
  const rendered = await renderToTemp(undefined, { formats: ['md', 'html'] });
  const siteDir = join(mkdtempSync(join(tmpdir(), 'brief-screens-site-')), 'site');
  await publishSite({ fromDir: rendered.outDir, siteDir, templatesDir: TEMPLATES, config: DEFAULT_CONFIG });
  site = await serveFolder(siteDir, '/b/');
  browser = await puppeteer.launch({ executablePath: await findBrowser(), headless: true, pipe: true, args: CHROMIUM_FLAGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  site?.server.close();
});

interface Measure {
  smallest: { size: number; text: string };
  pageWidth: number;
  viewport: number;
  justified: number;
  background: string;
  chartBackground: string;
  chartText: string;
}

/** Runs in the page: what a reader's eye meets. */
function measure(): Measure {
  let smallest = { size: Infinity, text: '' };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const el = node.parentElement;
    if (!text || !el) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    let size = parseFloat(style.fontSize);
    const svg = el.closest('svg');
    if (svg) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    if (size < smallest.size) smallest = { size, text: text.slice(0, 40) };
  }
  const justified = Array.from(document.querySelectorAll('p')).filter((p) => getComputedStyle(p).textAlign === 'justify').length;
  const chart = document.querySelector('figure.chart svg > rect');
  const chartLabel = document.querySelector('figure.chart svg text');
  return {
    smallest,
    pageWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    justified,
    background: getComputedStyle(document.body).backgroundColor,
    chartBackground: chart ? getComputedStyle(chart).fill : '',
    chartText: chartLabel ? getComputedStyle(chartLabel).fill : '',
  };
}

/** The page as loaded, at a width and colour scheme: both apply live (media queries re-evaluate), no reload needed. */
async function look(page: Page, width: number, scheme: 'light' | 'dark', name: string): Promise<Measure> {
  await page.setViewport({ width, height: 844, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  if (shots) await page.screenshot({ path: join(shots, `${name}-${width}-${scheme}.png`), fullPage: true });
  return page.evaluate(measure);
}

/** Relative luminance of an rgb() colour, 0 black … 1 white. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number).map((c) => c / 255);
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

const PAGES = [
  ['briefs/2024-01-04/zh.html', 'brief-zh'],
  ['briefs/2024-01-04/en.html', 'brief-en'],
  ['index.html', 'index-zh'],
  ['en/index.html', 'index-en'],
] as const;

// Each page in its own tab, the four side by side (most of the time is Chromium laying out);
// one after the other when screenshots are taken, which Chromium makes only of the tab in front.
(shots ? describe : describe.concurrent)('what readers see', () => {
  for (const [path, name] of PAGES) {
    it(`${name}: text ≥ 10 px at 360, 390 and 1280 px, no sideways page, no justified lines on a phone, dark mode`, async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
        for (const width of [360, 390, 1280]) {
          for (const scheme of ['light', 'dark'] as const) {
            const m = await look(page, width, scheme, name);
            const at = `${name} at ${width} px, ${scheme}`;
            expect(m.smallest.size, `${at}: "${m.smallest.text}"`).toBeGreaterThanOrEqual(10);
            expect(m.pageWidth, at).toBeLessThanOrEqual(m.viewport);
            if (width < 640) expect(m.justified, at).toBe(0);
            if (scheme === 'dark') {
              expect(luminance(m.background), at).toBeLessThan(0.1);
              if (m.chartBackground) {
                expect(luminance(m.chartBackground), at).toBeLessThan(0.1);
                expect(luminance(m.chartText), at).toBeGreaterThan(0.6);
              }
            } else {
              expect(luminance(m.background), at).toBeGreaterThan(0.9);
            }
          }
        }
      } finally {
        await page.close();
      }
    }, 120_000);
  }
});
