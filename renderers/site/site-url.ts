/**
 * Absolute addresses from `publication.siteUrl`: canonical links, og: tags and feed ids need a
 * URL that names this deployment, so two teams running the tool never share an id. Without a
 * site URL, feed ids are name-based UUIDs of the publication's name (still distinct per team
 * that names its publication) and pages carry no canonical or og:url tags.
 */
import { createHash } from 'node:crypto';

/** The site's URL with exactly one trailing slash, or undefined. */
export function siteBase(siteUrl: string | undefined): string | undefined {
  return siteUrl ? siteUrl.replace(/\/*$/, '/') : undefined;
}

export function absolute(base: string | undefined, relative: string): string | undefined {
  return base ? new URL(relative, base).href : undefined;
}

/** A UUID (version 5 layout, SHA-1) for a name: the same name always gives the same id. */
export function nameUuid(name: string): string {
  const hex = createHash('sha1').update(`brief:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
