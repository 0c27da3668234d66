/**
 * Publishing never loses the archive and never touches what it did not create: a site that
 * would drop published briefs is refused (exit 5, naming them) unless --prune; `--site` naming a
 * real folder, a foreign link or the rendered briefs is refused (exit 2) and left as it was; a
 * releases folder holding foreign files is never pruned.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { PublishError, UsageError } from '../../kernel/errors.js';
import { publishSite } from '../../pipeline/publish.js';
import { releasesDirFor } from '../../renderers/site/release.js';
import { REPO, runCli } from '../support/run-cli.js';

function writeBrief(outDir: string, date: string, lang: 'zh' | 'en'): void {
  const dir = join(outDir, date);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${lang}.html`), `<!DOCTYPE html><html><body><header><!--site-nav--></header><h1>${date} ${lang}</h1></body></html>`);
  const meta = { date, lang, title: `${date} ${lang}`, description: 'd', timezone: 'Asia/Shanghai', updated: `${date}T16:05:00Z`, origin: 'synthetic', gaps: 0, formats: ['html'], charts: [] };
  writeFileSync(join(dir, `${lang}.json`), JSON.stringify(meta));
}

function setup(days = ['2024-01-02', '2024-01-03', '2024-01-04']) {
  const root = mkdtempSync(join(tmpdir(), 'brief-publish-safety-'));
  const out = join(root, 'out');
  for (const day of days) for (const lang of ['zh', 'en'] as const) writeBrief(out, day, lang);
  return { root, out, site: join(root, 'site') };
}

const request = (out: string, site: string, extra: object = {}) => ({
  fromDir: out,
  siteDir: site,
  templatesDir: join(REPO, 'templates'),
  config: DEFAULT_CONFIG,
  ...extra,
});

describe('publish keeps the archive', () => {
  it('lists what it publishes in briefs.json', async () => {
    const { out, site } = setup(['2024-01-03', '2024-01-04']);
    await publishSite(request(out, site));
    expect(JSON.parse(readFileSync(join(site, 'briefs.json'), 'utf8'))).toEqual({
      briefs: [
        { date: '2024-01-03', lang: 'en' },
        { date: '2024-01-03', lang: 'zh' },
        { date: '2024-01-04', lang: 'en' },
        { date: '2024-01-04', lang: 'zh' },
      ],
    });
  });

  it('refuses (exit 5) a site with fewer briefs than the published one, naming them; --prune allows it', async () => {
    const { root, out, site } = setup();
    const first = await publishSite(request(out, site));
    // The rendered briefs were lost (an evicted cache) but for the newest day.
    const thin = join(root, 'thin');
    cpSync(join(out, '2024-01-04'), join(thin, '2024-01-04'), { recursive: true });
    const error = await publishSite(request(thin, site)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).exitCode).toBe(5);
    expect((error as Error).message).toMatch(
      /^the new site would drop 4 published brief\(s\): 2024-01-02\/en, 2024-01-02\/zh, 2024-01-03\/en, 2024-01-03\/zh; .*--prune.*the site is unchanged$/,
    );
    expect(readdirSync(join(site, 'briefs')).sort()).toEqual(['2024-01-02', '2024-01-03', '2024-01-04']);
    expect(existsSync(first.release)).toBe(true);
    const pruned = await publishSite(request(thin, site, { prune: true }));
    expect(pruned.dropped).toEqual(['2024-01-02/en', '2024-01-02/zh', '2024-01-03/en', '2024-01-03/zh']);
    expect(readdirSync(join(site, 'briefs'))).toEqual(['2024-01-04']);
  });

  it("holds a fresh site to the live site's list (--published), as the workflow does", async () => {
    const { root, out, site } = setup(['2024-01-04']);
    const live = join(root, 'live-briefs.json');
    writeFileSync(live, JSON.stringify({ briefs: [{ date: '2023-12-31', lang: 'zh' }, { date: '2024-01-04', lang: 'zh' }] }));
    await expect(publishSite(request(out, site, { publishedFile: live }))).rejects.toThrow(/would drop 1 published brief\(s\): 2023-12-31\/zh;/);
    expect(existsSync(site)).toBe(false);
    writeFileSync(live, '{"briefs": [{"date": 4}]}');
    await expect(publishSite(request(out, site, { publishedFile: live }))).rejects.toThrow(/live-briefs\.json: is not a list of published briefs\n {2}briefs\[0\]\.date: /);
  });
});

describe('publish touches only what it created', () => {
  it('refuses (exit 2) --site naming an existing real folder, and leaves it as it was', async () => {
    const { root, out } = setup();
    const teamFolder = join(root, 'www');
    mkdirSync(teamFolder);
    writeFileSync(join(teamFolder, 'team-notes.txt'), 'ours');
    const error = await publishSite(request(out, teamFolder)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as Error).message).toContain(`${teamFolder} already exists and was not created by \`brief publish\``);
    expect(readdirSync(teamFolder)).toEqual(['team-notes.txt']);
    expect(existsSync(releasesDirFor(teamFolder))).toBe(false);
    // Twice, as the defect report did: still there.
    await expect(publishSite(request(out, teamFolder))).rejects.toThrow(UsageError);
    expect(readFileSync(join(teamFolder, 'team-notes.txt'), 'utf8')).toBe('ours');
  });

  it('refuses --site equal to, inside or around --from', async () => {
    const { out } = setup();
    await expect(publishSite(request(out, out))).rejects.toThrow(/--site .* and --briefs .* overlap/);
    await expect(publishSite(request(out, join(out, 'site')))).rejects.toThrow(/overlap/);
    await expect(publishSite(request(out, join(out, '..')))).rejects.toThrow(/overlap/);
    expect(readdirSync(out).sort()).toEqual(['2024-01-02', '2024-01-03', '2024-01-04']);
  });

  it('refuses a link that points elsewhere, and a releases folder that is not its own', async () => {
    const { root, out } = setup();
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(root, 'linked-site'));
    await expect(publishSite(request(out, join(root, 'linked-site')))).rejects.toThrow(/is a link to .*elsewhere, not to a release/);
    const foreign = releasesDirFor(join(root, 'site2'));
    mkdirSync(join(foreign, 'keep-me'), { recursive: true });
    await expect(publishSite(request(out, join(root, 'site2')))).rejects.toThrow(/was not created by `brief publish` \(no \.brief-releases marker\)/);
    expect(existsSync(join(foreign, 'keep-me'))).toBe(true);
  });

  it('prunes only its own releases: a foreign folder added to the releases folder survives', async () => {
    const { root, out, site } = setup();
    await publishSite(request(out, site));
    mkdirSync(join(releasesDirFor(site), 'someone-elses'));
    for (const day of ['2024-01-05', '2024-01-06', '2024-01-07']) {
      for (const lang of ['zh', 'en'] as const) writeBrief(out, day, lang);
      await publishSite(request(out, site));
    }
    const left = readdirSync(releasesDirFor(site)).sort();
    expect(left).toContain('someone-elses');
    expect(left.filter((n) => /^[0-9a-f]{16}$/.test(n))).toHaveLength(2); // current and previous
    rmSync(root, { recursive: true, force: true });
  });

  it('through the command line: exit 2 for an existing folder, exit 5 for a shrinking site', async () => {
    const { root, out, site } = setup();
    mkdirSync(join(root, 'public'));
    const refused = await runCli(['publish', '--briefs', out, '--site', join(root, 'public')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('was not created by `brief publish`');
    expect((await runCli(['publish', '--briefs', out, '--site', site])).code).toBe(0);
    rmSync(join(out, '2024-01-02'), { recursive: true });
    const shrink = await runCli(['publish', '--briefs', out, '--site', site]);
    expect(shrink.code).toBe(5);
    expect(shrink.stderr).toContain('2024-01-02/en, 2024-01-02/zh');
    const pruned = await runCli(['publish', '--briefs', out, '--site', site, '--prune']);
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toContain('pruned 2 brief(s): 2024-01-02/en, 2024-01-02/zh');
  }, 60_000);
});
