/**
 * Brief Markdown → HTML body, with markdown-it. Raw HTML in the Markdown is off (data is
 * untrusted), links are limited to http(s) and mailto, and the only images are the brief's own
 * charts: a paragraph that holds just `![alt](charts/<id>.svg)` becomes an inline SVG figure.
 * Any other image is dropped (its alt text stays), so nothing in a brief loads a resource.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

export const CHART_SRC = /^charts\/([a-z0-9-]+)\.svg$/;

export interface InlineChart {
  id: string;
  svg: string;
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  // Links: web and mail only; images: the brief's own chart files (anything else is dropped below).
  md.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim()) || CHART_SRC.test(url.trim());
  md.core.ruler.push('chart_blocks', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i += 1) {
      const [open, inline, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
      const only = inline.children?.length === 1 ? inline.children[0] : undefined;
      const src = only?.type === 'image' ? (only.attrGet('src') ?? '') : '';
      if (open.type !== 'paragraph_open' || close.type !== 'paragraph_close' || !CHART_SRC.test(src)) continue;
      const chart = new state.Token('chart', '', 0);
      chart.meta = { id: CHART_SRC.exec(src)![1], alt: only!.content };
      chart.block = true;
      tokens.splice(i, 3, chart);
    }
  });
  md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx]!.content);
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
