/**
 * Figures as printed: "12.6 亿美元", "$1.26 billion", "73%", "7.9 倍", "$794M", "42,873.9".
 * The checker reads a brief's text back into numbers with this one parser, so a figure in the
 * Markdown, in a caption and in the model compare as the same value at their printed precision.
 */
export type FigureUnit = 'usd' | 'pct' | 'multiple' | 'number';

export interface Figure {
  /** As printed, e.g. "12.6 亿美元". */
  raw: string;
  /** The number with its scale word applied (12.6 亿 → 1.26e9); percentages stay in percent. */
  value: number;
  /** Half a unit of the last printed digit, times the scale: how far a re-rounded value may sit. */
  tolerance: number;
  unit: FigureUnit;
  /** The digits and scale word only ("12.6亿"), unsigned: what a template cannot add on its own (a
   *  template may say the sign in words: 流入/流出, +/−). */
  key: string;
}

const ZH_SCALE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4 };
const EN_SCALE: Record<string, number> = { trillion: 1e12, billion: 1e9, million: 1e6, T: 1e12, B: 1e9, M: 1e6, K: 1e3 };

// A number not glued to letters on its left (12JAN24, 21Shares, UTC+8 stay out), optional scale
// word and unit. `−` (U+2212) is the minus the formatters print.
const FIGURE =
  /(?<![A-Za-z0-9_.+/-])(\$)?([−-])?(\$)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d]|[A-Za-z]*\d)\s*(万亿|亿|万|trillion\b|billion\b|million\b|[TBMK](?![A-Za-z]))?\s*(美元|%|倍|x(?![A-Za-z]))?/gu;

export function parseFigures(text: string): Figure[] {
  const out: (Figure & { start: number; end: number; scale: number; scaled: boolean })[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [raw, dollarBefore, minus, dollarAfter, int, frac, scaleWord, unitWord] = m;
    const digits = `${int!.replace(/,/g, '')}${frac ?? ''}`;
    // A letter right after the digits (8h, 12JAN24) makes it a name or a unit label, not a figure.
    const after = text.slice((m.index ?? 0) + raw.length, (m.index ?? 0) + raw.length + 1);
    if (!scaleWord && !unitWord && /[A-Za-z]/.test(after) && !/\s/.test(raw.slice(-1))) continue;
    const scale = scaleWord ? (ZH_SCALE[scaleWord] ?? EN_SCALE[scaleWord] ?? 1) : 1;
    const decimals = frac ? frac.length - 1 : 0;
    const sign = minus ? -1 : 1;
    const unit: FigureUnit =
      unitWord === '%'
        ? 'pct'
        : unitWord === '倍' || unitWord === 'x'
          ? 'multiple'
          : dollarBefore || dollarAfter || unitWord === '美元'
            ? 'usd'
            : 'number';
    out.push({
      raw: raw.trim(),
      value: sign * Number(digits) * scale,
      tolerance: 0.5 * 10 ** -decimals * scale,
      unit,
      key: `${digits}${scaleWord ? (ZH_SCALE[scaleWord] ? scaleWord : `e${Math.log10(scale)}`) : ''}`,
      start: m.index ?? 0,
      end: (m.index ?? 0) + raw.trimEnd().length,
      scale,
      scaled: Boolean(scaleWord),
    });
  }
  // A range prints its unit (and scale word) once: "10.3–11.7%", "$1.2–1.3 billion", "2,210—2,290 美元".
  for (let i = out.length - 2; i >= 0; i--) {
    const [a, b] = [out[i]!, out[i + 1]!];
    if (!/^\s*[—–~-]\s*\$?$/.test(text.slice(a.end, b.start)) || a.unit !== 'number') continue;
    a.unit = b.unit;
    if (!a.scaled && b.scaled) {
      a.value *= b.scale;
      a.tolerance *= b.scale;
    }
  }
  return out.map(({ raw, value, tolerance, unit, key }) => ({ raw, value, tolerance, unit, key }));
}

/** Same value at the printed precision of the less precise of the two. */
export function sameValue(a: Pick<Figure, 'value' | 'tolerance'>, b: Pick<Figure, 'value' | 'tolerance'>): boolean {
  return Math.abs(a.value - b.value) <= Math.max(a.tolerance, b.tolerance) * (1 + 1e-9) + 1e-12;
}
