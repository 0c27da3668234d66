/**
 * The bundled example end to end through the real pipeline: golden Markdown and HTML in zh and
 * en, byte-identical re-renders, and a real PDF whose text and fonts are checked.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES_DIR } from '../golden/cases.js';
import { goldenHtml } from '../golden/render-case.js';
import { expectGolden } from '../support/golden.js';
import { pdfFonts, pdfText } from '../support/pdf-tools.js';
import { pageBlankShares } from './pdf-blank.js';
import { renderToTemp } from '../support/render-bundled.js';

// The golden harness's bundled case holds what this render writes (test/golden/cases.ts).
const GOLDEN = join(CASES_DIR, 'bundled-2024-01-04');
let first: Awaited<ReturnType<typeof renderToTemp>>;
let second: Awaited<ReturnType<typeof renderToTemp>>;

beforeAll(async () => {
  first = await renderToTemp();
  second = await renderToTemp(undefined, { formats: ['md', 'html'] });
}, 120_000);

const read = (dir: string, file: string) => readFileSync(join(dir, '2024-01-04', file), 'utf8');

describe('the bundled brief (2024-01-04)', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: Markdown, HTML and charts as written match the golden case`, () => {
      expectGolden(join(GOLDEN, `${lang}.md`), read(first.outDir, `${lang}.md`));
      const charts = new Map(
        readdirSync(join(first.outDir, '2024-01-04', 'charts', lang)).map((f) => [
          `charts/${lang}/${f}`,
          read(first.outDir, `charts/${lang}/${f}`),
        ]),
      );
      for (const [path, svg] of charts) expectGolden(join(GOLDEN, path), svg);
      expectGolden(join(GOLDEN, `${lang}.html`), goldenHtml(read(first.outDir, `${lang}.html`), lang, charts));
    });

    it(`${lang}: a second render is byte-identical (Markdown, HTML, chart SVGs)`, () => {
      expect(read(second.outDir, `${lang}.md`)).toBe(read(first.outDir, `${lang}.md`));
      expect(read(second.outDir, `${lang}.html`)).toBe(read(first.outDir, `${lang}.html`));
      const charts = readdirSync(join(first.outDir, '2024-01-04', 'charts', lang)).sort();
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts)
        expect(read(second.outDir, `charts/${lang}/${chart}`)).toBe(read(first.outDir, `charts/${lang}/${chart}`));
    });

    it(`${lang}: the HTML is standalone and safe: inline SVG charts, no script, no external resource`, () => {
      // The one <link> is the empty data: favicon, which stops browsers asking the server for one.
      const html = read(first.outDir, `${lang}.html`).replace('<link rel="icon" href="data:,">', '');
      expect(html).toContain('<figure class="chart"');
      expect(html).toContain('<svg');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toMatch(/javascript:/i);
      expect(html).not.toMatch(/<(img|link|iframe)\b/i);
      // Nothing is loaded from anywhere: no src attribute at all, no url() in styles but the page's own.
      expect(html).not.toMatch(/\ssrc=/i);
      expect(html).not.toMatch(/url\(\s*['"]?(https?:|\/\/)/i);
    });

    it(`${lang}: the Markdown links its charts as SVG files beside it`, () => {
      const md = read(first.outDir, `${lang}.md`);
      const refs = [...md.matchAll(/!\[[^\]]*\]\((charts\/[a-z]+\/[a-z-]+\.svg)\)/g)].map((m) => m[1]!);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(read(first.outDir, ref)).toMatch(/^<svg/);
    });
  }

  it('zh PDF: its text holds the Chinese headline and its fonts are the embedded CJK web font', () => {
    const meta = JSON.parse(read(first.outDir, 'zh.json')) as { title: string };
    const file = join(first.outDir, '2024-01-04', 'zh.pdf');
    const text = pdfText(file).replace(/\s+/g, '');
    expect(meta.title).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toContain(meta.title.replace(/\s+/g, ''));
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    const nonCjk = fonts.filter((f) => !/^[A-Z]{6}\+NotoSansSC/.test(f.name) || f.type === 'Type 3');
    expect(nonCjk).toEqual([]);
  });

  // A chart cannot split across pages: the print layout keeps its block low enough (chart and
  // caption side by side) that the page before it is never left more than a quarter blank.
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang} PDF: no page but the last is more than 25 % blank at its foot`, () => {
      const shares = pageBlankShares(join(first.outDir, '2024-01-04', `${lang}.pdf`));
      expect(shares.length).toBeGreaterThanOrEqual(3);
      for (const [page, share] of shares.slice(0, -1).entries())
        expect(share, `page ${page + 1} of ${shares.length}`).toBeLessThanOrEqual(0.25);
    });
  }

  it('en PDF: the English headline is in its text', () => {
    const meta = JSON.parse(read(first.outDir, 'en.json')) as { title: string };
    const text = pdfText(join(first.outDir, '2024-01-04', 'en.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain(meta.title.split(' ').slice(0, 4).join(' '));
  });
});
