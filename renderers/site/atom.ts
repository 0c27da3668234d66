/**
 * An Atom feed (RFC 4287) of one language's briefs, latest first. Links are absolute when the
 * site's URL is configured, otherwise relative to the feed (resolved against xml:base-less
 * feed location by readers).
 */
import type { BriefMeta } from './brief-meta.js';

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

export function atomFeed(options: { title: string; lang: 'zh' | 'en'; siteUrl?: string; selfHref: string; entries: { meta: BriefMeta; href: string }[] }): string {
  const base = options.siteUrl ? options.siteUrl.replace(/\/?$/, '/') : '';
  const updated = options.entries.map((e) => e.meta.updated).sort().at(-1) ?? '1970-01-01T00:00:00Z';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${options.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    `  <title>${escapeXml(options.title)}</title>`,
    `  <id>urn:brief:feed:${options.lang}</id>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <link rel="self" href="${escapeXml(base + options.selfHref)}"/>`,
  ];
  for (const { meta, href } of options.entries) {
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(meta.title)}</title>`,
      `    <id>urn:brief:${meta.lang}:${meta.date}</id>`,
      `    <updated>${escapeXml(meta.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(base + href)}"/>`,
      `    <summary>${escapeXml(meta.description)}</summary>`,
      '    <author><name>' + escapeXml(options.title) + '</name></author>',
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
