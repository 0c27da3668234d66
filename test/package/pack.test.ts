/**
 * The package as a team gets it (issue 19): `npm pack` (which builds dist/ through prepack), the
 * tarball's contents, its dependencies against what the build imports, and a script in a temp
 * folder that installs the tarball and renders the bundled brief through the library API.
 *
 * Install: by default the tarball is unpacked into the temp folder's node_modules the way npm
 * lays it out, and only the package's declared `dependencies` are linked in from the checkout's
 * node_modules (a missing declaration fails the import); the full `npm install` of the tarball
 * (≈ 40 s from the registry, 213 packages) runs with BRIEF_PACKAGE_INSTALL=npm.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBrief } from '../../pipeline/api.js';
import { REPO } from '../support/run-cli.js';

interface Packed {
  filename: string;
  size: number;
  files: { path: string }[];
}

interface PackageJson {
  name: string;
  version: string;
  license: string;
  main: string;
  types: string;
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as PackageJson;
let work: string;
let packed: Packed;
let paths: string[];

/**
 * A child process that leaves this worker's event loop free: npm pack builds for a minute on a
 * busy machine, and vitest's own messages time out under a synchronous wait that long.
 */
const run = promisify(execFile);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'brief-pack-'));
  // Not --ignore-scripts: prepack builds dist/, as it would before a publish.
  const { stdout: out } = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  packed = (JSON.parse(out.slice(out.indexOf('['))) as Packed[])[0]!;
  paths = packed.files.map((f) => f.path);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  it('ships the build, the executable, the templates, the example day and the licence; no sources, no tests', () => {
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'bin/brief.js',
      'dist/pipeline/api.js',
      'dist/pipeline/api.d.ts',
      'dist/pipeline/cli/main.js',
      'dist/pipeline/render/compose-worker.js',
      'dist/kernel/snapshot/schema.d.ts',
      'templates/layout/page.hbs',
      'templates/layout/style.css',
      'templates/zh/brief.hbs',
      'templates/en/brief.hbs',
      'snapshots/2024-01-04.json',
      'snapshots/2024-01-04.notes.yaml',
    ]) {
      expect(paths, needed).toContain(needed);
    }
    const top = new Set(paths.map((p) => p.split('/')[0]));
    expect([...top].sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'package.json', 'snapshots', 'templates']);
    expect(paths.filter((p) => p.startsWith('test/') || /\.test\./.test(p))).toEqual([]);
    // TypeScript only as declarations: the package never needs tsx.
    expect(paths.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
    expect(paths.filter((p) => p.startsWith('dist/') && p.endsWith('.js')).length).toBeGreaterThan(150);
    expect(packed.size).toBeLessThan(1_500_000);
  });

  it('is a package: unique executable, MIT, exports with types, tsx only for the checkout', () => {
    expect(pkg.name).toBe('crypto-market-brief');
    expect(pkg.bin).toEqual({ brief: 'bin/brief.js', 'crypto-market-brief': 'bin/brief.js' });
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(REPO, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(pkg.exports).toEqual({
      '.': { types: './dist/pipeline/api.d.ts', default: './dist/pipeline/api.js' },
      './package.json': './package.json',
    });
    expect([pkg.main, pkg.types]).toEqual(['./dist/pipeline/api.js', './dist/pipeline/api.d.ts']);
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    expect(pkg.devDependencies).toHaveProperty('tsx');
  });

  it('declares exactly the packages the build imports', () => {
    const imported = new Set<string>();
    const files = readdirSync(join(REPO, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    for (const file of files) {
      const text = readFileSync(join(REPO, 'dist', file), 'utf8');
      // Static and dynamic imports, re-exports, and require.resolve (the font package's files).
      for (const m of text.matchAll(
        /(?:\bfrom|\bimport\(?|require\.resolve\()\s*['"]((?:@[a-z0-9-]+\/)?[a-z0-9][\w.-]*(?:\/[\w./-]+)?)['"]/g,
      )) {
        const spec = m[1]!;
        if (spec.startsWith('node:')) continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('installs into a fresh folder and renders the bundled brief (md, html) through the library API, as the sources do', async () => {
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "brief-user", "private": true, "type": "module" }\n');
    const tarball = join(work, packed.filename);
    if (process.env.BRIEF_PACKAGE_INSTALL === 'npm') {
      execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
        cwd: app,
        stdio: 'ignore',
      });
    } else {
      const installed = join(app, 'node_modules', pkg.name);
      mkdirSync(installed, { recursive: true });
      execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
      for (const dep of Object.keys(pkg.dependencies)) {
        const link = join(app, 'node_modules', dep);
        mkdirSync(dirname(link), { recursive: true });
        symlinkSync(join(REPO, 'node_modules', dep), link, 'dir');
      }
    }
    writeFileSync(
      join(app, 'render.mjs'),
      `import { createRequire } from 'node:module';
import { renderBrief } from 'crypto-market-brief';
const require = createRequire(import.meta.url);
const home = require.resolve('crypto-market-brief/package.json').replace(/package\\.json$/, '');
const result = await renderBrief({
  snapshotFile: home + 'snapshots/2024-01-04.json',
  langs: ['zh', 'en'],
  formats: ['md', 'html'],
  outDir: 'out',
});
console.log(JSON.stringify({ date: result.snapshot.date, files: result.files.map((f) => f.slice(process.cwd().length + 1)).sort() }));
`,
    );
    // The installed package renders in its own process while the checkout's sources render here.
    const fromSources = join(work, 'sources-out');
    const [{ stdout: out }] = await Promise.all([
      run(process.execPath, ['render.mjs'], { cwd: app, encoding: 'utf8' }),
      renderBrief({ snapshotFile: join(REPO, 'snapshots', '2024-01-04.json'), formats: ['md', 'html'], outDir: fromSources }),
    ]);
    const result = JSON.parse(out) as { date: string; files: string[] };
    expect(result.date).toBe('2024-01-04');
    const charts = ['basis', 'etf-volume', 'funding', 'liquidations', 'price', 'whale-transfers'];
    expect(result.files).toEqual(
      [
        ...['en', 'zh'].flatMap((lang) => charts.map((id) => `out/2024-01-04/charts/${lang}/${id}.svg`)),
        ...['en', 'zh'].flatMap((lang) => ['html', 'json', 'md'].map((ext) => `out/2024-01-04/${lang}.${ext}`)),
      ].sort(),
    );
    // The installed build writes what the checkout's sources write, byte for byte.
    for (const file of ['zh.md', 'en.md', 'zh.html', 'en.html']) {
      const installed = readFileSync(join(app, 'out', '2024-01-04', file), 'utf8');
      expect(installed, file).toBe(readFileSync(join(fromSources, '2024-01-04', file), 'utf8'));
    }
    expect(readFileSync(join(app, 'out', '2024-01-04', 'zh.md'), 'utf8')).toMatch(/^# BTC 跌破 4\.3 万美元/);
    // The installed executable runs the build: there are no sources beside it and no tsx to run them.
    const bin = join(app, 'node_modules', pkg.name, 'bin', 'brief.js');
    expect(execFileSync(process.execPath, [bin, '--version'], { cwd: app, encoding: 'utf8', env: { ...process.env, BRIEF_RUN: '' } })).toBe(
      `${pkg.version}\n`,
    );
  }, 120_000);
});
