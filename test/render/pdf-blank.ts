/**
 * How much of each PDF page is left blank at its foot: the pages are rasterised in grey by
 * poppler's pdftoppm (installed with poppler-utils, as pdftotext is) and read as PGM. A page's
 * blank share is the run of white rows from its last inked row of body down to the bottom page
 * margin, over the height between the two margins (the running header and footer live in the
 * margins and are not counted).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DPI = 40;
const MM = DPI / 25.4;
/** Lighter than this is paper (the charts' faintest grid line is #e2e5ea, grey 226). */
const INK = 240;

/** The blank share of every page, in page order. `marginMm`: the @page top and bottom margin. */
export function pageBlankShares(pdf: string, marginMm = 18): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'brief-pdf-pages-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', String(DPI), pdf, join(dir, 'page')]);
    return readdirSync(dir)
      .sort((a, b) => pageNumber(a) - pageNumber(b))
      .map((name) => blankShare(readFileSync(join(dir, name)), marginMm));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pageNumber(name: string): number {
  return Number(/-(\d+)\.pgm$/.exec(name)?.[1] ?? Number.NaN);
}

/** A binary PGM (P5, 8 bits): header "P5 <width> <height> 255" then one byte per pixel. */
function blankShare(pgm: Buffer, marginMm: number): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('pdftoppm did not write an 8-bit PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = pgm.subarray(header[0].length);
  const top = Math.ceil(marginMm * MM);
  const bottom = height - Math.ceil(marginMm * MM);
  const inked = (row: number) => pixels.subarray(row * width, (row + 1) * width).some((v) => v < INK);
  let last = bottom - 1;
  while (last >= top && !inked(last)) last--;
  return (bottom - 1 - last) / (bottom - top);
}
