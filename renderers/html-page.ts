/**
 * The standalone HTML page around a brief's body: inline CSS, inline SVG charts, no script and
 * no external resource. The layout template and stylesheet live in templates/layout/ so the
 * editorial team can restyle them; they are compiled once per process.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { RenderError } from '../kernel/errors.js';
import type { Lang } from '../kernel/lang.js';
import { LOCALES } from '../kernel/locale/index.js';

export interface PageInput {
  lang: Lang;
  title: string;
  description: string;
  publicationName: string;
  dateLabel: string;
  /** Trusted HTML produced by markdownToHtml. */
  bodyHtml: string;
}

export interface PageLayout {
  render(input: PageInput, extras?: { css?: string }): string;
}

export async function loadPageLayout(templatesDir: string): Promise<PageLayout> {
  const dir = join(templatesDir, 'layout');
  let source: string;
  let css: string;
  try {
    [source, css] = await Promise.all([readFile(join(dir, 'page.hbs'), 'utf8'), readFile(join(dir, 'style.css'), 'utf8')]);
  } catch (error) {
    throw new RenderError(`cannot read the page layout in ${dir}: ${(error as Error).message}`, { cause: error });
  }
  const hbs = Handlebars.create();
  const template = hbs.compile(source, { strict: true, knownHelpersOnly: true, knownHelpers: {} });
  return {
    render(input, extras = {}) {
      // `body` and `css` are our own trusted HTML/CSS; everything else is escaped by Handlebars.
      return template({
        htmlLang: LOCALES[input.lang].tag,
        title: input.title,
        description: input.description,
        publicationName: input.publicationName,
        dateLabel: input.dateLabel,
        css: new hbs.SafeString(extras.css ? `${extras.css}\n${css}` : css),
        body: new hbs.SafeString(input.bodyHtml),
      });
    },
  };
}
