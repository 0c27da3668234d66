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
