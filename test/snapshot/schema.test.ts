import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../kernel/errors.js';
import { loadSnapshot, parseSnapshot, saveSnapshot, serializeSnapshot } from '../../kernel/snapshot/index.js';

const FIXTURE = new URL('../fixtures/minimal/snapshot.json', import.meta.url).pathname;
const text = readFileSync(FIXTURE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'brief-schema-'));

function writeVariant(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function errorOf(file: string): Promise<InputError> {
  try {
    await loadSnapshot(file);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('snapshot schema', () => {
  it('parses a valid snapshot and applies defaults', async () => {
    const snapshot = await loadSnapshot(FIXTURE);
    expect(snapshot.date).toBe('2024-01-04');
    expect(snapshot.prices[0]?.candles[1]?.l).toBe(40750);
    expect(snapshot.prices[0]?.provenance.provider).toBe('binance');
    expect(snapshot.gaps).toHaveLength(1);
  });

  it('refuses a truncated file, naming the file and the byte', async () => {
    const file = writeVariant('truncated.json', text.slice(0, 200));
    const error = await errorOf(file);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/invalid JSON at byte \d+/);
    expect(error.message).toContain('truncated');
    expect(error.exitCode).toBe(2);
  });

  it('refuses an empty file and a byte-order mark', async () => {
    expect((await errorOf(writeVariant('empty.json', ''))).message).toContain('is empty');
    expect((await errorOf(writeVariant('bom.json', `\ufeff${text}`))).message).toContain('byte-order mark');
  });

  it('names the field path of a wrong type', async () => {
    const raw = JSON.parse(text);
    raw.prices[0].candles[1].c = '42836.2';
    const error = await errorOf(writeVariant('wrong-type.json', JSON.stringify(raw)));
    expect(error.message).toContain('wrong-type.json: does not match the snapshot schema');
    expect(error.message).toMatch(/prices\[0\]\.candles\[1\]\.c: .*expected number/i);
  });

  it('names the field path of a missing required field', async () => {
    const raw = JSON.parse(text);
    delete raw.prices[0].provenance.fetchedAt;
    const error = await errorOf(writeVariant('missing.json', JSON.stringify(raw)));
    expect(error.message).toMatch(/prices\[0\]\.provenance\.fetchedAt: /);
  });

  it('refuses a newer schemaVersion with a clear message', async () => {
    const raw = JSON.parse(text);
    raw.schemaVersion = 3;
    const error = await errorOf(writeVariant('newer.json', JSON.stringify(raw)));
    expect(error.message).toContain('newer.json: schemaVersion 3 > supported 1');
  });

  it('rejects non-finite numbers and prototype keys', () => {
    const raw = JSON.parse(text);
    raw.prices[0].candles[0].v = Infinity; // JSON.stringify writes it as null, which is not a number
    expect(() => parseSnapshot(JSON.stringify(raw), 'inf.json')).toThrow(/prices\[0\]\.candles\[0\]\.v/);
    const polluted = text.replace('"assets": ["BTC"],', '"assets": ["BTC"], "__proto__": {"polluted": "x"},');
    expect(() => parseSnapshot(polluted, 'proto.json')).toThrow(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('writes atomically with sorted keys: same data, same bytes', async () => {
    const snapshot = await loadSnapshot(FIXTURE);
    const out = await saveSnapshot(join(dir, 'out'), snapshot);
    expect(out).toBe(join(dir, 'out', '2024-01-04.json'));
    const written = readFileSync(out, 'utf8');
    expect(written).toBe(serializeSnapshot(snapshot));
    expect(written.indexOf('"assets"')).toBeLessThan(written.indexOf('"basis"'));
    expect(parseSnapshot(written, out)).toEqual(snapshot);
  });
});
