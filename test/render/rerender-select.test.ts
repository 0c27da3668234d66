import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard } from '../../pipeline/cli/rerender.js';
import { createProgress, duration } from '../../pipeline/render/progress.js';
import { selectDates } from '../../pipeline/render/rerender.js';

const dir = mkdtempSync(join(tmpdir(), 'brief-rerender-'));
const dates = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06', '2024-01-07'];
for (const d of dates) writeFileSync(join(dir, `${d}.json`), '{}');
// Not snapshots: notes, temporary files, other names.
for (const name of ['2024-01-04.notes.yaml', '.2024-01-08.json.tmp-1-ab', 'latest.json', '2024-1-9.json'])
  writeFileSync(join(dir, name), '');

describe('rerender date selection', () => {
  it('takes only <date>.json files, in order, within the range', async () => {
    expect(await selectDates({ snapshotsDir: dir })).toEqual(dates);
    expect(await selectDates({ snapshotsDir: dir, from: '2024-01-03', to: '2024-01-05' })).toEqual([
      '2024-01-03',
      '2024-01-04',
      '2024-01-05',
    ]);
  });

  it('splits into disjoint shards that together cover every date', async () => {
    const parts = await Promise.all([1, 2, 3].map((index) => selectDates({ snapshotsDir: dir, shard: { index, count: 3 } })));
    expect(parts).toEqual([
      ['2024-01-01', '2024-01-04', '2024-01-07'],
      ['2024-01-02', '2024-01-05'],
      ['2024-01-03', '2024-01-06'],
    ]);
    expect(parts.flat().sort()).toEqual(dates);
  });

  it('parses I/N and rejects nonsense', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1-4']) expect(() => parseShard(bad), bad).toThrow(/expected I\/N/);
  });
});

describe('progress with ETA', () => {
  it('estimates the time left from the mean time per item', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = createProgress(4, { write: (t) => lines.push(t), isTTY: true, now: () => now });
    now = 10_000;
    progress.tick('2024-01-01');
    // 1 item in 10 s → 3 left × 10 s = 30 s.
    expect(lines[0]).toBe('\r[######..................] 1/4 25% elapsed 10s ETA 30s 2024-01-01\u001b[K');
    now = 130_000;
    progress.tick('2024-01-02');
    // 2 items in 130 s → 65 s each × 2 left = 130 s.
    expect(lines[1]).toContain('2/4 50% elapsed 2m10s ETA 2m10s');
  });

  it('prints a plain line every 10 % when not on a terminal', () => {
    const lines: string[] = [];
    const progress = createProgress(20, { write: (t) => lines.push(t), isTTY: false, now: () => 0 });
    for (let i = 0; i < 20; i += 1) progress.tick(String(i));
    expect(lines).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^\[#{24}\] 20\/20 100%/);
    expect(duration(3_725_000)).toBe('1h02m');
  });
});
