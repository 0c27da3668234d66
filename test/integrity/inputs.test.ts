/**
 * Inputs that used to crash (issue 16) fail cleanly: YAML aliases in notes resolve within a small
 * budget or are refused naming the line; notes and snapshot files beyond their size are refused
 * before they are read; a snapshot with more candles than any day holds is refused (exit 2).
 */
import { mkdir, mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli/main.js';
import { INPUT_LIMITS } from '../../kernel/input-limits.js';
import { loadNotes } from '../../pipeline/narrative/notes-load.js';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inputs-'));
});

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(args, { env: { PATH: process.env.PATH ?? '' }, cwd: dir, stdout: () => {}, stderr: (t) => err.push(t) });
  return { code, err: err.join('') };
}

describe('notes', () => {
  it('a harmless YAML alias resolves: the anchored source is reused by a second note', async () => {
    const bundled = await readFile(join(ROOT, 'snapshots', '2024-01-04.notes.yaml'), 'utf8');
    // Anchor the first note's source and reuse it in the catalyst's place of a source, by alias.
    const aliased = bundled.replace('    source:\n      name: Federal Reserve', '    source: &fed\n      name: Federal Reserve');
    expect(aliased).not.toBe(bundled);
    const file = join(dir, 'aliased.notes.yaml');
    await writeFile(file, `${aliased}\nx-reuse: *fed\n`);
    // The alias itself resolves; the unknown top-level key is what the schema then names.
    await expect(loadNotes(file)).rejects.toThrow(/x-reuse/);
    const clean = join(dir, 'anchor-only.notes.yaml');
    await writeFile(clean, aliased);
    expect((await loadNotes(clean)).notes.length).toBeGreaterThan(0);
  });

  it('an alias bomb is refused with exit 2, naming the line of the first alias', async () => {
    const file = join(dir, 'bomb.notes.yaml');
    const lines = ['date: 2024-01-04', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 8; i += 1) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`);
    }
    lines.push('notes: []');
    await writeFile(file, `${lines.join('\n')}\n`);
    const { code, err } = await cli(['lint', '--notes', file]);
    expect(code).toBe(2);
    // The first alias is on line 3 (`b: &b [*a, …]`).
    expect(err).toContain(`line 3: YAML aliases expand beyond the limit of ${INPUT_LIMITS.notesMaxAliasCount}`);
    // Refused without expanding 10^9 nodes.
    const started = Date.now();
    await expect(loadNotes(file)).rejects.toThrow(/YAML aliases/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a 2 MB notes file is refused before it is read (exit 2, the 1 MB limit named)', async () => {
    const file = join(dir, 'huge.notes.yaml');
    await writeFile(file, `date: 2024-01-04\nnotes: []\n# ${'x'.repeat(2 * 1_048_576)}\n`);
    const { code, err } = await cli(['lint', '--notes', file]);
    expect(code).toBe(2);
    expect(err).toContain('is 2.0 MB, more than the 1.0 MB limit for notes files; nothing was read');
  });
});

describe('snapshots', () => {
  it('a 70 MB snapshot is refused by its size before it is read (exit 2, the 64 MB limit named)', async () => {
    const file = join(dir, '2024-01-04.json');
    await writeFile(file, '');
    await truncate(file, 70 * 1_048_576); // sparse: nothing to read, only the size to see
    const { code, err } = await cli(['render', file, '--format', 'md', '--out', 'out']);
    expect(code).toBe(2);
    expect(err).toContain('is 70 MB, more than the 64 MB limit for snapshot files; nothing was read');
  });

  it('a snapshot with more candles in a series than the limit is refused by the schema (exit 2), not a stack overflow', async () => {
    const snapshot = JSON.parse(await readFile(join(ROOT, 'snapshots', '2024-01-04.json'), 'utf8')) as {
      prices: { interval: string; candles: { t: number }[] }[];
    };
    const hourly = snapshot.prices.findIndex((p) => p.interval === '1h');
    const first = snapshot.prices[hourly]!.candles[0]!;
    const many = INPUT_LIMITS.candlesPerSeriesMax + 1;
    snapshot.prices[hourly]!.candles = Array.from({ length: many }, (_, i) => ({ ...first, t: first.t - (many - i) * 3_600_000 }));
    const file = join(dir, 'many', '2024-01-04.json');
    await mkdir(join(dir, 'many'), { recursive: true });
    await writeFile(file, JSON.stringify(snapshot));
    const { code, err } = await cli(['render', file, '--format', 'md', '--out', 'out']);
    expect(code).toBe(2);
    expect(err).toContain(`prices[${hourly}].candles: more than ${INPUT_LIMITS.candlesPerSeriesMax} candles in one series`);
  });
});
