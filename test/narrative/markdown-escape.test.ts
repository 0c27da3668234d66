import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { footnoteRefs, md, mdCode, mdUrl, mdWords } from '../../pipeline/narrative/markdown-escape.js';

// The HTML stage's settings: raw HTML off, no linkify.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** What a reader sees: the input with line breaks as spaces, controls dropped, runs of spaces collapsed. */
function normalised(text: string): string {
  return text
    .replace(/[\r\n\t\f\v\u0085\u2028\u2029]+/g, ' ')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Inline tokens of `prefix + md(text)` rendered as one paragraph; only plain text is allowed. */
function inlineTokens(text: string, prefix = '') {
  const tokens = markdown.parse(`${prefix}${md(text)}`, {});
  return tokens;
}

const PAYLOADS = [
  '# heading',
  '---',
  '- item',
  '+ item',
  '1. first',
  '2) second',
  '> quote',
  '**bold** and _em_',
  '[link](https://evil.example)',
  '![img](http://169.254.169.254/x)',
  '<script>alert(1)</script>',
  '<https://autolink.example>',
  '&amp; &copy; &#x41;',
  '| a | b |\n|---|---|',
  '`code`',
  '~~strike~~',
  'line one\n\n# two',
  'trailing backslash \\',
  'a\u202eevil\u202c b',
  '=== setext',
];

// Strings built mostly from Markdown syntax, entities, HTML and line breaks, mixed with any graphemes.
const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '*',
        '_',
        '`',
        '[',
        ']',
        '(',
        ')',
        '!',
        '#',
        '|',
        '~',
        '&',
        '<',
        '>',
        '\\',
        '-',
        '+',
        '=',
        '1.',
        '2)',
        '\n',
        '\r\n',
        ' ',
        '  ',
        '&amp;',
        '&#65;',
        '<b>',
        '](http://x)',
        '---',
        '\u202e',
      ),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

describe('md()', () => {
  it.each(PAYLOADS)('prints %j as plain text in one paragraph', (payload) => {
    const tokens = inlineTokens(payload);
    const expected = normalised(payload);
    if (expected === '') {
      expect(tokens).toHaveLength(0);
      return;
    }
    expect(tokens.map((t) => t.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
    const children = tokens[1]!.children ?? [];
    expect(children.every((c) => c.type === 'text')).toBe(true);
    expect(children.map((c) => c.content).join('')).toBe(expected);
  });

  it('keeps every string plain text, also after a bullet label (property)', () => {
    fc.assert(
      fc.property(markdownish, (payload) => {
        const expected = normalised(payload);
        fc.pre(expected !== '');
        const tokens = inlineTokens(payload, '● **标签:** ');
        expect(tokens.map((t) => t.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
        const children = tokens[1]!.children ?? [];
        const text = children
          .filter((c) => c.type === 'text')
          .map((c) => c.content)
          .join('');
        // The only non-text tokens are the label's own strong_open/strong_close.
        expect(children.filter((c) => c.type !== 'text').map((c) => c.type)).toEqual(['strong_open', 'strong_close']);
        expect(text).toBe(`● 标签: ${expected}`);
      }),
      { seed: 20240104, numRuns: 500 },
    );
  });

  it('leaves ordinary text and figures alone', () => {
    expect(md('42,156.3 美元')).toBe('42,156.3 美元');
    expect(md('$1.2–1.3 billion')).toBe('$1.2–1.3 billion');
    expect(md('1.5 倍')).toBe('1.5 倍');
    expect(md('a_b')).toBe('a\\_b');
  });

  it('mdWords refuses Markdown syntax in code-written words', () => {
    expect(mdWords('资金费率')).toBe('资金费率');
    expect(() => mdWords('**x**')).toThrow(/Markdown syntax/);
  });
});

describe('mdUrl()', () => {
  it('accepts http(s) and encodes characters that would end the destination', () => {
    expect(mdUrl('https://t.me/example')).toBe('https://t.me/example');
    expect(mdUrl('https://example.com/a b(c)')).toBe('https://example.com/a%20b%28c%29');
  });
  it('refuses other schemes and credentials', () => {
    expect(mdUrl('javascript:alert(1)')).toBeUndefined();
    expect(mdUrl('file:///etc/passwd')).toBeUndefined();
    expect(mdUrl('https://user:pw@example.com/')).toBeUndefined();
    expect(mdUrl('not a url')).toBeUndefined();
  });
  it('yields a link markdown-it renders with the same href', () => {
    const url = mdUrl('https://example.com/x)y')!;
    const html = markdown.renderInline(`[src](${url})`);
    expect(html).toBe('<a href="https://example.com/x%29y">src</a>');
  });
});

describe('mdCode()', () => {
  it('wraps an endpoint in a code span that renders it verbatim', () => {
    const endpoint = '/api/v3/klines?symbol=BTCUSDT&interval=1h';
    expect(mdCode(endpoint)).toBe('`/api/v3/klines?symbol=BTCUSDT&interval=1h`');
    expect(markdown.renderInline(mdCode(endpoint))).toBe('<code>/api/v3/klines?symbol=BTCUSDT&amp;interval=1h</code>');
  });
  it('picks a fence longer than any backtick run and pads a leading or trailing backtick', () => {
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('a``b`')).toBe('``` a``b` ```');
    expect(markdown.renderInline(mdCode('a``b`'))).toBe('<code>a``b`</code>');
  });
  it('keeps every string inside one code span (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        if (normalised(text) === '') return;
        const tokens = markdown.parseInline(`x ${mdCode(text)} y`, {})[0]!.children!;
        expect(tokens.map((t) => t.type)).toEqual(['text', 'code_inline', 'text']);
        expect(tokens[1]!.content).toBe(normalised(text).replace(/^ (.*) $/, '$1'));
      }),
      { seed: 6, numRuns: 300 },
    );
  });
  it('refuses an empty endpoint', () => {
    expect(() => mdCode(' \n ')).toThrow();
  });
});

describe('footnoteRefs()', () => {
  it('writes footnote references for footnote numbers only', () => {
    expect(footnoteRefs([1, 3])).toBe('[^1][^3]');
    expect(() => footnoteRefs([0])).toThrow(RangeError);
    expect(() => footnoteRefs([1.5])).toThrow(RangeError);
  });
});
