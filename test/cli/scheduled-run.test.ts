/**
 * `brief run` as the scheduled workflow runs it: at 23:17 UTC with no --date (fixed clock), it
 * briefs the UTC+8 day that just ended; after the rendered briefs are lost (an evicted cache) the
 * published site still holds every stored day, rebuilt from the snapshots; a site that would
 * lose a published brief is refused (exit 5).
 *
 * The runs render Markdown and HTML only (`--format md,html`): what is tested is which days are
 * rendered and published, the same for every format; run.test.ts and signals.test.ts run the
 * scheduler's command with PDFs (Chromium), and the site says which formats it has.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli/main.js';
import { REPO } from '../support/run-cli.js';

const REPLAY = join(REPO, 'test/fixtures/replay/2024-01-04');
/** 2024-01-04 23:17 UTC = 2024-01-05 07:17 UTC+8, the workflow's cron time. */
const CRON_NOW = Date.parse('2024-01-04T23:17:00Z');

async function run(cwd: string, args: string[] = []) {
  let stdout = '';
  let stderr = '';
  const code = await main(['run', '--replay', REPLAY, '--format', 'md,html', ...args], {
    cwd,
    now: () => CRON_NOW,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

const publishedDays = (cwd: string) =>
  (JSON.parse(readFileSync(join(cwd, 'site', 'briefs.json'), 'utf8')) as { briefs: { date: string; lang: string }[] }).briefs.map(
    (b) => `${b.date}/${b.lang}`,
  );

describe('the scheduled run', () => {
  it('briefs the day that ended, and keeps the whole archive after the cache is lost', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'brief-scheduled-'));
    mkdirSync(join(cwd, 'snapshots'));
    // Two earlier days committed to the repository, never rendered here.
    copyFileSync(join(REPO, 'test/fixtures/quiet-2024-06-20/snapshot.json'), join(cwd, 'snapshots', '2024-06-20.json'));
    copyFileSync(join(REPO, 'test/fixtures/crash-2024-08-05/snapshot.json'), join(cwd, 'snapshots', '2024-08-05.json'));

    const first = await run(cwd);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.split('\n')[0]).toBe(join(cwd, 'snapshots', '2024-01-04.json'));
    expect(first.stderr).toContain('archive: rendered 2 stored day(s) missing from');
    const all = ['2024-01-04/en', '2024-01-04/zh', '2024-06-20/en', '2024-06-20/zh', '2024-08-05/en', '2024-08-05/zh'];
    expect(publishedDays(cwd)).toEqual(all);
    // The formats asked for, and no other: the site links no PDF.
    const latest = JSON.parse(readFileSync(join(cwd, 'site', 'latest.json'), 'utf8')) as { latest: Record<string, Record<string, string>> };
    expect(latest.latest.en).toMatchObject({ date: '2024-08-05', md: 'briefs/2024-08-05/en.md', html: 'briefs/2024-08-05/en.html' });
    expect(latest.latest.en).not.toHaveProperty('pdf');
    expect(
      readdirSync(join(cwd, 'out', '2024-06-20'))
        .filter((f) => !f.endsWith('.json') && f !== 'charts')
        .sort(),
    ).toEqual(['en.html', 'en.md', 'zh.html', 'zh.md']);

    // The cache of rendered briefs is evicted: the next run rebuilds them from the snapshots.
    rmSync(join(cwd, 'out'), { recursive: true });
    const second = await run(cwd);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('archive: rendered 2 stored day(s) missing from');
    expect(publishedDays(cwd)).toEqual(all);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['2024-01-04', '2024-06-20', '2024-08-05']);

    // A snapshot and its briefs gone: the site would drop a published day, and that is refused.
    rmSync(join(cwd, 'snapshots', '2024-06-20.json'));
    rmSync(join(cwd, 'out', '2024-06-20'), { recursive: true });
    const third = await run(cwd);
    expect(third.code).toBe(5);
    expect(third.stderr).toContain('would drop 2 published brief(s): 2024-06-20/en, 2024-06-20/zh');
    expect(publishedDays(cwd)).toEqual(all);
  }, 240_000);

  it('refuses a day that has not ended without --as-of now (exit 2, nothing fetched)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'brief-unended-'));
    const early = await run(cwd, ['--date', '2024-01-05']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('2024-01-05 has not ended in Asia/Shanghai');
    expect(readdirSync(cwd)).toEqual([]);
  });
});
