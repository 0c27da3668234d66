/**
 * Every figure links to its source and as-of time (issue 6): the bundled brief through the real
 * pipeline, in Markdown, HTML and PDF, and the Markdown → HTML footnote rendering on its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { providerName } from '../../pipeline/narrative/names.js';
import type { Provenance, Snapshot } from '../../kernel/snapshot/index.js';
import { markdownToHtml } from '../../renderers/markdown-to-html.js';
import { pdfText } from '../support/pdf-tools.js';
import { renderToTemp } from '../support/render-bundled.js';
import { EN_MONTHS } from '../../kernel/locale/format.js';

/** An instant on the UTC+8 wall clock, computed here without the brief's formatters. */
function utc8(iso: string): { zh: string; en: string } {
  const shifted = new Date(Date.parse(iso) + 8 * 3_600_000);
  const hm = shifted.toISOString().slice(11, 16);
  return {
    zh: `${shifted.toISOString().slice(0, 10)} ${hm}`,
    en: `${shifted.getUTCDate()} ${EN_MONTHS[shifted.getUTCMonth()]} ${shifted.getUTCFullYear()} ${hm}`,
  };
}

function provenances(snapshot: Snapshot): Provenance[] {
  const out: Provenance[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if ('provenance' in v) out.push(v.provenance as Provenance);
      Object.values(v).forEach(walk);
    }
  };
  walk(snapshot);
  return out;
}

interface Series {
  provider: string;
  endpoint: string;
  asOf: string;
}

/** One footnote: one marker per sentence, the note lists every series the sentence draws on. */
interface Definition {
  label: number;
  series: Series[];
}

