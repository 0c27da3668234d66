/**
 * The pieces the benchmark's speed-ups rest on: print pages carry only the font faces their
 * text needs and a font warm-up block with each of their characters once per weight; the printer replaces a page after `recycleAfter` prints; and the benchmark's own
 * helpers (shifted days, the dependency chain of a fetch).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot, serializeSnapshot } from '../../kernel/snapshot/index.js';
import { finishPrintPage, fontFaceCss, fontFaceCssFor } from '../../renderers/pdf/fonts.js';
import { PdfPrinter } from '../../renderers/pdf/printer.js';
import { addDays, daysBetween, shiftSnapshot } from './days.js';
import { longestChain } from './fetch.js';

const fileNames = (css: string) => [...css.matchAll(/\/(noto-sans-sc-[\w-]+)\.woff2/g)].map((m) => m[1]);

describe('font faces a page needs', () => {
  it('keeps the faces whose unicode-range covers the text, in order', () => {
    // "A" (U+41) is in subset 119's range and in the latin range, for both weights.
    expect(fileNames(fontFaceCssFor('A'))).toEqual([
      'noto-sans-sc-119-400-normal',
      'noto-sans-sc-latin-400-normal',
      'noto-sans-sc-119-700-normal',
      'noto-sans-sc-latin-700-normal',
    ]);
    // 比 (U+6BD4) is listed in subset 117 only.
    expect(fileNames(fontFaceCssFor('比'))).toEqual(['noto-sans-sc-117-400-normal', 'noto-sans-sc-117-700-normal']);
    expect(fontFaceCssFor('')).toBe('');
    // A character outside every range (an emoji, a surrogate pair) needs none.
    expect(fontFaceCssFor('\u{1F600}')).toBe('');
  });

  it('keeps the full rules a page needs and adds the warm-up block before </body>', () => {
    const page = `<style>${fontFaceCss()}\nbody{}</style><body><p>比 a&amp;b</p></body>`;
    const finished = finishPrintPage(page);
    // The page's own characters: "<style>", "body{}", "<body><p>比 a&amp;b</p></body>".
    const own = '<style>\nbody{}</style><body><p>比 a&amp;b</p></body>';
    // Distinct printable characters in code point order, markup escaped, once per weight.
    const chars = '&amp;/;&lt;&gt;abdelmopsty{}比';
    expect(finished).toBe(
      `<style>${fontFaceCssFor(own)}\nbody{}</style><body><p>比 a&amp;b</p>` +
        `<div class="font-warmup" aria-hidden="true"><span>${chars}</span><b>${chars}</b></div>\n</body>`,
    );
    expect(fileNames(finished)).toContain('noto-sans-sc-117-400-normal');
    expect(finished.length).toBeLessThan(page.length / 10);
    // A page without the rules or a body: the block goes at the end.
    expect(finishPrintPage('<p>x\u0007y</p>')).toBe(
      '<p>x\u0007y</p><div class="font-warmup" aria-hidden="true"><span>/&lt;&gt;pxy</span><b>/&lt;&gt;pxy</b></div>\n',
    );
  });
});

describe('printer page pool', () => {
  let printer: PdfPrinter;
  beforeAll(async () => {
    printer = await PdfPrinter.launch({ maxPages: 1, recycleAfter: 2 });
  });
  afterAll(async () => {
    await printer.close();
  });

  it('replaces a page after recycleAfter prints and keeps printing', async () => {
    const pdfs = [];
    for (let i = 0; i < 5; i += 1) pdfs.push(await printer.print(`<p>page ${i}</p>`));
    for (const pdf of pdfs) expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(printer.stats.pdfs).toBe(5);
    // The first page, a fresh one after prints 2 and 4: 3 pages opened.
    expect(printer.stats.pagesOpened).toBe(3);
  });
});

describe('benchmark helpers', () => {
  it('shifts a snapshot by whole days, every instant and date with it', async () => {
    const file = join(import.meta.dirname, '..', '..', 'snapshots', '2024-01-04.json');
    const base = parseSnapshot(await readFile(file, 'utf8'), file);
    const shifted = shiftSnapshot(base, 3);
    const day = 86_400_000;
    expect(shifted.date).toBe('2024-01-07');
    expect(shifted.window).toEqual({ start: base.window.start + 3 * day, end: base.window.end + 3 * day });
    expect(shifted.generatedAt).toBe(new Date(Date.parse(base.generatedAt) + 3 * day).toISOString());
    expect(shifted.prices[0]!.candles[0]!.t).toBe(base.prices[0]!.candles[0]!.t + 3 * day);
    expect(shifted.prices[0]!.candles[0]!.c).toBe(base.prices[0]!.candles[0]!.c);
    expect(shifted.origin.kind).toBe('synthetic');
    // Still a valid snapshot.
    expect(() => parseSnapshot(serializeSnapshot(shifted), 'shifted.json')).not.toThrow();
  });

  it('counts calendar days', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01'); // 2024 is a leap year: 28 → 29 → 1 March
    expect(daysBetween('2024-01-04', '2024-12-30')).toBe(361); // Dec 30 is day 365 of leap 2024, Jan 4 day 4: 365 − 4
  });

  it('finds the longest chain of dependent requests from start times', () => {
    // Delay 250: three started together (depth 1); one at 300 after answers at 250 (2); one at
    // 560 after the 300 one's answer at 550 (3).
    expect(longestChain([0, 5, 10, 300, 560], 250)).toBe(3);
    // Started before any answer could arrive: all independent.
    expect(longestChain([0, 100, 200], 250)).toBe(1);
    expect(longestChain([], 250)).toBe(0);
  });
});
