/**
 * B04: prototype-pollution keys — `__proto__`, `constructor.prototype` — in snapshot JSON, in
 * notes (YAML and JSON), as generated hostile keys (fast-check), and as template partials named
 * like Object.prototype's members. After load, analysis and render: `({}).polluted` is
 * undefined, Object.prototype has exactly its own members, and no output holds the marker.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { InputError } from '../../../kernel/errors.js';
import { parseNotes } from '../../../pipeline/narrative/index.js';
import { parseSnapshot } from '../../../kernel/snapshot/index.js';
import { PROTO_KEYS } from '../../support/hostile.js';
import { BUNDLED, brief, bundledText, copyTemplates, listTree, tempDir, type BadInputCase } from './harness.js';

const PROTOTYPE_MEMBERS = Object.getOwnPropertyNames(Object.prototype).sort();
const MARKER = 'POLLUTED-7f3a';

function expectPrototypesClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_MEMBERS);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

const SNAPSHOT_INJECTIONS: Array<[string, (text: string) => string, RegExp]> = [
  ['root __proto__', (t) => t.replace(/^\{/, `{"__proto__": {"polluted": "${MARKER}"},`), /^ {2}\(root\): Unrecognized key: "__proto__"$/m],
  [
    'root constructor.prototype',
    (t) => t.replace(/^\{/, `{"constructor": {"prototype": {"polluted": "${MARKER}"}},`),
    /^ {2}\(root\): Unrecognized key: "constructor"$/m,
  ],
  [
    'nested __proto__ in a candle',
    (t) => t.replace(/"candles": \[\s*\{/, `"candles": [{"__proto__": {"polluted": "${MARKER}"},`),
    /^ {2}perpetuals\[0\]\.candles\[0\]: Unrecognized key: "__proto__"$/m, // keys are sorted: perpetuals come first
  ],
];

export const POLLUTION_CASES: BadInputCase[] = [
  {
    id: 'B04',
    title: '__proto__ and constructor.prototype keys in snapshot JSON are refused (exit 2) and pollute nothing',
    run: async () => {
      const dir = tempDir();
      for (const [name, inject, issue] of SNAPSHOT_INJECTIONS) {
        const text = inject(bundledText());
        expect(text, name).toContain(MARKER);
        const file = join(dir, '2024-01-04.json');
        writeFileSync(file, text);
        const run = await brief(['render', '--snapshot', file, '--format', 'md,html', '--out', join(dir, 'out')]);
        expect(run.code, name).toBe(2);
        expect(run.stderr, name).toMatch(issue);
        expect(listTree(join(dir, 'out'))).toEqual([]);
        expectPrototypesClean();
      }
    },
  },
  {
    id: 'B04',
    title: 'pollution keys in notes (YAML and JSON, top level and inside a note) are refused with their line',
    run: async () => {
      const dir = tempDir();
      const notes: Array<[string, string, RegExp]> = [
        ['a.yaml', `date: 2024-01-04\nnotes: []\n__proto__: {polluted: ${MARKER}}\n`, /line 3: __proto__: Unrecognized key/],
        [
          'b.yaml',
          `date: 2024-01-04\nconstructor: {prototype: {polluted: ${MARKER}}}\nnotes: []\n`,
          /line 2: constructor: Unrecognized key/,
        ],
        [
          'c.yaml',
          `date: 2024-01-04\nnotes:\n  - kind: remark\n    __proto__: {polluted: ${MARKER}}\n    speaker: {zh: 甲, en: A}\n    stance: bullish\n    text: {zh: 看多, en: bullish}\n    source: {name: Desk, url: "https://example.com/a"}\n`,
          /line 4: notes\[0\]\.__proto__: Unrecognized key/,
        ],
        ['d.json', `{"date":"2024-01-04","notes":[],"__proto__":{"polluted":"${MARKER}"}}`, /line 1: __proto__: Unrecognized key/],
      ];
      for (const [name, text, issue] of notes) {
        const file = join(dir, name);
        writeFileSync(file, text);
        const run = await brief(['render', '--snapshot', BUNDLED, '--notes', file, '--format', 'md', '--out', join(dir, 'out')]);
        expect(run.code, name).toBe(2);
        expect(run.stderr, name).toMatch(issue);
        const lint = await brief(['lint', '--notes', file]);
        expect(lint.code, name).toBe(2);
        expectPrototypesClean();
      }
      expect(listTree(join(dir, 'out'))).toEqual([]);
    },
  },
  {
    id: 'B04',
    title: 'generated objects with hostile keys anywhere (fast-check, seeded) never load and never pollute',
    run: async () => {
      // The snapshot as text once (1.2 MB): each run splices its key in; parsing stays per run.
      const baseText = JSON.stringify(JSON.parse(bundledText()) as Record<string, unknown>);
      const hostileKey = fc.constantFrom(...PROTO_KEYS, 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__');
      const payload = fc.dictionary(fc.oneof(hostileKey, fc.string()), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 });
      // Keys are spliced in as JSON text so that "__proto__" stays an own key, as it would in a file.
      const inject = (target: 'snapshot' | 'notes', key: string, value: unknown): string => {
        const member = `${JSON.stringify(key)}: ${JSON.stringify({ polluted: MARKER, value })}`;
        return target === 'snapshot' ? baseText.replace(/^\{/, `{${member},`) : `{"date":"2024-01-04",${member},"notes":[]}`;
      };
      fc.assert(
        fc.property(fc.constantFrom('snapshot' as const, 'notes' as const), hostileKey, payload, (target, key, value) => {
          const text = inject(target, key, value);
          const parse = target === 'snapshot' ? () => parseSnapshot(text, 'x.json') : () => parseNotes(text, 'x.json');
          expect(parse).toThrow(InputError);
          expectPrototypesClean();
        }),
        { seed: 20240104, numRuns: 200 },
      );
    },
  },
  {
    id: 'B04',
    title: 'template partials named __proto__, constructor, toString …: refused at load with the file, nothing written, nothing polluted',
    run: async () => {
      const names = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'];
      for (const name of names) {
        const templates = copyTemplates();
        const file = join(templates, 'zh', 'partials', `${name}.hbs`);
        writeFileSync(file, MARKER);
        const dir = tempDir();
        const render = await brief(['render', '--snapshot', BUNDLED, '--templates', templates, '--format', 'md,html', '--out', dir]);
        expect(render.code, name).toBe(2);
        expect(render.stderr).toContain(`${file}:1: partial name '${name}' is not allowed`);
        expect(listTree(dir)).toEqual([]);
        const lint = await brief(['lint', '--templates', templates]);
        expect(lint.code, name).toBe(2);
        expect(lint.stderr).toContain(`${file}:1: partial name '${name}' is not allowed`);
        expectPrototypesClean();
      }
      // A partial that does not exist is not found on Object.prototype either.
      const templates = copyTemplates();
      const entry = join(templates, 'zh', 'brief.hbs');
      writeFileSync(entry, `${readFileSync(entry, 'utf8')}{{> isPrototypeOf}}\n`);
      const missing = await brief(['render', '--snapshot', BUNDLED, '--templates', templates, '--format', 'md', '--out', tempDir()]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain(`${entry}:`);
      expect(missing.stderr).toContain('partial "isPrototypeOf" does not exist');
    },
  },
];
