/**
 * Faithful figures: every number in the rendered zh and en briefs must come from the snapshot's
 * findings, its editorial notes or the run configuration (thresholds' day counts), within the
 * precision it is printed with; and zh and en must carry the same facts.
 *
 * A printed figure "12.6 亿" is 1.26e9 ± 0.1 × 1e8 (one unit of its last digit); "73%" is 0.73 ±
 * 0.01 or the number 73 itself; a date "1 月 4 日" / "4 January" is checked as a date.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EN_MONTHS, zonedParts } from '../../kernel/locale/format.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, loadCase, render, TEST_CONFIG, type LoadedCase } from './brief-cases.js';

const SCALE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, trillion: 1e12, billion: 1e9, million: 1e6 };

/** Every number the sources hold, with the transforms the brief may print them under. */
function candidates(loaded: LoadedCase): number[] {
  const out = new Set<number>();
  const add = (v: number): void => {
    if (!Number.isFinite(v)) return;
    for (const x of [v, -v, v * 100, -v * 100, (1 - v) * 100, v * 3 * 365 * 100]) out.add(x);
  };
  const tz = loaded.findings.timezone;
  const walk = (value: unknown): void => {
    if (typeof value === 'number') {
      add(value);
      // Epoch milliseconds print as dates and times in the brief's zone.
      if (value > 1e12) {
        const p = zonedParts(value, tz);
        for (const n of [...p.date.split('-').map(Number), p.hour, p.minute, p.offsetMinutes / 60]) out.add(n);
      }
    } else if (typeof value === 'string') {
      for (const m of value.matchAll(/\d[\d,]*(?:\.\d+)?/g)) add(Number(m[0].replace(/,/g, '')));
      if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
        const ms = Date.parse(value);
        if (Number.isFinite(ms)) walk(ms);
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(loaded.findings);
  walk(loaded.notes);
  walk(TEST_CONFIG.thresholds);
  // Derived in the findings' own terms: the window's length in hours.
  add((loaded.findings.end - loaded.findings.start) / 3_600_000);
  return [...out];
}

interface Figure {
  text: string;
  value: number;
  /** One unit of the last printed digit, in the value's terms. */
  unit: number;
  percent: boolean;
}

/**
 * Body text only: no link destinations, no chart lines, no footer, no footnote references and no
 * source notes (their endpoints and as-of times are checked against provenance by
 * test/render/sources-footnotes.test.ts).
 */
function bodyOf(markdown: string): string {
  const beforeFooter = markdown.split('\n---\n')[0]!;
  return beforeFooter
    .split('\n')
    .filter((line) => !line.startsWith('![') && !line.startsWith('[^'))
    .join('\n')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\[\^\d+\]/g, '');
}

/** en ranges print the unit once ("41–58%", "$1.21–1.28 billion"): give the low end its unit too. */
function expandRanges(text: string): string {
  return text
    .replace(/(\d[\d,.]*)–(?=[\d,.]+%)/g, '$1%–')
    .replace(/(\d[\d,.]*)–(?=[\d,.]+ (trillion|billion|million))/g, (_m, low: string, scale: string) => `${low} ${scale}–`);
}

function figures(markdown: string): Figure[] {
  const text = expandRanges(bodyOf(markdown));
  const out: Figure[] = [];
  const re = /(?<![A-Za-z0-9])([−-]?)(\d[\d,]*(?:\.\d+)?)(?![A-Za-z]{2}|\d)\s*(万亿|亿|万|trillion|billion|million|%)?/gu;
  for (const m of text.matchAll(re)) {
    const digits = m[2]!.replace(/,/g, '');
    const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
    const scale = m[3] && m[3] !== '%' ? SCALE[m[3]]! : 1;
    const sign = m[1] ? -1 : 1;
    // A round figure ("$57,000", "6 万") is as precise as its trailing zeros: 57,000 means the
    // nearest thousand, as in "from around $57,000" for a low of 56,7xx.
    const trailingZeros = decimals === 0 ? (/0+$/.exec(digits)?.[0].length ?? 0) : 0;
    const unit = 10 ** (trailingZeros > 0 ? trailingZeros : -decimals) * scale;
    out.push({ text: m[0], value: sign * Number(digits) * scale, unit, percent: m[3] === '%' });
  }
  return out;
}

function matches(f: Figure, values: readonly number[]): boolean {
  // Three-significant-figure aggregates can sit one unit away from the value after rounding both
  // ends of a range; a level written as "4.4 万美元上方" is the high floored to the step.
  const tolerance = f.unit * 1.0001;
  const targets = f.percent ? [f.value, f.value / 100] : [f.value];
  return targets.some((t) => values.some((v) => Math.abs(v - t) <= tolerance || (f.percent && Math.abs(v / 100 - t) <= tolerance / 100)));
}

/** Dates as [month, day] pairs, so zh "1 月 4 日" and en "4 January" compare. */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The dates a brief prints. en names a recent US session by its weekday ("Wednesday's US
 * session", pipeline/narrative/dateline.ts): that is the latest such weekday on or before the
 * brief's date, and it counts as the date zh prints ("1 月 3 日（美东交易日）").
 */
function dates(markdown: string, lang: 'zh' | 'en', briefDate: string): string[] {
  const text = bodyOf(markdown);
  const out: string[] = [];
  if (lang === 'zh') for (const m of text.matchAll(/(\d{1,2}) 月 (\d{1,2}) 日/g)) out.push(`${m[1]}-${m[2]}`);
  else {
    for (const m of text.matchAll(new RegExp(`(\\d{1,2}) (${EN_MONTHS.join('|')})`, 'g')))
      out.push(`${EN_MONTHS.indexOf(m[2]!) + 1}-${m[1]}`);
    for (const m of text.matchAll(new RegExp(`(${WEEKDAYS.join('|')})'s US session`, 'g'))) {
      const day = new Date(`${briefDate}T00:00:00Z`);
      while (WEEKDAYS[day.getUTCDay()] !== m[1]) day.setUTCDate(day.getUTCDate() - 1);
      out.push(`${day.getUTCMonth() + 1}-${day.getUTCDate()}`);
    }
  }
  return [...new Set(out)].sort();
}

/** Money and percentages as canonical values rounded to two significant figures, for zh/en comparison. */
function facts(markdown: string): string[] {
  const out = new Set<string>();
  for (const f of figures(markdown)) {
    if (!f.percent && Math.abs(f.value) < 1e6) continue; // prices, counts and times print at different precisions
    out.add(`${f.percent ? '%' : '$'}${Number(Math.abs(f.value).toPrecision(2))}`);
  }
  return [...out].sort();
}

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

describe.each(CASES)('faithful figures: $name', (c) => {
  const loaded = loadCase(c);
  const values = candidates(loaded);

  it.each(['zh', 'en'] as const)('every number in the %s brief comes from findings, notes or config', (lang) => {
    const { markdown } = render(loaded, lang, templates);
    const found = figures(markdown);
    expect(found.length).toBeGreaterThan(30);
    const unexplained = found.filter((f) => !matches(f, values)).map((f) => f.text);
    expect(unexplained).toEqual([]);
  });

  it('zh and en carry the same dates and the same money and percentage facts', () => {
    const zh = render(loaded, 'zh', templates).markdown;
    const en = render(loaded, 'en', templates).markdown;
    expect(dates(zh, 'zh', loaded.findings.date)).toEqual(dates(en, 'en', loaded.findings.date));
    expect(facts(zh)).toEqual(facts(en));
  });
});

describe('the figure extractor', () => {
  it('reads scaled money, percentages and signs', () => {
    const found = figures('全网清算 12.6 亿美元,其中多头占 73%,费率 −0.0025%;$1.26 billion, $41,706.');
    expect(found.map((f) => [f.value, f.percent])).toEqual([
      [1.26e9, false],
      [73, true],
      [-0.0025, true],
      [1.26e9, false],
      [41706, false],
    ]);
    // 12.6 亿: the last digit is 0.1 亿 = 1e7.
    expect(found[0]!.unit).toBeCloseTo(1e7);
  });
  it('fails a figure that is not in the sources', () => {
    expect(matches({ text: '9.9 亿', value: 9.9e8, unit: 1e7, percent: false }, [1.26e9, 0.73])).toBe(false);
    expect(matches({ text: '73%', value: 73, unit: 1, percent: true }, [0.7258])).toBe(true);
  });
});
