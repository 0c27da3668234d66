/**
 * Builds the static site from rendered briefs into an empty directory:
 *
 *   index.html, en/index.html         archive per language, latest first, with a zh/en switch
 *   briefs/<date>/<lang>.html|pdf|md  each brief, its downloads and chart SVGs
 *   feed.zh.xml, feed.en.xml          Atom feeds
 *   latest.json                       the newest brief per language, for other consumers
 *
 * Every link is relative, so the site works under a GitHub Pages sub-path. Output depends only
 * on the briefs, so the same input gives the same bytes.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { dateLabel } from '../../pipeline/render/labels.js';
import { atomFeed } from './atom.js';
import type { BriefMeta } from './brief-meta.js';
import type { RenderedBriefFiles } from './collect-briefs.js';

type Lang = 'zh' | 'en';

export interface SiteOptions {
  templatesDir: string;
  publicationName: Record<Lang, string>;
  /** Absolute URL of the published site, for the feeds (optional). */
  siteUrl?: string;
}

const INDEX_PATH: Record<Lang, string> = { zh: 'index.html', en: 'en/index.html' };
const ROOT_FROM_INDEX: Record<Lang, string> = { zh: '', en: '../' };
const FEED: Record<Lang, string> = { zh: 'feed.zh.xml', en: 'feed.en.xml' };
const WORDS = {
  zh: { heading: '每日简报', empty: '暂无简报。', feed: '订阅（Atom）', switchLabel: 'English', index: '全部简报', other: 'English' },
  en: { heading: 'Daily briefs', empty: 'No briefs yet.', feed: 'Atom feed', switchLabel: '中文', index: 'All briefs', other: '中文' },
} as const;

export async function buildSite(briefs: readonly RenderedBriefFiles[], outDir: string, options: SiteOptions): Promise<string[]> {
  const written: string[] = [];
  const write = async (relative: string, data: string) => {
    await mkdir(dirname(join(outDir, relative)), { recursive: true });
    await writeFile(join(outDir, relative), data);
    written.push(relative);
  };
  const [indexSource, css] = await Promise.all([
    readFile(join(options.templatesDir, 'layout', 'site-index.hbs'), 'utf8'),
    readFile(join(options.templatesDir, 'layout', 'style.css'), 'utf8'),
  ]);
  const hbs = Handlebars.create();
  const indexTemplate = hbs.compile(indexSource, { strict: true, knownHelpersOnly: true, knownHelpers: { if: true, each: true } });
  const latestFirst = [...briefs].sort((a, b) => b.meta.date.localeCompare(a.meta.date) || a.meta.lang.localeCompare(b.meta.lang));
  const has = new Set(briefs.map((b) => `${b.meta.date}/${b.meta.lang}`));

  for (const brief of latestFirst) {
    const { meta } = brief;
    const dir = `briefs/${meta.date}`;
    for (const [relative, source] of brief.files) {
      const target = `${dir}/${relative}`;
      if (relative === `${meta.lang}.html`) {
        await write(target, withSiteNav(await readFile(source, 'utf8'), meta, has));
      } else {
        await mkdir(dirname(join(outDir, target)), { recursive: true });
        await copyFile(source, join(outDir, target));
        written.push(target);
      }
    }
  }

  for (const lang of ['zh', 'en'] as const) {
    const mine = latestFirst.filter((b) => b.meta.lang === lang && b.meta.formats.includes('html'));
    const root = ROOT_FROM_INDEX[lang];
    const other = lang === 'zh' ? 'en' : 'zh';
    const entries = mine.map(({ meta }) => ({
      date: meta.date,
      dateLabel: dateLabel(meta.date, meta.timezone, lang),
      title: meta.title,
      html: `${root}briefs/${meta.date}/${lang}.html`,
      pdf: meta.formats.includes('pdf') ? `${root}briefs/${meta.date}/${lang}.pdf` : '',
      md: meta.formats.includes('md') ? `${root}briefs/${meta.date}/${lang}.md` : '',
    }));
    await write(
      INDEX_PATH[lang],
      indexTemplate({
        htmlLang: lang === 'zh' ? 'zh-CN' : 'en',
        publicationName: options.publicationName[lang],
        heading: WORDS[lang].heading,
        emptyLabel: WORDS[lang].empty,
        feedLabel: WORDS[lang].feed,
        feedHref: `${root}${FEED[lang]}`,
        switchHref: lang === 'zh' ? INDEX_PATH.en : `${root}${INDEX_PATH.zh}`,
        switchLang: other,
        switchLabel: WORDS[lang].switchLabel,
        css: new hbs.SafeString(css),
        entries,
      }),
    );
    await write(
      FEED[lang],
      atomFeed({
        title: options.publicationName[lang],
        lang,
        siteUrl: options.siteUrl,
        selfHref: FEED[lang],
        entries: mine.slice(0, 30).map(({ meta }) => ({ meta, href: `briefs/${meta.date}/${lang}.html` })),
      }),
    );
  }
  await write('latest.json', `${JSON.stringify(latestJson(latestFirst), null, 2)}\n`);
  return written.sort();
}

function latestJson(latestFirst: readonly RenderedBriefFiles[]) {
  const latest: Partial<Record<Lang, unknown>> = {};
  for (const { meta } of latestFirst) {
    if (latest[meta.lang]) continue;
    latest[meta.lang] = {
      date: meta.date,
      title: meta.title,
      description: meta.description,
      updated: meta.updated,
      gaps: meta.gaps,
      ...Object.fromEntries(meta.formats.map((f) => [f, `briefs/${meta.date}/${meta.lang}.${f}`])),
    };
  }
  const dates = [...new Set(latestFirst.map((b) => b.meta.date))];
  return { latest, archive: dates.map((date) => ({ date, langs: latestFirst.filter((b) => b.meta.date === date).map((b) => b.meta.lang).sort() })) };
}

/** Fills the page's `<!--site-nav-->` marker with links back to the archive, the other language and the downloads. */
function withSiteNav(html: string, meta: BriefMeta, has: Set<string>): string {
  const lang = meta.lang;
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const words = WORDS[lang];
  const links = [`<a href="../../${INDEX_PATH[lang]}">${words.index}</a>`];
  if (has.has(`${meta.date}/${other}`)) links.push(`<a href="${other}.html" hreflang="${other}">${words.other}</a>`);
  if (meta.formats.includes('pdf')) links.push(`<a href="${lang}.pdf">PDF</a>`);
  if (meta.formats.includes('md')) links.push(`<a href="${lang}.md">Markdown</a>`);
  return html.replace('<!--site-nav-->', `<nav class="site-nav">${links.join(' · ')}</nav>`);
}
