/**
 * The copy desk's rules. Each reads one brief (its model and the Markdown the templates made of
 * it) and returns what it found wrong, naming the sentence and the figures.
 */
import type { BriefModel } from '../narrative/index.js';
import { captionFigures, liquidationChartSum } from './captions.js';
import { parseFigures, sameValue, type Figure } from './figures.js';
import { modelFigures, type ModelFigure } from './model-figures.js';
import { excerpt, proseOf, sentencesOf } from './text.js';

export const RULES = [
  'trace',
  'one-value',
  'windows',
  'superlatives',
  'parts',
  'parity',
  'zh-punctuation',
  'data-note',
  'one-marker',
] as const;
export type RuleId = (typeof RULES)[number];

export interface CheckFailure {
  rule: RuleId;
  lang: string;
  message: string;
  sentence?: string;
  figures: string[];
}

export interface CheckedBrief {
  lang: string;
  model: BriefModel;
  markdown: string;
}

interface Read {
  brief: CheckedBrief;
  figures: ModelFigure[];
  sentences: string[];
}

function read(brief: CheckedBrief): Read {
  return { brief, figures: modelFigures(brief.model), sentences: sentencesOf(proseOf(brief.markdown)) };
}

function fail(rule: RuleId, r: Read, message: string, figures: string[], sentence?: string): CheckFailure {
  return { rule, lang: r.brief.lang, message, figures, ...(sentence ? { sentence: excerpt(sentence, figures[0]) } : {}) };
}

