/**
 * An Atom feed (RFC 4287) of one language's briefs, latest first. With the site's URL
 * configured the feed carries `xml:base`, absolute `self` and `alternate` links, and ids that
 * are the entries' own addresses (unique per deployment). Without it, links are relative to the
 * feed and ids are name-based UUIDs of the publication (see site-url.ts).
 */
import type { Lang } from '../../kernel/lang.js';
import { LOCALES } from '../../kernel/locale/index.js';
import type { BriefMeta } from './brief-meta.js';
import { absolute, nameUuid, siteBase } from './site-url.js';

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

export interface FeedOptions {
  title: string;
  lang: Lang;
  siteUrl?: string;
  /** Paths relative to the site root. */
  selfHref: string;
  indexHref: string;
  entries: { meta: BriefMeta; href: string }[];
}

export function atomFeed(options: FeedOptions): string {
  const base = siteBase(options.siteUrl);
  const href = (relative: string) => absolute(base, relative) ?? relative;
  const id = (relative: string, name: string) => absolute(base, relative) ?? nameUuid(`${options.title}|${name}`);
  const updated = options.entries.map((e) => e.meta.updated).sort().at(-1) ?? '1970-01-01T00:00:00Z';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${LOCALES[options.lang].tag}"${base ? ` xml:base="${escapeXml(base)}"` : ''}>`,
    `  <title>${escapeXml(options.title)}</title>`,
    `  <id>${escapeXml(id(options.selfHref, `feed:${options.lang}`))}</id>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(href(options.selfHref))}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="${options.lang}" href="${escapeXml(href(options.indexHref))}"/>`,
    `  <author><name>${escapeXml(options.title)}</name></author>`,
  ];
  for (const { meta, href: entryHref } of options.entries) {
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(meta.title)}</title>`,
      `    <id>${escapeXml(id(entryHref, `${meta.lang}:${meta.date}`))}</id>`,
      `    <updated>${escapeXml(meta.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" hreflang="${meta.lang}" href="${escapeXml(href(entryHref))}"/>`,
      `    <summary>${escapeXml(meta.description)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
