/** What `npm pack` would publish: the program and its templates, not the tests (was 8.7 MB). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli.js';

interface Packed {
  size: number;
  files: { path: string }[];
}

describe('npm pack', () => {
  it('ships bin, sources, templates and the example day, and nothing of test/ or deploy/', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [packed] = JSON.parse(out) as Packed[];
    const paths = packed!.files.map((f) => f.path);
    for (const needed of [
      'package.json',
      'README.md',
      'bin/brief.js',
      'pipeline/cli/main.ts',
      'pipeline/render/compose-worker.mjs',
      'templates/layout/page.hbs',
      'templates/layout/style.css',
      'templates/zh/brief.hbs',
      'templates/en/brief.hbs',
      'snapshots/2024-01-04.json',
    ]) {
      expect(paths, needed).toContain(needed);
    }
    const top = new Set(paths.map((p) => p.split('/')[0]));
    expect([...top].sort()).toEqual(['README.md', 'bin', 'package.json', 'pipeline', 'renderers', 'snapshots', 'sources', 'templates']);
    expect(paths.filter((p) => /\.test\.ts$/.test(p))).toEqual([]);
    expect(packed!.size).toBeLessThan(1_500_000);
  }, 60_000);

  it('names its executables uniquely and declares what it imports from puppeteer', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      name: string;
      bin: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pkg.name).toBe('crypto-market-brief');
    expect(pkg.bin['crypto-market-brief']).toBe('bin/brief.js');
    expect(pkg.dependencies).toHaveProperty('@puppeteer/browsers');
    expect(pkg.dependencies).toHaveProperty('chokidar');
  });
});
