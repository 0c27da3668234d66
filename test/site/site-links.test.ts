/** Absolute addresses from publication.siteUrl, the month-grouped index, previous/next links, config merging. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig, type Config } from '../../kernel/config.js';
import { publishSite } from '../../pipeline/publish.js';
import { atomFeed } from '../../renderers/site/atom.js';
import type { BriefMeta } from '../../renderers/site/brief-meta.js';
import { groupByMonth, monthLabel } from '../../renderers/site/months.js';
import { REPO } from '../support/run-cli.js';

function writeBrief(outDir: string, date: string, lang: 'zh' | 'en', title: string, description: string): void {
  const dir = join(outDir, date);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${lang}.html`), `<!DOCTYPE html><html><head><title>${title}</title></head><body><header><!--site-nav--></header></body></html>`);
  const meta = { date, lang, title, description, timezone: 'Asia/Shanghai', updated: `${date}T16:05:00Z`, origin: 'synthetic', gaps: 0, formats: ['html'], charts: [] };
  writeFileSync(join(dir, `${lang}.json`), JSON.stringify(meta));
}

async function publish(config: Config) {
  const root = mkdtempSync(join(tmpdir(), 'brief-links-'));
  const out = join(root, 'out');
  writeBrief(out, '2024-01-31', 'en', 'End of January', 'Bitcoin held $42,000 & <calm>.');
  writeBrief(out, '2024-02-01', 'en', 'February opens', 'Funding turned negative.');
  writeBrief(out, '2024-02-02', 'en', 'Second of February', 'ETF inflows resumed.');
  writeBrief(out, '2024-02-01', 'zh', '二月开局', '资金费率转负。');
  const site = join(root, 'site');
  await publishSite({ fromDir: out, siteDir: site, templatesDir: join(REPO, 'templates'), config });
  return (path: string) => readFileSync(join(site, path), 'utf8');
}

const withSite = (siteUrl: string): Config => ({ ...DEFAULT_CONFIG, publication: { ...DEFAULT_CONFIG.publication, siteUrl } });

describe('site with publication.siteUrl', () => {
  it('feeds carry xml:base, absolute self/alternate links and ids that are the pages’ addresses', async () => {
    const read = await publish(withSite('https://team.example.org/briefs'));
    const feed = read('feed.en.xml');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://team.example.org/briefs/">');
    expect(feed).toContain('<id>https://team.example.org/briefs/feed.en.xml</id>');
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://team.example.org/briefs/feed.en.xml"/>');
    expect(feed).toContain('<link rel="alternate" type="text/html" hreflang="en" href="https://team.example.org/briefs/en/index.html"/>');
    expect(feed).toContain('<id>https://team.example.org/briefs/briefs/2024-02-02/en.html</id>');
    expect(feed).toContain('<summary>Bitcoin held $42,000 &amp; &lt;calm&gt;.</summary>');
    // Another deployment of the tool: every id differs.
    const other = (await publish(withSite('https://other.example.com/')))('feed.en.xml');
    const ids = (text: string) => [...text.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids(feed)).toHaveLength(4);
    for (const id of ids(other)) expect(ids(feed)).not.toContain(id);
  });

  it('brief pages get canonical, hreflang alternate and og: tags, and previous/next links', async () => {
    const read = await publish(withSite('https://team.example.org/briefs/'));
    const page = read('briefs/2024-02-01/en.html');
    expect(page).toContain('<link rel="canonical" href="https://team.example.org/briefs/briefs/2024-02-01/en.html">');
    expect(page).toContain('<link rel="alternate" hreflang="zh-CN" href="https://team.example.org/briefs/briefs/2024-02-01/zh.html">');
    expect(page).toContain('<meta property="og:title" content="February opens">');
    expect(page).toContain('<meta property="og:description" content="Funding turned negative.">');
    expect(page).toContain('<a rel="prev" href="../2024-01-31/en.html">← Previous</a> <a rel="next" href="../2024-02-02/en.html">Next →</a>');
    // The only zh brief has neither.
    expect(read('briefs/2024-02-01/zh.html')).not.toContain('rel="prev"');
    const index = read('en/index.html');
    expect(index).toContain('<link rel="canonical" href="https://team.example.org/briefs/en/index.html">');
    expect(index).toContain('href="https://team.example.org/briefs/feed.en.xml"');
  });

  it('the index groups briefs by month, latest first, with their one-line summaries', async () => {
    const read = await publish(DEFAULT_CONFIG);
    const index = read('en/index.html');
    const feb = index.indexOf('<h2>February 2024</h2>');
    const jan = index.indexOf('<h2>January 2024</h2>');
    expect(feb).toBeGreaterThan(0);
    expect(jan).toBeGreaterThan(feb);
    expect(index.indexOf('Second of February')).toBeLessThan(index.indexOf('February opens'));
    expect(index.indexOf('February opens')).toBeLessThan(jan);
    expect(index).toContain('<p class="summary">Bitcoin held $42,000 &amp; &lt;calm&gt;.</p>');
    expect(read('index.html')).toContain('<h2>2024 年 2 月</h2>');
  });
});

describe('without a site URL', () => {
  it('feed ids are name-based UUIDs of the publication: distinct for another publication name', () => {
    const meta: BriefMeta = {
      date: '2024-01-04',
      lang: 'en',
      title: 't',
      description: 'd',
      timezone: 'UTC',
      updated: '2024-01-04T00:00:00Z',
      origin: 'synthetic',
      gaps: 0,
      formats: ['html'],
      charts: [],
    };
    const feed = (title: string) => atomFeed({ title, lang: 'en', selfHref: 'feed.en.xml', indexHref: 'en/index.html', entries: [{ meta, href: 'briefs/2024-01-04/en.html' }] });
    const a = feed('Desk A brief');
    expect(a).toMatch(/<id>urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/id>/);
    expect(a).not.toContain('xml:base');
    expect(a).toContain('<link rel="self" type="application/atom+xml" href="feed.en.xml"/>');
    expect(feed('Desk A brief')).toBe(a);
    const idsA = [...a.matchAll(/<id>([^<]+)/g)].map((m) => m[1]);
    const idsB = [...feed('Desk B brief').matchAll(/<id>([^<]+)/g)].map((m) => m[1]);
    expect(new Set([...idsA, ...idsB]).size).toBe(4);
  });
});

describe('months', () => {
  it('labels months in both languages and groups consecutive dates', () => {
    expect(monthLabel('2024-01', 'en')).toBe('January 2024');
    expect(monthLabel('2024-12', 'zh')).toBe('2024 年 12 月');
    expect(groupByMonth([{ date: '2024-02-02' }, { date: '2024-02-01' }, { date: '2024-01-31' }], 'en').map((g) => [g.id, g.entries.length])).toEqual([
      ['2024-02', 2],
      ['2024-01', 1],
    ]);
  });
});

describe('config', () => {
  it('a file with only publication.siteUrl is merged over the defaults', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'brief-config-')), 'config.json');
    writeFileSync(file, JSON.stringify({ publication: { siteUrl: 'https://team.example.org/' }, thresholds: {} }));
    const config = await loadConfig(file);
    expect(config.publication).toEqual({ ...DEFAULT_CONFIG.publication, siteUrl: 'https://team.example.org/' });
    expect(config.assets).toEqual(DEFAULT_CONFIG.assets);
    writeFileSync(file, '{"assets": ["ETH"], "__proto__": {"polluted": true}}');
    const eth = await loadConfig(file);
    expect(eth.assets).toEqual(['ETH']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
