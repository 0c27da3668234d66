/**
 * Spacing of Chinese text (brief-style), for the brief's Markdown (engine.ts) and the headline's
 * plain-text title and description (headline-templates.ts), so the PDF header, the page title
 * and the heading print a figure the same way.
 */
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
// Half-width forms stay in the set so a stray one written in a note still loses its spaces.
const FULL_WIDTH_PUNCT = '，。；：、！？（）“”‘’《》【】,;:!?()';

/**
 * One spacing rule for Chinese text (brief-style): a space between Han characters and Latin
 * letters or digits ("4.4 万美元", "据 Coinglass 数据", "73% 的"), none between Han characters
 * and none beside full-width punctuation. Templates and data can then be written naturally.
 * Link destinations are left alone (they are percent-encoded and contain no Han anyway); inline
 * code spans (a source's API endpoint) are printed as they are, and a footnote definition keeps
 * the space after its `[^n]:` marker.
 */
export function spaceChinese(text: string): string {
  // A code span: an unescaped backtick run, then anything up to the same run on that line. Split
  // keeps the span and its fence: parts are [prose, span, fence, prose, span, fence, …, prose].
  const parts = text.split(/((?<![\\`])(`+)[^\n]*?(?<!`)\2(?!`))/);
  let out = '';
  for (let i = 0; i < parts.length; i += 3) {
    out += spaceProse(parts[i]!);
    if (i + 1 < parts.length) out += parts[i + 1]!;
  }
  return out.replace(/^(\[\^[^\]\s]+\]:)(?=\S)/gm, '$1 ');
}

function spaceProse(text: string): string {
  return text
    .replace(new RegExp(`([${HAN}])([A-Za-z0-9$])`, 'gu'), '$1 $2')
    .replace(new RegExp(`([A-Za-z0-9%])([${HAN}])`, 'gu'), '$1 $2')
    .replace(new RegExp(`([${HAN}]) +(?=[${HAN}])`, 'gu'), '$1')
    .replace(new RegExp(` +([${FULL_WIDTH_PUNCT}])`, 'gu'), '$1')
    .replace(new RegExp(`([${FULL_WIDTH_PUNCT}]) +`, 'gu'), '$1');
}
