import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../kernel/errors.js';
import { findNotesFor, loadNotes, parseNotes } from '../../pipeline/narrative/notes-load.js';

const GOOD = `date: 2024-01-04
notes:
  - kind: macro
    time: 2024-01-04T03:00:00+08:00
    name: { zh: 美联储 12 月会议纪要, en: "the Fed's December minutes" }
    text:
      zh: 纪要显示官员对降息时点更为谨慎。
      en: The minutes showed officials more cautious on the timing of cuts.
    implied:
      label: { zh: 2024 年降息次数, en: rate cuts priced for 2024 }
      unit: count
      before: 6
      after: { low: 4, high: 5 }
    trigger: true
    source: { name: CME FedWatch, url: "https://www.cmegroup.com/markets/interest-rates/cme-fedwatch-tool.html" }
  - kind: remark
    speaker: { zh: 某交易员, en: a trader }
    stance: bearish
    text: { zh: 看空。, en: Bearish. }
    source: { name: Desk, url: "https://example.com/r" }
`;

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseNotes', () => {
  it('reads a valid YAML file with defaults applied', () => {
    const notes = parseNotes(GOOD, 'x.notes.yaml');
    expect(notes.date).toBe('2024-01-04');
    expect(notes.notes).toHaveLength(2);
    const macro = notes.notes[0]!;
    expect(macro.kind).toBe('macro');
    if (macro.kind === 'macro') {
      expect(macro.trigger).toBe(true);
      expect(macro.implied?.after).toEqual({ low: 4, high: 5 });
    }
  });

  it('names file, line and field for a bad URL', () => {
    const bad = GOOD.replace('url: "https://example.com/r"', 'url: "javascript:alert(1)"');
    const error = errorOf(() => parseNotes(bad, 'day.notes.yaml'));
    expect(error.file).toBe('day.notes.yaml');
    expect(error.exitCode).toBe(2);
    // The remark's source is on line 20 of GOOD; the url key is on that same line (flow mapping).
    expect(error.issues).toEqual(['line 20: notes[1].source.url: expected an http(s) URL']);
    expect(error.message).toContain('day.notes.yaml: does not match the notes schema');
  });

  it('names the line of an unknown key and of a missing field', () => {
    const unknown = GOOD.replace('    trigger: true\n', '    trigger: true\n    triger: true\n');
    expect(errorOf(() => parseNotes(unknown, 'n.yaml')).issues[0]).toMatch(/^line 15: notes\[0\]\.triger: Unrecognized key/);
    const missing = GOOD.replace('    stance: bearish\n', '');
    // The remark item starts on line 16 ("- kind: remark"); the missing stance points at its map.
    expect(errorOf(() => parseNotes(missing, 'n.yaml')).issues[0]).toMatch(/^line 16: notes\[1\]\.stance: /);
  });

  it('rejects an unknown kind, an inverted range and a bad time', () => {
    expect(errorOf(() => parseNotes(GOOD.replace('kind: remark', 'kind: rumour'), 'n.yaml')).issues[0]).toMatch(
      /^line 16: notes\[1\]\.kind: /,
    );
    const inverted = GOOD.replace('after: { low: 4, high: 5 }', 'after: { low: 5, high: 4 }');
    expect(errorOf(() => parseNotes(inverted, 'n.yaml')).issues).toEqual(['line 13: notes[0].implied.after: low is above high']);
    const badTime = GOOD.replace('time: 2024-01-04T03:00:00+08:00', 'time: 4 January');
    expect(errorOf(() => parseNotes(badTime, 'n.yaml')).issues[0]).toMatch(/^line 4: notes\[0\]\.time: expected an ISO 8601 time/);
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    expect(errorOf(() => parseNotes('date: 2024-01-04\nnotes: [\n', 'n.yaml')).message).toMatch(/is not valid YAML/);
    const dup = errorOf(() => parseNotes('date: 2024-01-04\ndate: 2024-01-05\nnotes: []\n', 'n.yaml'));
    expect(dup.issues[0]).toMatch(/^line 2: Map keys must be unique/);
  });

  it('refuses YAML aliases (no entity expansion)', () => {
    const aliased = 'date: 2024-01-04\nx: &a { zh: 甲, en: a }\nnotes: []\n';
    // An unknown top-level key with an anchor is fine syntax but fails the schema; aliases fail toJS.
    expect(() => parseNotes(`${aliased}y: *a\n`, 'n.yaml')).toThrow();
  });

  it('reads JSON with strict JSON syntax and YAML positions', () => {
    const json = JSON.stringify(
      {
        date: '2024-01-04',
        notes: [
          {
            kind: 'remark',
            speaker: { zh: '甲', en: 'A' },
            stance: 'up',
            text: { zh: '甲', en: 'A' },
            source: { name: 'S', url: 'https://s.example' },
          },
        ],
      },
      null,
      2,
    );
    const error = errorOf(() => parseNotes(json, 'n.json'));
    expect(error.issues[0]).toMatch(/^line 10: notes\[0\]\.stance: /);
    expect(errorOf(() => parseNotes('{"date": "2024-01-04",}', 'n.json')).message).toMatch(/invalid JSON at byte/);
  });

  it('refuses other extensions', () => {
    expect(errorOf(() => parseNotes(GOOD, 'n.txt')).message).toMatch(/must be \.yaml, \.yml or \.json/);
  });
});

describe('loadNotes and findNotesFor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'notes-'));
  it('finds <date>.notes.yaml beside <date>.json and notes.yaml beside snapshot.json', async () => {
    writeFileSync(join(dir, '2024-01-04.notes.yaml'), GOOD);
    expect(findNotesFor(join(dir, '2024-01-04.json'))).toBe(join(dir, '2024-01-04.notes.yaml'));
    expect(findNotesFor(join(dir, '2024-01-05.json'))).toBeUndefined();
    writeFileSync(join(dir, 'notes.json'), '{"date":"2024-01-04","notes":[]}');
    expect(findNotesFor(join(dir, 'snapshot.json'))).toBe(join(dir, 'notes.json'));
    expect((await loadNotes(join(dir, '2024-01-04.notes.yaml'))).notes).toHaveLength(2);
  });
  it('fails with the file name when the file is missing', async () => {
    await expect(loadNotes(join(dir, 'nope.notes.yaml'))).rejects.toThrow(/nope\.notes\.yaml: no such notes file/);
  });
});
