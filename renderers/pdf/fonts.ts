/**
 * The CJK web font for printing. Debian's Noto CJK fonts are CFF-based and Chromium embeds them
 * as unnamed Type 3 glyphs (bigger, slower, not searchable by name); the TrueType-flavoured
 * subsets of @fontsource/noto-sans-sc embed as a named subset. The page asks for them from an
 * internal origin that request interception answers from node_modules, so no network and no
 * system font are needed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Never resolved by DNS: every request to it is answered by interception. */
export const FONT_ORIGIN = 'https://fonts.brief.invalid';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
const WEIGHTS = [400, 700] as const;

let cachedCss: string | undefined;

/** @font-face rules for Noto Sans SC 400 and 700 with URLs on FONT_ORIGIN (woff2 only). */
export function fontFaceCss(): string {
  if (cachedCss === undefined) {
    cachedCss = WEIGHTS.map((weight) =>
      readFileSync(join(packageDir, `${weight}.css`), 'utf8').replace(
        /src: url\(\.\/files\/([\w.-]+\.woff2)\) format\('woff2'\), url\([^)]*\) format\('woff'\);/g,
        (_m, file: string) => `src: url(${FONT_ORIGIN}/${file}) format('woff2');`,
      ),
    ).join('\n');
  }
  return cachedCss;
}

interface Face {
  css: string;
  /** Inclusive code point ranges from `unicode-range`; none means the face covers everything. */
  ranges: Array<[number, number]>;
}

let cachedFaces: Face[] | undefined;

function faces(): Face[] {
  cachedFaces ??= [...fontFaceCss().matchAll(/@font-face\s*\{[^}]*\}/g)].map(([css]) => {
    const list = /unicode-range:\s*([^;}]+)/.exec(css)?.[1] ?? '';
    const ranges = [...list.matchAll(/U\+([0-9a-f]+)(?:-([0-9a-f]+))?/gi)].map(
      ([, from = '', to]) => [parseInt(from, 16), parseInt(to ?? from, 16)] as [number, number],
    );
    return { css, ranges };
  });
  return cachedFaces;
}

/**
 * The @font-face rules among fontFaceCss() whose unicode-range covers a code point of `text`,
 * in their original order. Chromium only ever fetches those faces for this text, so the rest
 * is dead weight in every page it parses (about 160 KB of the 200 KB of rules for a brief).
 */
export function fontFaceCssFor(text: string): string {
  return facesCovering(distinctCodePoints(text));
}

/** The rules whose unicode-range covers one of `points` (ascending, distinct). */
function facesCovering(points: readonly number[]): string {
  const covers = ([from, to]: [number, number]): boolean => {
    // The first code point ≥ from, by binary search, then whether it is ≤ to.
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (points[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < points.length && points[lo]! <= to;
  };
  return faces()
    .filter((face) => face.ranges.length === 0 || face.ranges.some(covers))
    .map((face) => face.css)
    .join('\n');
}

/** The distinct code points of `text`, ascending (one pass over UTF-16 units; pairs combined). */
function distinctCodePoints(text: string): number[] {
  const ascii = new Uint8Array(128);
  const other = new Set<number>();
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 128) ascii[unit] = 1;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        other.add(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00));
        i += 1;
      } else other.add(unit);
    } else other.add(unit);
  }
  const points: number[] = [];
  ascii.forEach((seen, point) => seen && points.push(point));
  return points.concat([...other].sort((a, b) => a - b));
}

/**
 * Finishes a print page (which embeds fontFaceCss() once, through printCss): keeps only the
 * font faces its own characters need (the text, the charts, the margin boxes and any CSS
 * `content`, since all of them are in the document), and adds the font warm-up block that
 * page-decorations.ts describes as the body's last child: those characters once in each
 * weight, so Chromium has loaded every face the print layout uses before it prints.
 */
export function finishPrintPage(html: string): string {
  const all = fontFaceCss();
  const at = html.indexOf(all);
  const rest = at < 0 ? html : html.slice(0, at) + html.slice(at + all.length);
  const points = distinctCodePoints(rest);
  const page = at < 0 ? html : html.slice(0, at) + facesCovering(points) + html.slice(at + all.length);
  const text = warmupText(points);
  const block = `<div class="font-warmup" aria-hidden="true"><span>${text}</span><b>${text}</b></div>\n`;
  const end = page.lastIndexOf('</body>');
  return end < 0 ? page + block : page.slice(0, end) + block + page.slice(end);
}

/** The printable code points as HTML text: no controls or lone surrogates, markup escaped. */
function warmupText(points: readonly number[]): string {
  let text = '';
  for (const point of points) {
    if (point <= 0x20 || (point >= 0x7f && point < 0xa0) || (point >= 0xd800 && point < 0xe000)) continue;
    text += point === 0x26 ? '&amp;' : point === 0x3c ? '&lt;' : point === 0x3e ? '&gt;' : String.fromCodePoint(point);
  }
  return text;
}

const fileCache = new Map<string, Buffer>();

/** The font file for a request URL on FONT_ORIGIN, or undefined for anything else. */
export function fontFileFor(url: string): Buffer | undefined {
  if (!url.startsWith(`${FONT_ORIGIN}/`)) return undefined;
  const name = url.slice(FONT_ORIGIN.length + 1);
  if (!/^noto-sans-sc-[\w-]+\.woff2$/.test(name)) return undefined;
  let data = fileCache.get(name);
  if (!data) {
    try {
      data = readFileSync(join(packageDir, 'files', name));
    } catch {
      return undefined;
    }
    fileCache.set(name, data);
  }
  return data;
}
