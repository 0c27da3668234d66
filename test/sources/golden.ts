/**
 * Golden-file comparison (design.md convention 6): a mismatch fails and writes `*-changed.json`
 * beside the golden file; the golden file is rewritten only with UPDATE_GOLDEN=1, never when CI
 * is set.
 */
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export function checkGolden(goldenFile: string, actual: string): { ok: boolean; message: string } {
  const changedFile = goldenFile.replace(/\.json$/, '-changed.json');
  const update = process.env.UPDATE_GOLDEN === '1' && !process.env.CI;
  if (update) {
    mkdirSync(dirname(goldenFile), { recursive: true });
    writeFileSync(goldenFile, actual);
    rmSync(changedFile, { force: true });
    return { ok: true, message: `rewrote ${goldenFile}` };
  }
  const expected = existsSync(goldenFile) ? readFileSync(goldenFile, 'utf8') : undefined;
  if (expected === actual) {
    rmSync(changedFile, { force: true });
    return { ok: true, message: 'matches' };
  }
  writeFileSync(changedFile, actual);
  return {
    ok: false,
    message:
      expected === undefined
        ? `no golden file ${goldenFile}; wrote ${changedFile} (UPDATE_GOLDEN=1 to accept)`
        : `differs from ${goldenFile}; wrote ${changedFile} (UPDATE_GOLDEN=1 to accept)`,
  };
}