/** The first sentence printing `raw` as a whole figure: "1.3%" is not the tail of "11.3%". */
/** Every printed sentence holding the figure as a whole number (not inside a longer one). */
const sentencesWith = (r: Read, raw: string): string[] => {
  const whole = new RegExp(`(?<![\\d.,])${raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  return r.sentences.filter((s) => whole.test(s));
};
const sentenceWith = (r: Read, raw: string): string | undefined => sentencesWith(r, raw)[0];

/** trace: every figure the reader sees is a figure of the model (templates add no numbers). */
function trace(r: Read): CheckFailure[] {
  const known = new Set(r.figures.map((f) => f.key));
  const out: CheckFailure[] = [];
  for (const sentence of r.sentences) {
    const stray = parseFigures(sentence).filter((f) => !known.has(f.key));
    if (stray.length > 0) {
      out.push(
        fail(
          'trace',
          r,
          'a printed figure is not a figure of the brief model (typed into a template?)',
          stray.map((f) => f.raw),
          sentence,
        ),
      );
    }
  }
  return out;
}

/** Words that say which of two values a figure is: its window or its state. */
const LABELS: [string, RegExp][] = [
  ['US session', /美东交易日|美国交易日|按美股收盘计|US session|US trading day|US close to US close/],
  ['UTC day', /日线（UTC）|UTC day/],
  ['settled', /最新结算|已结算|latest settlement|settled/],
  ['current', /当前|current/],
  ['intraday', /日内|盘中|intraday/],
  ['close-to-close', /较前一日收盘|前一日收盘|previous close|from the previous/],
];

function labelsOf(text: string | undefined): string {
  return LABELS.filter(([, re]) => re.test(text ?? ''))
    .map(([name]) => name)
    .join('+');
}

/** Figures grouped by the model path they print from (a range is one path with two figures). */
function byPath<T extends Figure & { quantity?: string }>(figures: readonly T[], key: (f: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const f of figures) map.set(key(f), [...(map.get(key(f)) ?? []), f]);
  return map;
}

const agree = (a: readonly Figure[], b: readonly Figure[]): boolean => a.length === b.length && a.every((f, i) => sameValue(f, b[i]!));

/**
 * one-value: a quantity printed in two places (lead and bullet, bullet and caption, bullet and
 * bull point) has one value, unless the two sentences label the difference (settled vs current,
 * the US session vs the brief's day).
 */
function oneValue(r: Read): CheckFailure[] {
  const stated = r.figures.filter((f) => f.quantity !== undefined);
  const captions = captionFigures(r.brief.model, r.figures);
  const groups = new Map<string, { where: string; text: string | undefined; figures: Figure[] }[]>();
  for (const [path, figures] of byPath(stated, (f) => f.path)) {
    const q = figures[0]!.quantity!;
    groups.set(q, [...(groups.get(q) ?? []), { where: path, text: sentenceWith(r, figures[0]!.raw), figures }]);
  }
  for (const [key, figures] of byPath(captions, (f) => `${f.chart}|${f.quantity}`)) {
    const q = figures[0]!.quantity;
    groups.set(q, [...(groups.get(q) ?? []), { where: `chart ${key.split('|')[0]}`, text: figures[0]!.caption, figures }]);
  }
  const out: CheckFailure[] = [];
  for (const [quantity, places] of groups) {
    const first = places[0]!;
    for (const other of places.slice(1)) {
      if (agree(first.figures, other.figures)) continue;
      // Labelled: both sentences say which value they give, and they say different things.
      const [a, b] = [labelsOf(first.text), labelsOf(other.text)];
      if (a && b && a !== b) continue;
      out.push(
        fail(
          'one-value',
          r,
          `${quantity} has two values (${first.where}: ${first.figures.map((f) => f.raw).join('—')}; ${other.where}: ${other.figures.map((f) => f.raw).join('—')}) and neither sentence labels the difference`,
          [...first.figures, ...other.figures].map((f) => f.raw),
          other.text ?? first.text,
        ),
      );
    }
  }
  return out;
}

/**
 * windows: a price change of the brief's asset over another window (the UTC day of an ETF
 * bullet's session, a US session) than the lead's close-to-close change says which window it is.
 */
function windows(r: Read): CheckFailure[] {
  const primary = String(r.brief.model.lead.asset);
  const lead = r.figures.find((f) => f.quantity === `price.change@${primary}`);
  if (!lead) return [];
  const out: CheckFailure[] = [];
  for (const f of r.figures) {
    if (!f.quantity || f.quantity === lead.quantity || !/(^|\.)priceChange@/.test(f.quantity) || !f.quantity.endsWith(`@${primary}`))
      continue;
    if (sameValue(f, lead)) continue;
    // The same digits may also stand for another quantity elsewhere (an open-interest change of
    // 5.9 % beside a 5.9 % move on a UTC day): the figure passes when one of its sentences says its window.
    const sentences = sentencesWith(r, f.raw);
    const sentence = sentences[0];
    if (!sentence) continue; // in the model, not printed
    if (
      !sentences.some((s) =>
        /美东交易日|美国交易日|按美股收盘计|US session|US trading day|US close to US close|日线（UTC）|UTC day|24 小时|24 hours/.test(s),
      )
    ) {
      out.push(
        fail(
          'windows',
          r,
          `${primary} moves ${lead.raw} in the lead and ${f.raw} here; this sentence does not say which window it measures`,
          [lead.raw, f.raw],
          sentence,
        ),
      );
    }
  }
  return out;
}

const SUPERLATIVE =
  /最大单日|单日最大|单日最高|最高单日|新高|新低|创纪录|有数据以来|历史最高|(?:largest|biggest|steepest) (?:daily|single-day|one-day)|a record|record high|all-time|highest since|lowest since/i;
const WINDOW =
  /近\s*\S*\s*\d[\d,]*\s*(?:日|天|个交易日|周|个月|年)|自\s*\S+\s*以来|(?<!有数据)以来|in \d[\d,]* (?:days|sessions|weeks|months)|since \S|\d+-(?:day|session|week|month)/;

/** superlatives: a "largest" or "record" says over which window; "since records began" is not one. */
function superlatives(r: Read): CheckFailure[] {
  return r.sentences.flatMap((sentence) => {
    const m = SUPERLATIVE.exec(sentence);
    if (!m) return [];
    if (/有数据以来/.test(sentence) || !WINDOW.test(sentence)) {
      return [fail('superlatives', r, `"${m[0]}" without the window it was measured over (近 N 日 / in N days)`, [], sentence)];
    }
    return [];
  });
}

/** parts: a part is not larger than its total; a share is at most 100%. */
function parts(r: Read): CheckFailure[] {
  const out: CheckFailure[] = [];
  const at = (re: RegExp): ModelFigure[] => r.figures.filter((f) => re.test(f.path.replace(/\[\d+\]/g, '')));
  const total = at(/(^|\.)liquidations\.total$/)[0];
  const pairs: [string, ModelFigure[], ModelFigure | undefined][] = [
    ['BTC-only liquidations within the market-wide total', at(/\.liquidations\.assetFloor\.total$/), total],
    ['the cluster within the liquidation total', at(/\.cluster\.notional$/), total],
    ['one ETF within the ETFs total', at(/\.etfVolume\.top\.volume$/), at(/\.etfVolume\.total$/)[0]],
    ['the largest transfer within the transfers total', at(/\.whales\.largest\.amount$/), at(/\.whales\.total$/)[0]],
  ];
  for (const [what, partFigures, whole] of pairs) {
    if (!whole) continue;
    for (const part of partFigures) {
      if (part.value > whole.value + part.tolerance + whole.tolerance) {
        out.push(
          fail(
            'parts',
            r,
            `part larger than its total: ${what} (${part.raw} > ${whole.raw})`,
            [part.raw, whole.raw],
            sentenceWith(r, part.raw),
          ),
        );
      }
    }
  }
  const chart = liquidationChartSum(r.brief.model);
  if (chart && total && chart.sum > total.value + chart.tolerance + total.tolerance) {
    out.push(
      fail(
        'parts',
        r,
        `part larger than its total: the liquidation chart's longs and shorts exceed ${total.raw}`,
        [total.raw],
        chart.caption,
      ),
    );
  }
  for (const f of r.figures) {
    if (f.unit === 'pct' && /[sS]hare$/.test(f.path) && f.value > 100 + f.tolerance) {
      out.push(fail('parts', r, `a share above 100% (${f.raw})`, [f.raw], sentenceWith(r, f.raw)));
    }
  }
  return out;
}

