/**
 * Text width estimate for vega without a canvas, aware of wide (CJK) characters.
 *
 * vega's own estimate is 0.8 em per character, which overstates Latin text and understates
 * Chinese (a CJK glyph is a full 1 em): axis titles and legends in zh would then overflow. The
 * widths below approximate Noto Sans SC: CJK and full-width forms 1 em, digits 0.56 em, capitals
 * 0.66 em, lower-case 0.53 em, narrow punctuation and spaces 0.28 em. Pure arithmetic, so every
 * machine gets the same layout.
 */

interface TextItem {
  fontSize?: number;
  limit?: number;
}

/** Width in px of `text` in an item of `fontSize` px (11 px when unset, vega's default). */
export function estimateTextWidth(item: TextItem, text: unknown): number {
  const fontSize = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const value = text == null ? '' : String(text).trim();
  let em = 0;
  for (const char of value) em += charEm(char.codePointAt(0) ?? 0);
  const width = em * fontSize;
  // vega truncates to `limit` with an ellipsis; the drawn width cannot exceed it.
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

function charEm(code: number): number {
  if (isWide(code)) return 1;
  if (code >= 0x30 && code <= 0x39) return 0.56;
  if (code >= 0x41 && code <= 0x5a) return 0.66;
  if (code >= 0x61 && code <= 0x7a) return 0.53;
  if (code === 0x20 || ".,:;'|!()[]-".includes(String.fromCodePoint(code))) return 0.28;
  return 0.6;
}

/** CJK ideographs, kana, hangul, CJK punctuation and full-width forms. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
