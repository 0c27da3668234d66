/**
 * B08: path traversal in dates, shards, assets and snapshot dates, and symbolic links planted in
 * the output folders. Bad values are refused by strict patterns (exit 2); confined writes refuse
 * to go through a link; and in every case nothing is written outside the folder given.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { OutsideRootError, writeFileAtomic } from '../../../kernel/fs/atomic-write.js';
import { BUNDLED, brief, bundledText, listTree, tempDir, type BadInputCase } from './harness.js';

const TRAVERSALS = [
  '../../etc/passwd',
  '2024-01-01/../../x',
  '%2e%2e%2f2024-01-01',
  '..\\..\\x',
  '/abs/path',
  '2024-01-04\u0000',
  '2024-01-04/.',
  '….',
  '2024-1-4',
  '2024-02-30',
];

export const PATH_CASES: BadInputCase[] = [
  {
    id: 'B08',
    title: 'traversal in --date, --from/--to, --shard and --assets is refused (exit 2) before anything runs',
    run: async () => {
      const dir = tempDir();
      for (const bad of TRAVERSALS) {
        for (const args of [
          ['fetch', '--date', bad, '--out', dir],
          ['run', '--date', bad, '--snapshots', dir, '--out', dir, '--site', join(dir, 'site')],
          ['rerender', '--from', bad, '--snapshots', dir, '--out', dir],
          ['preview', '--date', bad, '--snapshots', dir],
        ]) {
          const run = await brief(args);
          expect(run.code, `${args[0]} ${JSON.stringify(bad)}`).toBe(2);
          expect(run.stderr).toMatch(/expected a date as YYYY-MM-DD|is not a calendar date/);
        }
      }
      for (const shard of ['../1', '1/0', '0/4', '5/4', '1/4/..', '%2e/1']) {
        const run = await brief(['rerender', '--shard', shard, '--snapshots', dir, '--out', dir]);
        expect(run.code, shard).toBe(2);
      }
      for (const assets of ['../BTC', 'BTC/../../x', 'BTC\u0000'])
        expect((await brief(['fetch', '--assets', assets, '--out', dir])).code).toBe(2);
      expect(listTree(dir)).toEqual([]);
    },
  },
  {
    id: 'B08',
    title: 'a snapshot whose date is a path is refused by the schema, so it never names an output folder',
    run: async () => {
      const dir = tempDir();
      for (const date of ['../../x', '2024-01-04/../../x', '..', '2024-01-04\u0000']) {
        const raw = JSON.parse(bundledText()) as { date: string };
        raw.date = date;
        writeFileSync(join(dir, 'evil.json'), JSON.stringify(raw));
        const run = await brief(['render', '--snapshot', join(dir, 'evil.json'), '--format', 'md', '--out', join(dir, 'out')]);
        expect(run.code, date).toBe(2);
        expect(run.stderr).toMatch(/^ {2}date: /m);
      }
      expect(listTree(dir)).toEqual(['evil.json']);
    },
  },
  {
    id: 'B08',
    title: 'a notes path that is not a notes file (/etc/passwd, ../../) is refused without printing its content',
    run: async () => {
      const dir = tempDir();
      for (const notes of ['/etc/passwd', '../../../../../../etc/passwd', '/etc']) {
        const run = await brief(['render', '--snapshot', BUNDLED, '--notes', notes, '--format', 'md', '--out', dir]);
        expect(run.code, notes).toBe(2);
        expect(run.stderr).toMatch(/notes must be \.yaml, \.yml or \.json|cannot read notes \(EISDIR\)/);
        expect(run.stderr).not.toMatch(/root:.*:0:0/);
      }
      expect(listTree(dir)).toEqual([]);
    },
  },
  {
    id: 'B08',
    title: 'confined writes (writeFileAtomic with a root) refuse a symlinked folder and a path outside, and replace a link at the target',
    run: async () => {
      const base = tempDir();
      const root = join(base, 'out');
      const outside = join(base, 'outside');
      mkdirSync(join(root, '2024-01-03'), { recursive: true });
      mkdirSync(outside);
      symlinkSync(outside, join(root, '2024-01-04'));
      await expect(writeFileAtomic(join(root, '2024-01-04', 'en.md'), 'x', { root })).rejects.toThrow(OutsideRootError);
      await expect(writeFileAtomic(join(root, '2024-01-04', 'charts', 'en', 'price.svg'), 'x', { root })).rejects.toThrow(
        /2024-01-04 is a symbolic link/,
      );
      await expect(writeFileAtomic(join(root, '..', 'escaped.md'), 'x', { root })).rejects.toThrow(/not inside the root/);
      expect(listTree(outside)).toEqual([]);
      // A link where the file itself goes is replaced by the rename, its target untouched.
      writeFileSync(join(outside, 'victim.txt'), 'original');
      symlinkSync(join(outside, 'victim.txt'), join(root, '2024-01-03', 'en.md'));
      await writeFileAtomic(join(root, '2024-01-03', 'en.md'), 'new', { root });
      expect(lstatSync(join(root, '2024-01-03', 'en.md')).isSymbolicLink()).toBe(false);
      expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('original');
      // Ordinary nested writes work, folders created on the way.
      await writeFileAtomic(join(root, '2024-01-05', 'charts', 'zh', 'price.svg'), '<svg/>', { root });
      expect(readFileSync(join(root, '2024-01-05', 'charts', 'zh', 'price.svg'), 'utf8')).toBe('<svg/>');
      // The root itself may be a link (an out/ kept on another disk).
      symlinkSync(root, join(base, 'out-link'));
      await writeFileAtomic(join(base, 'out-link', '2024-01-06', 'en.md'), 'y', { root: join(base, 'out-link') });
      expect(readFileSync(join(root, '2024-01-06', 'en.md'), 'utf8')).toBe('y');
    },
  },
  {
    id: 'B08',
    title: 'brief render into an out/ whose <date> folder is a symlink pointing outside writes nothing outside (exit 2)',
    run: async () => {
      const base = tempDir();
      const out = join(base, 'out');
      const outside = join(base, 'outside');
      mkdirSync(out);
      mkdirSync(outside);
      symlinkSync(outside, join(out, '2024-01-04'));
      const run = await brief(['render', '--snapshot', BUNDLED, '--format', 'md,html', '--out', out]);
      expect(listTree(outside)).toEqual([]);
      expect(run.code).toBe(2);
      expect(readlinkSync(join(out, '2024-01-04'))).toBe(outside);
    },
  },
  {
    id: 'B08',
    title: 'brief publish skips a symlinked <date> folder and refuses a symlinked charts folder: nothing from outside is published',
    run: async () => {
      const base = tempDir();
      const out = join(base, 'out');
      const rendered = await brief(['render', '--snapshot', BUNDLED, '--format', 'md,html', '--out', out]);
      expect(rendered.code, rendered.stderr).toBe(0);
      // A day folder that is a link to a copy of a rendered day elsewhere is not collected.
      const elsewhere = join(base, 'elsewhere');
      mkdirSync(elsewhere);
      for (const name of ['en.json', 'en.md', 'en.html']) {
        const text = readFileSync(join(out, '2024-01-04', name), 'utf8').replaceAll('2024-01-04', '2024-01-05');
        writeFileSync(join(elsewhere, name), name === 'en.json' ? text.replace(/"charts": \[[^\]]*\]/, '"charts": []') : text);
      }
      symlinkSync(elsewhere, join(out, '2024-01-05'));
      const published = await brief(['publish', '--briefs', out, '--site', join(base, 'site')]);
      expect(published.code, published.stderr).toBe(0);
      const site = listTree(join(base, 'site'));
      expect(site.some((f) => f.startsWith('briefs/2024-01-04/'))).toBe(true);
      expect(site.some((f) => f.includes('2024-01-05'))).toBe(false);
      // A charts folder replaced by a link to outside: publishing refuses (exit 2), the site stays as it was.
      const charts = join(out, '2024-01-04', 'charts');
      const moved = join(base, 'charts-outside');
      const { renameSync } = await import('node:fs');
      renameSync(charts, moved);
      symlinkSync(moved, charts);
      const refused = await brief(['publish', '--briefs', out, '--site', join(base, 'site')]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`its charts folder ${charts} is missing or not a real folder`);
      expect(listTree(join(base, 'site'))).toEqual(site);
    },
  },
];