const DEFINITION = /^\[\^(\d+)\]: (.+)$/;
/** One series of a note, then its separator (；/; ) or the note's end (。/.). */
const SERIES = {
  zh: /(.+?) `([^`]+)`，数据截至 (\d{4}-\d{2}-\d{2} \d{2}:\d{2})（东八区），重建数据(?:；|。$)/y,
  en: /(.+?) `([^`]+)`, as of (\d{1,2} [A-Z][a-z]+ \d{4} \d{2}:\d{2}) UTC\+8, \*reconstructed\*(?:; |\.$)/y,
};

function definitions(markdown: string, lang: 'zh' | 'en'): Definition[] {
  const lines = markdown.split('\n').filter((l) => l.startsWith('[^'));
  return lines.map((line) => {
    const m = DEFINITION.exec(line);
    if (!m) throw new Error(`not a source footnote: ${line}`);
    const body = m[2]!;
    const re = new RegExp(SERIES[lang].source, 'y');
    const series: Series[] = [];
    while (re.lastIndex < body.length) {
      const s = re.exec(body);
      if (!s) throw new Error(`not a source footnote: ${line}`);
      series.push({ provider: s[1]!, endpoint: s[2]!, asOf: s[3]! });
    }
    return { label: Number(m[1]), series };
  });
}

/** The text before the sources list: where the references are. */
function bodyOf(markdown: string): string {
  return markdown
    .split('\n')
    .filter((l) => !l.startsWith('[^'))
    .join('\n');
}

let rendered: Awaited<ReturnType<typeof renderToTemp>>;
const read = (file: string): string => readFileSync(join(rendered.outDir, '2024-01-04', file), 'utf8');

beforeAll(async () => {
  rendered = await renderToTemp(undefined, { formats: ['md', 'html', 'pdf'] });
}, 120_000);

describe.each(['zh', 'en'] as const)('source footnotes in the bundled %s brief', (lang) => {
  it('puts one footnote on every bullet and on each sentence of the lead, never a stack', () => {
    const markdown = read(`${lang}.md`);
    const bullets = markdown.split('\n').filter((l) => l.startsWith('● '));
    expect(bullets.length).toBeGreaterThanOrEqual(9);
    for (const bullet of bullets) expect(bullet).toMatch(/\[\^\d+\]/);
    expect(bodyOf(markdown)).not.toMatch(/\[\^\d+\]\s*\[\^\d+\]/);
    const lead = markdown.split('\n\n')[1]!;
    expect(lead.match(/\[\^\d+\]/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('names a provider in the snapshot and the series as-of time on the UTC+8 clock', () => {
    const markdown = read(`${lang}.md`);
    const all = provenances(rendered.snapshot);
    const defs = definitions(markdown, lang);
    const series = defs.flatMap((d) => d.series);
    expect(new Set(series.map((d) => d.endpoint)).size).toBeGreaterThanOrEqual(20);
    for (const d of series) {
      const candidates = all.filter((p) => p.endpoint === d.endpoint && utc8(p.asOf)[lang] === d.asOf);
      expect(candidates.length, `${d.endpoint} as of ${d.asOf}`).toBeGreaterThan(0);
      const names = candidates.map((p) => providerName(p.provider, lang).replace(/^[a-z]/, (c) => c.toUpperCase()));
      expect(names).toContain(d.provider);
    }
    // By hand: note 1 is the price sentence's: prices[1], Binance hourly spot candles, asOf
    // 2024-01-04T15:00Z + 8 h, then prices[0], the daily candles, asOf 2024-01-03T00:00Z + 8 h.
    expect(defs[0]).toEqual({
      label: 1,
      series: [
        {
          provider: 'Binance',
          endpoint: '/api/v3/klines?symbol=BTCUSDT&interval=1h',
          asOf: lang === 'zh' ? '2024-01-04 23:00' : '4 January 2024 23:00',
        },
        {
          provider: 'Binance',
          endpoint: '/api/v3/klines?symbol=BTCUSDT&interval=1d',
          asOf: lang === 'zh' ? '2024-01-03 08:00' : '3 January 2024 08:00',
        },
      ],
    });
  });

  it('defines every reference once, references every definition, numbered in order of first use', () => {
    const markdown = read(`${lang}.md`);
    const labels = definitions(markdown, lang).map((d) => d.label);
    expect(labels).toEqual(labels.map((_, i) => i + 1));
    const firstUse: number[] = [];
    for (const m of bodyOf(markdown).matchAll(/\[\^(\d+)\]/g)) if (!firstUse.includes(Number(m[1]))) firstUse.push(Number(m[1]));
    expect(firstUse).toEqual(labels);
  });

  it('links references and the list both ways in the HTML, before the footer', () => {
    const html = read(`${lang}.html`);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/\shref="#([^"]+)"/g)].map((m) => m[1]!);
    const count = definitions(read(`${lang}.md`), lang).length;
    expect(hrefs.filter((h) => h.startsWith('fn') && !h.startsWith('fnref')).length).toBeGreaterThan(count);
    for (const href of hrefs) expect(ids, `#${href}`).toContain(href);
    const section = /<section class="footnotes">\n<ol class="footnotes-list">\n([\s\S]*?)<\/ol>\n<\/section>/.exec(html);
    expect(section).not.toBeNull();
    expect(section![1]!.match(/<li id="fn\d+" class="footnote-item">/g)?.length).toBe(count);
    expect(html.indexOf('<section class="footnotes">')).toBeLessThan(html.lastIndexOf('<hr>'));
    expect(html).toContain(lang === 'zh' ? '<h2>数据来源</h2>' : '<h2>Sources</h2>');
    // The list adds no script, handler or resource.
    expect(section![1]).not.toMatch(/<script|\son[a-z]+=|\ssrc=/i);
  });

  it('prints the sources list in the PDF', () => {
    const text = pdfText(join(rendered.outDir, '2024-01-04', `${lang}.pdf`)).replace(/\s+/g, '');
    expect(text).toContain(lang === 'zh' ? '数据来源' : 'Sources');
    for (const d of definitions(read(`${lang}.md`), lang).flatMap((n) => n.series)) {
      expect(text).toContain(d.endpoint.replace(/\s+/g, ''));
      expect(text).toContain(d.asOf.replace(/\s+/g, ''));
    }
  });
});

it('carries the same sources under the same numbers in zh and en', () => {
  const pick = (lang: 'zh' | 'en') => definitions(read(`${lang}.md`), lang).map((d) => [d.label, d.series.map((s) => s.endpoint)]);
  expect(pick('en')).toEqual(pick('zh'));
  const refs = (lang: 'zh' | 'en') => [...bodyOf(read(`${lang}.md`)).matchAll(/(\[\^\d+\])+/g)].map((m) => m[0]);
  // The en wire wrap leaves out bull/bear points that restate a printed bullet (the positioning's
  // wire list, issue 17): its references are zh's in the same order, less those points'.
  const zh = refs('zh');
  let at = 0;
  for (const ref of refs('en')) {
    at = zh.indexOf(ref, at);
    expect(at, `${ref} in zh's order`).toBeGreaterThanOrEqual(0);
    at++;
  }
});

describe('markdownToHtml footnotes', () => {
  const doc = [
    'Price fell.[^1][^2] Funding reset.[^2]',
    '',
    '## Sources',
    '',
    '[^1]: Binance `/api/v3/klines?a=1&b=<x>`, as of 23:00.',
    '[^2]: OKX \\<script\\> `/x`.',
    '',
    '---',
    '',
    'Disclaimer.',
  ].join('\n');
  const html = markdownToHtml(doc, []);

  it('renders references as superscript links kept on one line with the full stop before them', () => {
    expect(html).toContain(
      '<p>Price fell<span class="footnote-refs">.<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup><sup class="footnote-ref"><a href="#fn2" id="fnref2">[2]</a></sup></span> Funding reset<span class="footnote-refs">.',
    );
    // Nothing to bind after a space: the run starts the span.
    expect(markdownToHtml('Fell [^1]\n\n[^1]: x', [])).toContain('<p>Fell <span class="footnote-refs"><sup');
  });

  it("numbers repeated uses with the note's own number", () => {
    expect(html).toContain('<a href="#fn2" id="fnref2:1">[2]</a>');
  });

  it('places the list where the definitions are written, before the footer rule', () => {
    expect(html.indexOf('<h2>Sources</h2>')).toBeLessThan(html.indexOf('<section class="footnotes">'));
    expect(html.indexOf('</section>')).toBeLessThan(html.indexOf('<hr>'));
    expect(html.match(/<hr/g)?.length).toBe(1);
  });

  it('links back once for a single use and by letter for several', () => {
    expect(html).toContain('<a href="#fnref1" class="footnote-backref">\u21a9\uFE0E</a>');
    expect(html).toContain(
      '<span class="footnote-backarrow">\u21a9\uFE0E</span> <a href="#fnref2" class="footnote-backref">a</a> <a href="#fnref2:1" class="footnote-backref">b</a>',
    );
  });

  it('keeps footnote text inert: escaped markup, code spans verbatim', () => {
    expect(html).toContain('<code>/api/v3/klines?a=1&amp;b=&lt;x&gt;</code>');
    expect(html).toContain('OKX &lt;script&gt;');
    expect(html).not.toContain('<script');
  });

  it('leaves inline footnotes and references without a definition as text', () => {
    const out = markdownToHtml('A ^[inline note] and [^9].', []);
    expect(out).toBe('<p>A ^[inline note] and [^9].</p>\n');
  });
});
