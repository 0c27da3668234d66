/**
 * Builds the static site from rendered briefs into an empty directory:
 *
 *   index.html, en/index.html         archive per language, latest first, with a zh/en switch
 *   briefs/<date>/<lang>.html|pdf|md  each brief, its downloads and chart SVGs
 *   feed.zh.xml, feed.en.xml          Atom feeds
 *   latest.json                       the newest brief per language, for other consumers
 *
 * Links between pages are relative, so the site works under a GitHub Pages sub-path. With
 * `publication.siteUrl` set, pages also carry canonical, hreflang-alternate and og: tags and
 * the feeds absolute links (site-url.ts). The index groups briefs by month with each brief's
 * one-line summary; each brief page links to the previous and next brief in its language.
 * Output depends only on the briefs and options, so the same input gives the same bytes.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { LANGS, type Lang } from '../../kernel/lang.js';
import { dateLabel, LOCALES } from '../../kernel/locale/index.js';
import { atomFeed, escapeXml } from './atom.js';
import { groupByMonth } from './months.js';
import { absolute, siteBase } from './site-url.js';
import type { BriefMeta } from './brief-meta.js';
import type { RenderedBriefFiles } from './collect-briefs.js';

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
  zh: {
    heading: '每日简报',
    empty: '暂无简报。',
    feed: '订阅（Atom）',
    switchLabel: 'English',
    index: '全部简报',
    other: 'English',
    previous: '上一篇',
    next: '下一篇',
  },
  en: {
    heading: 'Daily briefs',
    empty: 'No briefs yet.',
    feed: 'Atom feed',
    switchLabel: '中文',
    index: 'All briefs',
    other: '中文',
    previous: 'Previous',
    next: 'Next',
  },
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
  const base = siteBase(options.siteUrl);
  // Each language's HTML briefs oldest first, for previous/next links.
  const htmlDates: Record<Lang, string[]> = { zh: [], en: [] };
  for (const { meta } of [...latestFirst].reverse()) if (meta.formats.includes('html')) htmlDates[meta.lang].push(meta.date);

  for (const brief of latestFirst) {
    const { meta } = brief;
    const dir = `briefs/${meta.date}`;
    for (const [relative, source] of brief.files) {
      const target = `${dir}/${relative}`;
      if (relative === `${meta.lang}.html`) {
        const html = withHeadTags(await readFile(source, 'utf8'), meta, has, base, options.publicationName[meta.lang]);
        await write(target, withSiteNav(html, meta, has, neighbours(htmlDates[meta.lang], meta.date)));
      } else {
        await mkdir(dirname(join(outDir, target)), { recursive: true });
        await copyFile(source, join(outDir, target));
        written.push(target);
      }
    }
  }

  for (const lang of LANGS) {
    const mine = latestFirst.filter((b) => b.meta.lang === lang && b.meta.formats.includes('html'));
    const root = ROOT_FROM_INDEX[lang];
    const other = lang === 'zh' ? 'en' : 'zh';
    const entries = mine.map(({ meta }) => ({
      date: meta.date,
      dateLabel: dateLabel(meta.date, meta.timezone, lang),
      title: meta.title,
      summary: meta.description,
      html: `${root}briefs/${meta.date}/${lang}.html`,
      pdf: meta.formats.includes('pdf') ? `${root}briefs/${meta.date}/${lang}.pdf` : '',
      md: meta.formats.includes('md') ? `${root}briefs/${meta.date}/${lang}.md` : '',
    }));
    await write(
      INDEX_PATH[lang],
      indexTemplate({
        htmlLang: LOCALES[lang].tag,
        publicationName: options.publicationName[lang],
        heading: WORDS[lang].heading,
        emptyLabel: WORDS[lang].empty,
        feedLabel: WORDS[lang].feed,
        feedHref: `${root}${FEED[lang]}`,
        switchHref: lang === 'zh' ? INDEX_PATH.en : `${root}${INDEX_PATH.zh}`,
        switchLang: other,
        switchLabel: WORDS[lang].switchLabel,
        css: new hbs.SafeString(css),
        canonical: absolute(base, INDEX_PATH[lang]) ?? '',
        alternate: absolute(base, INDEX_PATH[other]) ?? '',
        feedUrl: absolute(base, FEED[lang]) ?? '',
        months: groupByMonth(entries, lang),
      }),
    );
    await write(
      FEED[lang],
      atomFeed({
        title: options.publicationName[lang],
        lang,
        siteUrl: options.siteUrl,
        selfHref: FEED[lang],
        indexHref: INDEX_PATH[lang],
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

/** The previous and next dates around `date` in an ascending list. */
function neighbours(dates: readonly string[], date: string): { previous?: string; next?: string } {
  const i = dates.indexOf(date);
  return { previous: i > 0 ? dates[i - 1] : undefined, next: i >= 0 && i < dates.length - 1 ? dates[i + 1] : undefined };
}

/** Fills the page's `<!--site-nav-->` marker with links back to the archive, the other language, the downloads and the neighbouring briefs. */
function withSiteNav(html: string, meta: BriefMeta, has: Set<string>, around: { previous?: string; next?: string }): string {
  const lang = meta.lang;
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const words = WORDS[lang];
  const links = [`<a href="../../${INDEX_PATH[lang]}">${words.index}</a>`];
  if (has.has(`${meta.date}/${other}`)) links.push(`<a href="${other}.html" hreflang="${other}">${words.other}</a>`);
  if (meta.formats.includes('pdf')) links.push(`<a href="${lang}.pdf">PDF</a>`);
  if (meta.formats.includes('md')) links.push(`<a href="${lang}.md">Markdown</a>`);
  const steps: string[] = [];
  if (around.previous) steps.push(`<a rel="prev" href="../${around.previous}/${lang}.html">← ${words.previous}</a>`);
  if (around.next) steps.push(`<a rel="next" href="../${around.next}/${lang}.html">${words.next} →</a>`);
  const pager = steps.length ? `<span class="pager">${steps.join(' ')}</span>` : '';
  return html.replace('<!--site-nav-->', `<nav class="site-nav">${links.join(' · ')}${pager}</nav>`);
}

/**
 * With a site URL: the page's canonical address, its other-language version and og: tags for
 * link previews, inserted before `</head>`. Values are escaped; nothing is added without a URL.
 */
function withHeadTags(html: string, meta: BriefMeta, has: Set<string>, base: string | undefined, siteName: string): string {
  const url = absolute(base, `briefs/${meta.date}/${meta.lang}.html`);
  if (!url || !html.includes('</head>')) return html;
  const other: Lang = meta.lang === 'zh' ? 'en' : 'zh';
  const attr = (text: string) => escapeXml(text);
  const tags = [
    `<link rel="canonical" href="${attr(url)}">`,
    ...(has.has(`${meta.date}/${other}`)
      ? [`<link rel="alternate" hreflang="${LOCALES[other].tag}" href="${attr(absolute(base, `briefs/${meta.date}/${other}.html`)!)}">`]
      : []),
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="${attr(siteName)}">`,
    `<meta property="og:title" content="${attr(meta.title)}">`,
    `<meta property="og:description" content="${attr(meta.description)}">`,
    `<meta property="og:url" content="${attr(url)}">`,
    `<meta property="og:locale" content="${LOCALES[meta.lang].ogLocale}">`,
    `<meta property="article:published_time" content="${attr(meta.updated)}">`,
  ];
  return html.replace('</head>', `${tags.join('\n')}\n</head>`);
}
