/**
 * B01–B03: snapshot files that are damaged, of another schema version, or against the schema.
 * Each goes through `brief render` (and `brief analyze`): exit 2, a message naming the file and
 * the byte or field path, and nothing written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { brief, bundledText, listTree, tempDir, type BadInputCase } from './harness.js';

/** Writes `text` as `<dir>/2024-01-04.json`, renders it (md, html) into `<dir>/out`, and checks the refusal. */
async function refused(text: string, expected: RegExp[]): Promise<string> {
  const dir = tempDir();
  const file = join(dir, '2024-01-04.json');
  writeFileSync(file, text);
  const out = join(dir, 'out');
  const render = await brief(['render', '--snapshot', file, '--format', 'md,html', '--out', out]);
  expect(render.code, render.stderr).toBe(2);
  expect(render.stderr).toContain(`brief: ${file}: `);
  for (const pattern of expected) expect(render.stderr).toMatch(pattern);
  expect(listTree(out)).toEqual([]);
  const analyze = await brief(['analyze', '--snapshot', file]);
  expect(analyze.code).toBe(2);
  expect(analyze.stdout).toBe('');
  return render.stderr;
}

function variant(edit: (raw: Record<string, unknown>) => void): string {
  const raw = JSON.parse(bundledText()) as Record<string, unknown>;
  edit(raw);
  return JSON.stringify(raw);
}

export const SNAPSHOT_FILE_CASES: BadInputCase[] = [
  {
    id: 'B01',
    title: 'a truncated snapshot: exit 2, the byte where it ends, nothing written',
    run: async () => {
      const text = bundledText();
      // Cut inside a value, and at a point between values: either way the error is at the last byte.
      for (const cut of [text.slice(0, Math.floor(text.length / 2)), text.slice(0, text.indexOf('"prices"')), text.slice(0, 1)]) {
        await refused(cut, [new RegExp(`invalid JSON at byte ${Buffer.byteLength(cut)}\\b.*\\(the file looks truncated\\)`)]);
      }
    },
  },
  {
    id: 'B01',
    title: 'trailing garbage after the JSON: exit 2, the byte where the garbage starts',
    run: async () => {
      const text = bundledText();
      // The garbage starts right after the file's own bytes (its final newline included).
      await refused(`${text}}garbage`, [new RegExp(`invalid JSON at byte ${Buffer.byteLength(text)}\\b`)]);
    },
  },
  {
    id: 'B01',
    title: 'a byte-order mark, a 0-byte file and a whitespace-only file: exit 2',
    run: async () => {
      await refused(`\ufeff${bundledText()}`, [/starts with a byte-order mark \(BOM\)/]);
      await refused('', [/is empty \(0 bytes of JSON\)/]);
      await refused('\n  \n', [/is empty/]);
    },
  },
  {
    id: 'B02',
    title: 'a newer, an older and a non-integer schemaVersion are refused with the versions named',
    run: async () => {
      await refused(
        variant((raw) => void (raw.schemaVersion = 2)),
        [/schemaVersion 2 > supported 1: this snapshot was written by a newer version of brief/],
      );
      await refused(
        variant((raw) => void (raw.schemaVersion = 0)),
        [/schemaVersion 0 is not supported \(this version reads 1\)/],
      );
      await refused(
        variant((raw) => void (raw.schemaVersion = '1')),
        [/schemaVersion: expected an integer, got "1"/],
      );
      await refused(
        variant((raw) => void delete raw.schemaVersion),
        [/schemaVersion: expected an integer, got nothing/],
      );
    },
  },
  {
    id: 'B03',
    title: 'every schema violation is listed with its field path, not just the first',
    run: async () => {
      const text = variant((raw) => {
        raw.date = '2024-13-45';
        raw.timezone = 'Not/AZone';
        const prices = raw.prices as Array<{ candles: Array<Record<string, unknown>>; venue: unknown }>;
        prices[0]!.candles[0]!.o = -1;
        prices[0]!.venue = '';
        (raw.gaps as Array<Record<string, unknown>>)[0]!.family = 'weather';
        raw.extra = true;
      });
      const stderr = await refused(text, [
        /does not match the snapshot schema/,
        /^ {2}date: /m,
        /^ {2}timezone: expected an IANA time zone such as Asia\/Shanghai$/m,
        /^ {2}prices\[0\]\.candles\[0\]\.o: /m,
        /^ {2}prices\[0\]\.venue: /m,
        /^ {2}gaps\[0\]\.family: /m,
        /^ {2}\(root\): Unrecognized key: "extra"$/m,
      ]);
      expect(stderr.split('\n').filter((line) => line.startsWith('  ')).length).toBe(6);
    },
  },
];
