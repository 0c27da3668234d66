/**
 * The pieces the benchmark's speed-ups rest on: print pages carry only the font faces their
 * text needs; the printer replaces a page after `recycleAfter` prints; and the benchmark's own
 * helpers (shifted days, the dependency chain of a fetch).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot, serializeSnapshot } from '../../pipeline/snapshot/index.js';
import { fontFaceCss, fontFaceCssFor, withNeededFontFaces } from '../../renderers/pdf/fonts.js';
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

  it('replaces the full rules inside a page and leaves other pages alone', () => {
    const page = `<style>${fontFaceCss()}\nbody{}</style><p>比</p>`;
    const trimmed = withNeededFontFaces(page);
    // The page's own characters: "<style>", "body{}", "<p>比</p>" (ASCII and 比).
    expect(trimmed).toBe(`<style>${fontFaceCssFor('<style>\nbody{}</style><p>比</p>')}\nbody{}</style><p>比</p>`);
    expect(fileNames(trimmed)).toContain('noto-sans-sc-117-400-normal');
    expect(trimmed.length).toBeLessThan(page.length / 10);
    expect(withNeededFontFaces('<p>no fonts</p>')).toBe('<p>no fonts</p>');
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
