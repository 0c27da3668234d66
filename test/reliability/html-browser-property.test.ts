/**
 * R07 (reliability.md §3.4): a seeded fast-check property over generated snapshots whose every
 * free-text field, and every editorial note, holds a hostile or random string. Each brief goes
 * through the real analyze → compose → Markdown → HTML and is loaded in real Chromium with
 * JavaScript ON (a script that slipped through would run) and every request intercepted:
 * the DOM holds only allowed elements, no event-handler attribute, no javascript:/data: URL,
 * nothing is requested, no dialog opens, and no visible text says NaN, undefined or Infinity.
 *
 * Runs are modest (the suite has a time budget); the seed is printed, and BRIEF_FC_SEED and
 * BRIEF_FC_RUNS replay or widen a run: BRIEF_FC_SEED=123 BRIEF_FC_RUNS=500 npx vitest run <this file>.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../pipeline/analysis/index.js';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { parseNotes } from '../../pipeline/narrative/index.js';
import { loadRenderAssets, renderBrief, type RenderAssets } from '../../pipeline/render/render-briefs.js';
import { parseSnapshot, SnapshotSchema, type Snapshot } from '../../kernel/snapshot/index.js';
import { findBrowser } from '../../renderers/pdf/find-browser.js';
import { CHROMIUM_FLAGS } from '../../renderers/pdf/printer.js';
import { ALL_HOSTILE, hostileNotes, plantHostile } from '../support/hostile.js';
import { REPO } from '../support/run-cli.js';

const SEED = Number(process.env.BRIEF_FC_SEED ?? 20240104);
const RUNS = Number(process.env.BRIEF_FC_RUNS ?? 30);

const BASES = [
  'snapshots/2024-01-04.json',
  'test/fixtures/rally-2024-02-28/snapshot.json',
  'test/fixtures/quiet-2024-06-20/snapshot.json',
  'test/fixtures/crash-2024-08-05/snapshot.json',
].map((file) => parseSnapshot(readFileSync(`${REPO}/${file}`, 'utf8'), file));

/** Elements the brief page may contain: the layout, markdown-it's prose and footnotes, and vega's SVG. */
const ALLOWED = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'link',
  'body',
  'header',
  'main',
  'nav',
  'section',
  'article',
  'footer',
  'aside',
  'div',
  'span',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'a',
  'hr',
  'br',
  'sup',
  'sub',
  'small',
  'figure',
  'figcaption',
  'code',
  'svg',
  'g',
  'path',
  'line',
  'rect',
  'text',
  'tspan',
  'desc',
  'defs',
  'clippath',
  'lineargradient',
  'stop',
  'circle',
  'polyline',
  'polygon',
  'ellipse',
]);

// Hostile dictionary entries, random graphemes, and mixtures of both; "NaN"/"undefined" kept out
// of data so that finding them in the page blames the pipeline.
const piece = fc.oneof(fc.constantFrom(...ALL_HOSTILE), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }));
const hostileString = fc
  .oneof(
    piece,
    fc.array(piece, { minLength: 2, maxLength: 4 }).map((parts) => parts.join(' ')),
  )
  .filter((s) => s.trim() !== '' && !/NaN|undefined|Infinity/i.test(s));

let browser: Browser;
let page: Page;
let assets: RenderAssets;
const requests: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  assets = await loadRenderAssets(`${REPO}/templates`);
  browser = await puppeteer.launch({ executablePath: await findBrowser(), headless: true, pipe: true, args: CHROMIUM_FLAGS });
  page = await openPage();
}, 120_000);

/** A page whose every request is recorded and aborted and whose dialogs are recorded. */
async function openPage(): Promise<Page> {
  const opened = await browser.newPage();
  await opened.setRequestInterception(true);
  opened.on('request', (request) => {
    requests.push(request.url());
    void request.abort();
  });
  opened.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return opened;
}

afterAll(async () => {
  await browser?.close();
});

interface DomReport {
  elements: string[];
  handlers: string[];
  badUrls: string[];
  links: string[];
  text: string;
  pwned: boolean;
}

