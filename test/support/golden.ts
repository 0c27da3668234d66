/**
 * Golden files (design.md §6), the one protocol every golden test uses: a mismatch fails and
 * writes `<name>-changed.<ext>` beside the golden file; goldens are (re)written only when
 * UPDATE_GOLDEN=1, and never when CI is set.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { expect } from 'vitest';

export function isUpdatingGoldens(): boolean {
  return process.env.UPDATE_GOLDEN === '1' && !process.env.CI;
}

export function expectGolden(file: string, actual: string): void {
  const changed = file.slice(0, -extname(file).length) + '-changed' + extname(file);
  if (isUpdatingGoldens()) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(changed, actual);
    throw new Error(`golden file ${file} is missing; run with UPDATE_GOLDEN=1 to create it (wrote ${changed})`);
  }
  const expected = readFileSync(file, 'utf8');
  if (expected !== actual) writeFileSync(changed, actual);
  else rmSync(changed, { force: true });
  expect(actual, `${file} differs; see ${changed} (UPDATE_GOLDEN=1 to accept)`).toBe(expected);
}
