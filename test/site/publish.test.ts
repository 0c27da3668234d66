import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { InputError, LockBusyError } from '../../kernel/errors.js';
import { publishSite } from '../../pipeline/publish.js';
import { RELEASES_MARKER, releasesDirFor } from '../../renderers/site/release.js';
import { REPO } from '../support/run-cli.js';

const TEMPLATES = join(REPO, 'templates');

/** A rendered brief as `render` leaves it: the files and the manifest naming them. */
function writeBrief(outDir: string, date: string, lang: 'zh' | 'en', title: string): void {
  const dir = join(outDir, date);
  mkdirSync(join(dir, 'charts', lang), { recursive: true });
  writeFileSync(join(dir, `${lang}.html`), `<!DOCTYPE html><html><body><header><!--site-nav--></header><h1>${title}</h1></body></html>`);
  writeFileSync(join(dir, `${lang}.md`), `# ${title}\n\n![price](charts/${lang}/price.svg)\n`);
  writeFileSync(join(dir, `${lang}.pdf`), '%PDF-1.4 test');
  writeFileSync(join(dir, 'charts', lang, 'price.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const meta = {
    date,
    lang,
    title,
    description: `${title} description`,
    timezone: 'Asia/Shanghai',
    updated: `${date}T16:05:00Z`,
    origin: 'synthetic',
    gaps: 0,
    formats: ['html', 'md', 'pdf'],
    charts: ['price'],
  };
  writeFileSync(join(dir, `${lang}.json`), JSON.stringify(meta));
}

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'brief-site-'));
  const out = join(root, 'out');
  writeBrief(out, '2024-01-03', 'zh', '前一日简报');
  writeBrief(out, '2024-01-03', 'en', 'Previous brief');
  writeBrief(out, '2024-01-04', 'zh', 'BTC 跌破 4.2 万美元');
  writeBrief(out, '2024-01-04', 'en', 'Bitcoin slides below $42,000 & <longs> flushed');
  return { root, out, site: join(root, 'site') };
}

const request = (out: string, site: string) => ({ fromDir: out, siteDir: site, templatesDir: TEMPLATES, config: DEFAULT_CONFIG });