async function inspect(html: string, on: Page = page): Promise<DomReport> {
  await on.setContent(html, { waitUntil: 'load' });
  return on.evaluate(() => {
    const all = Array.from(document.querySelectorAll('*'));
    const handlers: string[] = [];
    const badUrls: string[] = [];
    for (const el of all) {
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        if (/^on/i.test(attr)) handlers.push(`${el.localName}[${attr}]`);
        if (/^(href|src|xlink:href|action|formaction|srcset|poster|background|data)$/i.test(attr)) {
          const isFavicon = el.localName === 'link' && value === 'data:,';
          if (!isFavicon && !/^(https?:|mailto:|#)/i.test(value.trim())) badUrls.push(`${el.localName}[${attr}=${value.slice(0, 60)}]`);
        }
      }
    }
    return {
      elements: [...new Set(all.map((el) => el.localName.toLowerCase()))],
      handlers,
      badUrls,
      links: Array.from(document.querySelectorAll('link, meta[http-equiv]')).map((el) => el.outerHTML),
      text: document.body.innerText,
      pwned: 'alerted' in window || document.title.includes('PWNED'),
    };
  });
}

function generated(base: Snapshot, strings: readonly string[]): Snapshot {
  // Venue and source ids reach chart labels, where any "javascript:" fails the chart closed (a
  // separate, known behaviour); here they keep everything else.
  const planted = plantHostile(base, (i, kind) => {
    const s = strings[i % strings.length]!;
    return kind === 'id' ? s.replace(/javascript:/gi, 'javascript') : s;
  });
  return SnapshotSchema.parse(planted);
}

describe('R07: generated hostile briefs in Chromium', () => {
  it('the checks do catch a page that breaks out (script, handler, javascript: link, frame, request)', async () => {
    requests.length = 0;
    dialogs.length = 0;
    // Its own page: globals set by the script would otherwise outlive setContent.
    const own = await openPage();
    const dom = await inspect(
      `<!DOCTYPE html><html><head><link rel="stylesheet" href="http://127.0.0.1:9/s.css"></head><body><p>${'text '.repeat(120)}</p>` +
        `<script>window.alerted = 1</script><img src="http://127.0.0.1:9/x.png" onerror="alert(1)">` +
        `<a href="javascript:alert(2)">x</a><iframe src="data:text/html,x"></iframe></body></html>`,
      own,
    );
    await own.close();
    expect(dom.elements).toEqual(expect.arrayContaining(['script', 'img', 'iframe']));
    expect(dom.handlers).toEqual(['img[onerror]']);
    expect(dom.badUrls).toEqual(expect.arrayContaining(['a[href=javascript:alert(2)]', 'iframe[src=data:text/html,x]']));
    expect(dom.links).toHaveLength(1);
    expect(requests).toEqual(expect.arrayContaining(['http://127.0.0.1:9/s.css', 'http://127.0.0.1:9/x.png']));
    expect(dialogs).toEqual(['1']);
    expect(dom.pwned).toBe(true);
  });

  it(`hold only allowed elements, no handlers, no script URLs, load nothing (seed ${SEED}, ${RUNS} runs)`, async () => {
    process.stdout.write(`R07 fast-check seed ${SEED}, ${RUNS} runs (replay: BRIEF_FC_SEED=${SEED})\n`);
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: BASES.length - 1 }),
        fc.constantFrom('zh' as const, 'en' as const),
        fc.array(hostileString, { minLength: 8, maxLength: 40 }),
        async (baseIndex, lang, strings) => {
          const base = BASES[baseIndex]!;
          const snapshot = generated(base, strings);
          const notes = parseNotes(JSON.stringify(hostileNotes(base.date, strings)), 'generated.notes.json');
          const findings = analyze(snapshot, DEFAULT_CONFIG.thresholds);
          const brief = await renderBrief(snapshot, findings, notes, lang, DEFAULT_CONFIG, assets);
          requests.length = 0;
          dialogs.length = 0;
          const dom = await inspect(brief.html);
          expect(dom.elements.filter((name) => !ALLOWED.has(name))).toEqual([]);
          expect(dom.handlers).toEqual([]);
          expect(dom.badUrls).toEqual([]);
          // The page's own policy (no script, nothing from elsewhere) and the empty icon; nothing else.
          expect(dom.links).toEqual([
            `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'">`,
            '<link rel="icon" href="data:,">',
          ]);
          expect(requests.filter((url) => url !== 'data:,')).toEqual([]);
          expect(dialogs).toEqual([]);
          expect(dom.pwned).toBe(false);
          expect(dom.text).not.toMatch(/\bNaN\b|undefined|Infinity/);
          expect(dom.text.length).toBeGreaterThan(500);
          checked += 1;
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(checked).toBe(RUNS);
    process.stdout.write(`R07: ${checked}/${RUNS} generated hostile briefs clean in Chromium (seed ${SEED})\n`);
  }, 240_000);
});
