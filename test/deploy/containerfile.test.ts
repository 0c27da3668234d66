/**
 * The image installs what it needs with .ci/setup, the script CI runs (.ci/run), so every CI
 * run exercises the image's install steps; and the build context keeps what the tool needs.
 * (No container engine runs in CI or on our machines, so the image itself is not built here.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, execForm, readContainerfile } from './service-files.js';

const instructions = readContainerfile();
const index = (predicate: (i: [string, string]) => boolean): number => instructions.findIndex(predicate);

describe('deploy/Containerfile', () => {
  it('starts from Node 20 on Debian bookworm, which .ci/setup (apt-get) and package.json (node >= 20.19) need', () => {
    expect(instructions[0]).toEqual(['FROM', 'docker.io/library/node:20-bookworm-slim']);
    const engines = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=20.19');
  });

  it('runs .ci/setup — the one install of Chromium, fonts and npm packages — after copying what it reads', () => {
    const runs = instructions.filter(([i]) => i === 'RUN').map(([, args]) => args);
    const setup = runs.filter((args) => /(^|&&\s*)bash \.ci\/setup(\s|$)/.test(args));
    expect(setup).toHaveLength(1);
    // No RUN installs the browser, the fonts or the packages any other way.
    for (const args of runs) if (args !== setup[0]) expect(args).not.toMatch(/chromium|fonts-|poppler|npm (ci|install)/);
    const runAt = index(([i, args]) => i === 'RUN' && args === setup[0]);
    const workdir = index(([i, args]) => i === 'WORKDIR' && args === '/opt/brief');
    const copiedManifests = index(([i, args]) => i === 'COPY' && args === 'package.json package-lock.json ./');
    const copiedSetup = index(([i, args]) => i === 'COPY' && args === '.ci/setup .ci/setup');
    const copiedAll = index(([i, args]) => i === 'COPY' && args === '. .');
    expect(workdir).toBeGreaterThan(0);
    expect([copiedManifests, copiedSetup].every((at) => at > workdir && at < runAt)).toBe(true);
    // The rest of the tree comes after, so a code change does not reinstall the dependencies.
    expect(copiedAll).toBeGreaterThan(runAt);
    // As root (the image builds as root) .ci/setup calls apt-get without sudo, which the image lacks.
    expect(readFileSync(join(REPO, '.ci', 'setup'), 'utf8')).toContain('[ "$(id -u)" -ne 0 ] && sudo="sudo"');
  });

  it('is the same script CI runs', () => {
    const ciRun = readFileSync(join(REPO, '.ci', 'run'), 'utf8').split('\n');
    expect(ciRun).toContain('bash .ci/setup');
  });

  it('runs `brief` unprivileged with a health check, collecting by default', () => {
    expect(instructions.filter(([i]) => i === 'USER').map(([, user]) => user)).toEqual(['node']);
    expect(execForm(instructions, 'ENTRYPOINT')).toEqual(['brief']);
    expect(execForm(instructions, 'CMD')).toEqual(['collect', '--collected', '/data/collected']);
    expect(instructions.some(([i, args]) => i === 'RUN' && args.includes('ln -s /opt/brief/bin/brief.js /usr/local/bin/brief'))).toBe(true);
    const health = instructions.find(([i]) => i === 'HEALTHCHECK')![1];
    expect(health).toMatch(
      /^--interval=60s --timeout=20s --start-period=60s --retries=3 CMD \["brief", "collect", "--health", "--collected", "\/data\/collected"\]$/,
    );
  });
});

describe('.dockerignore', () => {
  const ignored = readFileSync(join(REPO, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  it('keeps the host node_modules and .git out (the image installs its own; COPY . . must not overwrite them)', () => {
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.git', 'collected', 'out', 'site']));
  });

  it('keeps everything the tool runs from', () => {
    const needed = [
      'bin',
      'pipeline',
      'sources',
      'renderers',
      'templates',
      'deploy',
      'package.json',
      'package-lock.json',
      '.ci',
      'tsconfig.json',
    ];
    for (const pattern of ignored)
      for (const path of needed) expect(path === pattern || path.startsWith(`${pattern}/`), `${pattern} hides ${path}`).toBe(false);
  });
});