describe('brief publish', () => {
  it('builds the index, pages, downloads, feeds and latest.json with relative links', async () => {
    const { out, site } = setup();
    const { files } = await publishSite(request(out, site));
    expect(files).toEqual([
      'briefs.json',
      'briefs/2024-01-03/charts/en/price.svg',
      'briefs/2024-01-03/charts/zh/price.svg',
      'briefs/2024-01-03/en.html',
      'briefs/2024-01-03/en.md',
      'briefs/2024-01-03/en.pdf',
      'briefs/2024-01-03/zh.html',
      'briefs/2024-01-03/zh.md',
      'briefs/2024-01-03/zh.pdf',
      'briefs/2024-01-04/charts/en/price.svg',
      'briefs/2024-01-04/charts/zh/price.svg',
      'briefs/2024-01-04/en.html',
      'briefs/2024-01-04/en.md',
      'briefs/2024-01-04/en.pdf',
      'briefs/2024-01-04/zh.html',
      'briefs/2024-01-04/zh.md',
      'briefs/2024-01-04/zh.pdf',
      'en/index.html',
      'feed.en.xml',
      'feed.zh.xml',
      'index.html',
      'latest.json',
    ]);
    const zhIndex = readFileSync(join(site, 'index.html'), 'utf8');
    // Latest first, relative links, the language switch and the feed.
    expect(zhIndex.indexOf('briefs/2024-01-04/zh.html')).toBeLessThan(zhIndex.indexOf('briefs/2024-01-03/zh.html'));
    expect(zhIndex).toContain('<a href="en/index.html" hreflang="en">English</a>');
    expect(zhIndex).toContain('2024 年 1 月 4 日(东八区)');
    expect(zhIndex).not.toMatch(/href="\//);
    const enIndex = readFileSync(join(site, 'en', 'index.html'), 'utf8');
    expect(enIndex).toContain('<a href="../briefs/2024-01-04/en.pdf">PDF</a>');
    expect(enIndex).toContain('Bitcoin slides below $42,000 &amp; &lt;longs&gt; flushed');
    expect(enIndex).toContain('<a href="../index.html" hreflang="zh">中文</a>');
    const page = readFileSync(join(site, 'briefs/2024-01-04/zh.html'), 'utf8');
    expect(page).toContain(
      '<nav class="site-nav"><a href="../../index.html">全部简报</a> · <a href="en.html" hreflang="en">English</a> · <a href="zh.pdf">PDF</a> · <a href="zh.md">Markdown</a><span class="pager"><a rel="prev" href="../2024-01-03/zh.html">← 上一篇</a></span></nav>',
    );
    // Without publication.siteUrl: no canonical or og: tags (they need absolute addresses).
    expect(page).not.toContain('og:url');
    const feed = readFileSync(join(site, 'feed.en.xml'), 'utf8');
    expect(feed).toContain('<title>Bitcoin slides below $42,000 &amp; &lt;longs&gt; flushed</title>');
    expect(feed.indexOf('href="briefs/2024-01-04/en.html"')).toBeLessThan(feed.indexOf('href="briefs/2024-01-03/en.html"'));
    expect(feed).not.toContain('urn:brief:');
    expect(feed).toContain('<updated>2024-01-04T16:05:00Z</updated>');
    const latest = JSON.parse(readFileSync(join(site, 'latest.json'), 'utf8'));
    expect(latest.latest.zh).toMatchObject({ date: '2024-01-04', title: 'BTC 跌破 4.2 万美元', html: 'briefs/2024-01-04/zh.html', pdf: 'briefs/2024-01-04/zh.pdf' });
    expect(latest.archive).toEqual([
      { date: '2024-01-04', langs: ['en', 'zh'] },
      { date: '2024-01-03', langs: ['en', 'zh'] },
    ]);
  });

  it('swaps releases atomically, keeps the previous one, and gives the same release for the same input', async () => {
    const { out, site } = setup();
    const first = await publishSite(request(out, site));
    expect(readlinkSync(site)).toContain(first.release.split('/').at(-1));
    const again = await publishSite(request(out, site));
    expect(again.release).toBe(first.release);
    writeBrief(out, '2024-01-05', 'zh', '新的一天');
    const second = await publishSite(request(out, site));
    expect(second.release).not.toBe(first.release);
    expect(existsSync(join(site, 'briefs/2024-01-05/zh.html'))).toBe(true);
    const releases = readdirSync(releasesDirFor(site))
      .filter((name) => name !== RELEASES_MARKER)
      .sort();
    expect(releases).toEqual([first.release, second.release].map((r) => r.split('/').at(-1)!).sort());
  });

  it('leaves the previous site whole when the new one cannot be built', async () => {
    const { out, site } = setup();
    const first = await publishSite(request(out, site));
    const before = readFileSync(join(site, 'index.html'), 'utf8');
    writeFileSync(join(out, '2024-01-04', 'en.json'), '{"date": "2024-01-04", "lang": "en"');
    await expect(publishSite(request(out, site))).rejects.toThrow(InputError);
    await expect(publishSite(request(out, site))).rejects.toThrow(/en\.json: invalid JSON at byte \d+/);
    expect(readlinkSync(site)).toContain(first.release.split('/').at(-1));
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe(before);
  });

  it('refuses to publish while another run holds the lock (exit 75)', async () => {
    const { out, site } = setup();
    writeFileSync(`${site}.lock`, `${process.pid}\n`);
    const error = await publishSite(request(out, site)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as LockBusyError).exitCode).toBe(75);
    expect(existsSync(site)).toBe(false);
  });

  it('takes over a lock left by a dead process', async () => {
    const { out, site } = setup();
    writeFileSync(`${site}.lock`, '999999999\n');
    await publishSite(request(out, site));
    expect(existsSync(`${site}.lock`)).toBe(false);
    expect(existsSync(join(site, 'index.html'))).toBe(true);
  });
});
