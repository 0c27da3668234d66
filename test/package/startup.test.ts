/**
 * `brief --help` must start fast (issue 19: ≤ 0.3 s, measured by `npm run bench --only help`):
 * loading the command line pulls in commander and nothing else from node_modules. zod, the
 * schemas, date-fns, Handlebars, vega and puppeteer load when a verb acts (pipeline/cli/lazy.ts
 * and each verb's own dynamic imports). A module hook records what the CLI's modules import.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'brief-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('brief --help start', () => {
  it('loads commander and no other package', () => {
    const hooks = join(work, 'hooks.mjs');
    writeFileSync(
      hooks,
      `export async function resolve(spec, ctx, next) {
  const parent = ctx.parentURL ?? '';
  if (!/^[.\\/]|^node:|^file:/.test(spec) && /^(kernel|pipeline|renderers|sources)\\//.test(parent.slice(${JSON.stringify(pathToFileURL(REPO).href.length)})))
    process.stderr.write('package ' + spec + '\\n');
  return next(spec, ctx);
}
`,
    );
    const register = join(work, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    // From the sources (the build may be absent or stale here); the build compiles the same imports.
    const run = spawnSync(process.execPath, ['--import', register, join(REPO, 'bin', 'brief.js'), '--help'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, BRIEF_RUN: 'sources' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: brief');
    const packages = new Set([...run.stderr.matchAll(/^package (\S+)$/gm)].map((m) => m[1]));
    expect([...packages]).toEqual(['commander']);
  });
});
