/**
 * Crash safety: SIGKILL at named points while a snapshot is written, a brief rendered and a site
 * published. Afterwards every file is the old or the new complete version, and no Chromium
 * process is left behind.
 *
 * The cases run side by side (describe.concurrent): each kills its own child process in its own
 * temporary folders, and most of a case is waiting for that child to start up.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { publishSite } from '../../pipeline/publish.js';
import { loadSnapshot } from '../../kernel/snapshot/index.js';
import { isRunning, killAt } from '../support/kill-at.js';
import { REPO } from '../support/run-cli.js';
import { TEMPLATES } from '../support/render-bundled.js';

const MINIMAL = join(REPO, 'test/fixtures/minimal/snapshot.json');

describe.concurrent('SIGKILL while a snapshot is written', () => {
  for (const point of ['write:before-fsync', 'write:before-rename', 'write:before-dir-fsync']) {
    it(`at ${point}: the snapshot is the old or the new complete file`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'brief-crash-snap-'));
      cpSync(MINIMAL, join(dir, '2024-01-04.json'));
      const killed = await killAt(`${point}:2024-01-04.json`, ['test/reliability/save-snapshot-child.ts', dir, MINIMAL]);
      expect(killed.markerSeen).toBe(true);
      expect(killed.signal).toBe('SIGKILL');
      const snapshot = await loadSnapshot(join(dir, '2024-01-04.json'));
      const expected = point === 'write:before-dir-fsync' ? '2024-01-05T00:00:00Z' : '2024-01-04T16:05:00Z';
      expect(snapshot.generatedAt).toBe(expected);
      // A stray temporary file may remain; readers skip it (it is not <date>.json).
      for (const name of readdirSync(dir)) expect(name === '2024-01-04.json' || name.includes('.tmp-')).toBe(true);
    });
  }
});

describe.concurrent('SIGKILL while a brief is rendered, Chromium alive', () => {
  it('writes no partial output and leaves no Chromium process', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-crash-render-'));
    const killed = await killAt(
      'render:printed',
      ['bin/brief.js', 'render', '--snapshot', 'snapshots/2024-01-04.json', '--lang', 'zh', '--out', out],
      {
        timeoutMs: 90_000,
      },
    );
    expect(killed.markerSeen).toBe(true);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.children.length).toBeGreaterThan(0); // Chromium was running when the kill came
    const deadline = Date.now() + 10_000;
    while (killed.children.some(isRunning) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(killed.children.filter(isRunning)).toEqual([]);
    expect(existsSync(join(out, '2024-01-04'))).toBe(false);
  });
});

describe.concurrent('SIGKILL while a site is published', () => {
  for (const point of ['publish:staged', 'publish:before-swap']) {
    it(`at ${point}: the live site is wholly the old release, and the next publish completes`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'brief-crash-site-'));
      const out = join(root, 'out');
      const site = join(root, 'site');
      // An old site from a small rendered brief, then a new brief to publish.
      cpSync(join(REPO, 'test/fixtures/rendered/2024-01-03'), join(out, '2024-01-03'), { recursive: true });
      const old = await publishSite({ fromDir: out, siteDir: site, templatesDir: TEMPLATES, config: DEFAULT_CONFIG });
      const oldIndex = readFileSync(join(site, 'index.html'), 'utf8');
      cpSync(join(REPO, 'test/fixtures/rendered/2024-01-04'), join(out, '2024-01-04'), { recursive: true });
      const killed = await killAt(point, ['bin/brief.js', 'publish', '--briefs', out, '--site', site]);
      expect(killed.markerSeen).toBe(true);
      expect(killed.signal).toBe('SIGKILL');
      expect(readlinkSync(site)).toContain(old.release.split('/').at(-1));
      expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe(oldIndex);
      expect(existsSync(join(site, 'briefs/2024-01-04'))).toBe(false);
      // The lock of the killed run is taken over, and the publish completes.
      const next = await publishSite({ fromDir: out, siteDir: site, templatesDir: TEMPLATES, config: DEFAULT_CONFIG });
      expect(existsSync(join(site, 'briefs/2024-01-04/en.html'))).toBe(true);
      expect(readdirSync(join(root, '.site-releases')).filter((n) => n.includes('.tmp-'))).toEqual([]);
      expect(next.release).not.toBe(old.release);
    });
  }
});
