/**
 * Brief Markdown → HTML body, with markdown-it. Raw HTML in the Markdown is off (data is
 * untrusted), links are limited to http(s) and mailto, and the only images are the brief's own
 * charts: a paragraph that holds just `![alt](charts/<id>.svg)` becomes an inline SVG figure.
 * Any other image is dropped (its alt text stays), so nothing in a brief loads a resource.
 *
 * Source footnotes (`[^1]` … `[^1]: …`, markdown-it-footnote) become superscript links to a
 * numbered list with links back to the text; the list is placed where the definitions are written
 * (the brief's "Sources" section), not appended after the footer. Inline footnotes (`^[…]`) are
 * off: the brief's footnotes are always written by the templates.
 */
import MarkdownIt, { type PluginSimple } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';

export const CHART_SRC = /^charts\/([a-z0-9-]+)\.svg$/;

export interface InlineChart {
  id: string;
  svg: string;
}

/** Marks where the first footnote definition stood, so the footnote list can be put back there. */
function markFootnotePlace(state: StateCore): void {
  const index = state.tokens.findIndex((t) => t.type === 'footnote_reference_open');
  if (index >= 0) state.tokens.splice(index, 0, new state.Token('footnote_place', '', 0));
}

/** Moves the list markdown-it-footnote appended at the end to the marked place. */
function placeFootnotes(state: StateCore): void {
  const tokens = state.tokens;
  const place = tokens.findIndex((t) => t.type === 'footnote_place');
  if (place < 0) return;
  const open = tokens.findIndex((t) => t.type === 'footnote_block_open');
  const close = tokens.findLastIndex((t) => t.type === 'footnote_block_close');
  const block = open > place && close > open ? tokens.splice(open, close - open + 1) : [];
  tokens.splice(place, 1, ...block);
}

/**
 * Wraps each run of adjacent references ("[1][2][9]") in one span, with the character before it
 * (the sentence's "。" or "."), so a line never breaks inside the run or just before it.
 */
function groupFootnoteRefs(state: StateCore): void {
  for (const block of state.tokens) {
    const children = block.children;
    if (block.type !== 'inline' || !children?.some((t) => t.type === 'footnote_ref')) continue;
    const grouped: Token[] = [];
    children.forEach((token, i) => {
      const previous = children[i - 1];
      const next = children[i + 1];
      const isRef = token.type === 'footnote_ref';
      if (isRef && previous?.type !== 'footnote_ref') {
        const before = grouped.at(-1);
        const chars = before?.type === 'text' ? [...before.content] : [];
        const last = chars.at(-1);
        const bind = before !== undefined && last !== undefined && last.trim() !== '';
        if (bind) before.content = chars.slice(0, -1).join('');
        grouped.push(new state.Token('footnote_refs_open', 'span', 1));
        if (bind) {
          const moved = new state.Token('text', '', 0);
          moved.content = last;
          grouped.push(moved);
        }
      }
      grouped.push(token);
      if (isRef && next?.type !== 'footnote_ref') grouped.push(new state.Token('footnote_refs_close', 'span', -1));
    });
    block.children = grouped;
  }
}

/** "a", "b" … "z", then 27, 28 …: the letters of a note's links back to its several uses. */
function backrefLabel(subId: number): string {
  return subId < 26 ? String.fromCharCode(97 + subId) : String(subId + 1);
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  // Links: web and mail only; images: the brief's own chart files (anything else is dropped below).
  md.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim()) || CHART_SRC.test(url.trim());
  // @types/markdown-it-footnote types the plugin against markdown-it's CommonJS typings; the
  // function is the same one markdown-it's ESM typings call a PluginSimple.
  md.use(footnote as unknown as PluginSimple);
  md.inline.ruler.disable('footnote_inline');
  md.core.ruler.before('footnote_tail', 'footnote_place', markFootnotePlace);
  md.core.ruler.after('footnote_tail', 'footnote_move', placeFootnotes);
  md.core.ruler.after('footnote_move', 'footnote_group', groupFootnoteRefs);
  md.renderer.rules.footnote_place = () => '';
  md.renderer.rules.footnote_refs_open = () => '<span class="footnote-refs">';
  md.renderer.rules.footnote_refs_close = () => '</span>';
  // "[3]" at every use of note 3 (the plugin's default numbers repeats as "[3:1]", "[3:2]" …).
  md.renderer.rules.footnote_caption = (tokens, idx) => `[${(tokens[idx]!.meta as { id: number }).id + 1}]`;
  // The list follows the Sources heading: no rule above it.
  md.renderer.rules.footnote_block_open = () => '<section class="footnotes">\n<ol class="footnotes-list">\n';
  // Back-links: one arrow for a note used once; used several times, an arrow and a, b, c … each
  // linking to one use (markdown-it-footnote's default repeats the arrow once per use).
  md.renderer.rules.footnote_anchor = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const { id, subId } = token.meta as { id: number; subId: number };
    const name = self.rules.footnote_anchor_name!(tokens, idx, options, env, self);
    const href = `#fnref${name}${subId > 0 ? `:${subId}` : ''}`;
    const next = tokens[idx + 1];
    const several = subId > 0 || (next?.type === 'footnote_anchor' && (next.meta as { id: number }).id === id);
    if (!several) return ` <a href="${href}" class="footnote-backref">\u21a9\uFE0E</a>`;
    const arrow = subId === 0 ? ' <span class="footnote-backarrow">\u21a9\uFE0E</span>' : '';
    return `${arrow} <a href="${href}" class="footnote-backref">${backrefLabel(subId)}</a>`;
  };
  md.core.ruler.push('chart_blocks', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i += 1) {
      const [open, inline, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
      const only = inline.children?.length === 1 ? inline.children[0] : undefined;
      const src = only?.type === 'image' ? (only.attrGet('src') ?? '') : '';
      if (open.type !== 'paragraph_open' || close.type !== 'paragraph_close' || !CHART_SRC.test(src)) continue;
      const chart = new state.Token('chart', '', 0);
      // The caption is the alt text as a reader sees it (escapes resolved), not its Markdown source.
      chart.meta = {
        id: CHART_SRC.exec(src)![1],
        alt: state.md.renderer.renderInlineAsText(only!.children ?? [], state.md.options, state.env),
      };
      chart.block = true;
      tokens.splice(i, 3, chart);
    }
  });
  md.renderer.rules.image = (tokens, idx, options, env) =>
    md.utils.escapeHtml(md.renderer.renderInlineAsText(tokens[idx]!.children ?? [], options, env));
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]!.attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

const md = createMarkdown();

export function markdownToHtml(markdown: string, charts: readonly InlineChart[]): string {
  const byId = new Map(charts.map((c) => [c.id, c.svg]));
  const env = {};
  const tokens = md.parse(markdown, env);
  md.renderer.rules.chart = (all: Token[], idx: number) => {
    const { id, alt } = all[idx]!.meta as { id: string; alt: string };
    const svg = byId.get(id);
    if (!svg) return '';
    return `<figure class="chart" id="chart-${id}">${svg}<figcaption>${md.utils.escapeHtml(alt)}</figcaption></figure>\n`;
  };
  return md.renderer.render(tokens, md.options, env);
}
