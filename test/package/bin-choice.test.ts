/**
 * bin/brief.js runs the build when dist/ is at least as new as every TypeScript source, else the
 * sources through tsx (a checkout needs no build step; an edit needs no rebuild). Checked on a
 * small tree of its own: a real copy of bin/brief.js, a dist/ and a sources main that each say
 * which one ran, and file times set by hand.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli.js';

let root: string;
const T0 = new Date('2026-01-01T00:00:00Z');
const T1 = new Date('2026-01-02T00:00:00Z');

function put(path: string, text: string, time = T0): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  utimesSync(join(root, path), time, time);
}

function ran(env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, [join(root, 'bin', 'brief.js'), '--help'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BRIEF_RUN: '', ...env },
  }).trim();
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'brief-bin-'));
  mkdirSync(join(root, 'bin'));
  for (const file of ['brief.js', 'build-choice.js']) copyFileSync(join(REPO, 'bin', file), join(root, 'bin', file));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  put('package.json', '{ "type": "module" }\n');
  const main = (which: string) =>
    `export async function runExecutable(argv: string[]): Promise<number> {\n  process.stdout.write('${which} ' + argv.join(' ') + '\\n');\n  return 0;\n}\n`;
  put('pipeline/cli/main.ts', main('sources'));
  put('dist/pipeline/cli/main.js', main('dist').replace(': string[]', '').replace(': Promise<number>', ''));
  put('kernel/time.ts', 'export const x = 1;\n');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bin/brief.js', () => {
  it('runs the sources through tsx when there is no finished build', () => {
    expect(ran()).toBe('sources --help');
  });

  it('runs dist/ when the build is newer than every source, and the sources again after an edit', () => {
    put('dist/.built', '', T1);
    expect(ran()).toBe('dist --help');
    put('kernel/time.ts', 'export const x = 2;\n', new Date(T1.getTime() + 1000));
    expect(ran()).toBe('sources --help');
  });

  it('BRIEF_RUN=dist or =sources chooses without comparing', () => {
    expect(ran({ BRIEF_RUN: 'dist' })).toBe('dist --help');
    put('kernel/time.ts', 'export const x = 3;\n', T0);
    expect(ran()).toBe('dist --help');
    expect(ran({ BRIEF_RUN: 'sources' })).toBe('sources --help');
  });
});