/** zh-punctuation: Chinese prose uses full-width ，：；（）; half-width only inside numbers, tickers and URLs. */
function zhPunctuation(r: Read): CheckFailure[] {
  if (r.brief.lang !== 'zh') return [];
  const han = '\\u3400-\\u9fff';
  const re = new RegExp(`[${han}][,;:()]|[,;:(][${han}]|[${han}] [,;:()]`, 'u');
  return r.sentences.flatMap((sentence) => {
    // Image alt text is the chart's own caption; an escaped entity's `;` (\&\#x27;) is no punctuation.
    const m = re.exec(sentence.replace(/!\[[^\]]*\]/g, '').replace(/\\?&\\?#?[A-Za-z0-9]+;/g, ''));
    return m ? [fail('zh-punctuation', r, `half-width punctuation in Chinese text ("${m[0]}")`, [], sentence)] : [];
  });
}

/** data-note: the note for readers names what is missing, not how it failed. */
function dataNote(r: Read): CheckFailure[] {
  const note = r.sentences.filter((s) => /数据说明|Data note/.test(s));
  const out: CheckFailure[] = [];
  for (const sentence of note) {
    const bad =
      /(?:^|[\s(（])\/[a-z0-9_]+\//i.exec(sentence) ??
      /\bhttps?:|\bapi\b|\bv\d\/|\bwss?\b/i.exec(sentence) ??
      /\b[45]\d\d\b/.exec(sentence) ??
      /…|\.\.\./.exec(sentence) ??
      (r.brief.lang === 'zh' ? /[A-Za-z]+(?:\s+[a-z]+){3,}/.exec(sentence) : null);
    if (bad)
      out.push(fail('data-note', r, `the data note prints an endpoint, a code, a cut or an internal message ("${bad[0]}")`, [], sentence));
  }
  return out;
}

/**
 * one-marker: a sentence carries one footnote marker, whose note lists every series it draws on;
 * a stack ("[^1][^5][^6]") is clutter a desk would not print. And markers and notes pair up: a
 * note no sentence points at (a citation for a sentence a template left out) or a marker with no
 * note is a broken source list.
 */
function oneMarker(r: Read): CheckFailure[] {
  const out: CheckFailure[] = [];
  const defined: string[] = [];
  const referenced = new Set<string>();
  for (const line of r.brief.markdown.split('\n')) {
    const note = /^\[\^(\d+)\]:/.exec(line);
    if (note) {
      defined.push(note[1]!);
      continue;
    }
    for (const m of line.matchAll(/\[\^(\d+)\]/g)) referenced.add(m[1]!);
    for (const m of line.matchAll(/(?:\[\^\d+\]\s*){2,}/g)) {
      const before = line.slice(0, m.index).replace(/\[\^\d+\]/g, '');
      out.push(fail('one-marker', r, `stacked footnote markers (${m[0].trim()})`, [m[0].trim()], before.slice(-120)));
    }
  }
  for (const label of defined.filter((n) => !referenced.has(n)))
    out.push(fail('one-marker', r, `footnote [^${label}] is listed but no sentence points at it`, [`[^${label}]`]));
  for (const label of [...referenced].filter((n) => !defined.includes(n)))
    out.push(fail('one-marker', r, `marker [^${label}] has no footnote`, [`[^${label}]`]));
  return out;
}

/** parity: the zh and en briefs carry the same figures (same model paths, same values). */
export function parity(zh: CheckedBrief, en: CheckedBrief): CheckFailure[] {
  const keyed = (b: CheckedBrief): Map<string, ModelFigure[]> =>
    byPath(
      modelFigures(b.model).filter((f) => f.quantity && f.unit !== 'number' && !/(^|\.)(leadCharts|charts)(\[|\.)/.test(f.path)),
      (f) => f.path,
    );
  const zhFigures = keyed(zh);
  const enFigures = keyed(en);
  const out: CheckFailure[] = [];
  for (const [path, figures] of zhFigures) {
    const other = enFigures.get(path);
    if (!other || !agree(figures, other)) {
      out.push({
        rule: 'parity',
        lang: 'zh/en',
        message: `${path}: zh ${figures.map((f) => f.raw).join('—')}, en ${other ? other.map((f) => f.raw).join('—') : 'missing'}`,
        figures: [...figures, ...(other ?? [])].map((f) => f.raw),
      });
    }
  }
  for (const [path, figures] of enFigures) {
    if (!zhFigures.has(path)) {
      out.push({
        rule: 'parity',
        lang: 'zh/en',
        message: `${path}: en ${figures.map((f) => f.raw).join('—')}, zh missing`,
        figures: figures.map((f) => f.raw),
      });
    }
  }
  return out;
}

export function checkOne(brief: CheckedBrief): CheckFailure[] {
  const r = read(brief);
  return [
    ...trace(r),
    ...oneValue(r),
    ...windows(r),
    ...superlatives(r),
    ...parts(r),
    ...zhPunctuation(r),
    ...dataNote(r),
    ...oneMarker(r),
  ];
}
