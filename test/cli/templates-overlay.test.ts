/** brief init, and --templates falling back to the built-in files for any the folder lacks. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree, overlayTemplates, withOverlayScope } from '../../pipeline/cli/templates-overlay.js';
import { REPO, runCli } from '../support/run-cli.js';

const BUILTIN = join(REPO, 'templates');
const FOOTER = readFileSync(join(BUILTIN, 'en/partials/footer.hbs'), 'utf8');

describe('templates fallback', () => {
  it('a folder with one changed partial is overlaid on the built-in tree; messages name the real files', async () => {
    const mine = mkdtempSync(join(tmpdir(), 'brief-mine-'));
    mkdirSync(join(mine, 'en/partials'), { recursive: true });
    writeFileSync(join(mine, 'en/partials/footer.hbs'), `${FOOTER}Our desk footer.\n`);
    // As one command does: the overlay lives for the command (withOverlayScope) and is removed after it.
    const overlay = await withOverlayScope(async () => {
      const choice = await overlayTemplates(mine, BUILTIN);
      const all = await listTree(BUILTIN);
      expect(choice.fallback).toEqual(all.filter((f) => f !== 'en/partials/footer.hbs'));
      expect(readFileSync(join(choice.dir, 'en/partials/footer.hbs'), 'utf8')).toContain('Our desk footer.');
      expect(readFileSync(join(choice.dir, 'zh/brief.hbs'), 'utf8')).toBe(readFileSync(join(BUILTIN, 'zh/brief.hbs'), 'utf8'));
      expect(choice.rewrite(`${choice.dir}/en/partials/footer.hbs:3: x; ${choice.dir}/zh/brief.hbs:1: y; in ${choice.dir}`)).toBe(
        `${mine}/en/partials/footer.hbs:3: x; ${BUILTIN}/zh/brief.hbs:1: y; in ${mine}`,
      );
      // A complete folder is used as it is.
      expect((await overlayTemplates(BUILTIN, BUILTIN)).dir).toBe(BUILTIN);
      return choice.dir;
    });
    expect(existsSync(overlay)).toBe(false);
  });

  it('render uses the team’s partial and the built-in rest; lint names the team’s file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'brief-overlay-cli-'));
    const mine = join(root, 'mine');
    mkdirSync(join(mine, 'en/partials'), { recursive: true });
    writeFileSync(join(mine, 'en/partials/footer.hbs'), `${FOOTER}Our desk footer.\n`);
    const run = await runCli([
      'render',
      'snapshots/2024-01-04.json',
      '--templates',
      mine,
      '--lang',
      'en',
      '--format',
      'md',
      '--out',
      join(root, 'out'),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(root, 'out/2024-01-04/en.md'), 'utf8')).toContain('Our desk footer.');
    writeFileSync(join(mine, 'en/partials/footer.hbs'), `${FOOTER}{{nope}}\n`);
    const lint = await runCli(['lint', '--templates', mine]);
    expect(lint.code).toBe(2);
    const line = FOOTER.split('\n').length;
    expect(lint.stderr).toContain(`${join(mine, 'en/partials/footer.hbs')}:${line}: nope: the brief model has no field "nope" at the root`);
    expect(lint.stderr).not.toContain('brief-templates-');
  }, 120_000);
});

describe('brief init', () => {
  it('copies the built-in templates, and refuses a folder that is not empty', async () => {
    const root = mkdtempSync(join(tmpdir(), 'brief-init-'));
    const run = await runCli(['init', 'tpl'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const files = await listTree(join(root, 'tpl'));
    expect(files).toEqual(await listTree(BUILTIN));
    expect(run.stdout.split('\n')[0]).toBe(`copied ${files.length} template files to ${join(root, 'tpl')}`);
    const again = await runCli(['init', 'tpl'], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`brief: ${join(root, 'tpl')} already exists and is not empty; choose another folder (nothing was copied)\n`);
    expect(readdirSync(join(root, 'tpl')).sort()).toEqual(['en', 'layout', 'zh']);
    expect(existsSync(join(root, 'tpl/layout/page.hbs'))).toBe(true);
  }, 60_000);
});
