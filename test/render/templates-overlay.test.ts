/**
 * A template folder holding only the files a team changed: the built-in tree fills in the rest,
 * for the library API as for the command line (pipeline/render/templates-overlay.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BriefError, renderBrief } from '../../pipeline/api.js';
import { listTree, overlayTemplates } from '../../pipeline/render/templates-overlay.js';
import { BUNDLED_SNAPSHOT, TEMPLATES } from '../support/render-bundled.js';

const FOOTER = 'zh/partials/footer.hbs';
const footer = readFileSync(join(TEMPLATES, FOOTER), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'brief-overlay-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A team folder with one file: the zh footer plus `extra`. */
function teamFolder(name: string, extra: string): string {
  const mine = join(work, name);
  mkdirSync(join(mine, 'zh/partials'), { recursive: true });
  writeFileSync(join(mine, FOOTER), `${footer}${extra}`);
  return mine;
}

describe('overlayTemplates', () => {
  it('fills in every built-in file the folder lacks, maps messages back to the real files, and is removed on dispose', async () => {
    const mine = teamFolder('unit', '\n本台附注。\n');
    const overlay = await overlayTemplates(mine, TEMPLATES);
    expect(overlay.fallback).toEqual((await listTree(TEMPLATES)).filter((f) => f !== FOOTER));
    expect(readFileSync(join(overlay.dir, FOOTER), 'utf8')).toContain('本台附注。');
    expect(readFileSync(join(overlay.dir, 'en/brief.hbs'), 'utf8')).toBe(readFileSync(join(TEMPLATES, 'en/brief.hbs'), 'utf8'));
    expect(overlay.rewrite(`${overlay.dir}/${FOOTER}:3: x; ${overlay.dir}/en/brief.hbs:1: y`)).toBe(
      `${mine}/${FOOTER}:3: x; ${TEMPLATES}/en/brief.hbs:1: y`,
    );
    overlay.dispose();
    expect(existsSync(overlay.dir)).toBe(false);
    // A complete folder is used as it is, and disposing of it removes nothing.
    const complete = await overlayTemplates(TEMPLATES, TEMPLATES);
    expect(complete.dir).toBe(TEMPLATES);
    complete.dispose();
    expect(existsSync(join(TEMPLATES, FOOTER))).toBe(true);
  });

  it('refuses a folder that does not exist, as a usage error', async () => {
    const error = await overlayTemplates(join(work, 'absent'), TEMPLATES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefError);
    expect((error as BriefError).exitCode).toBe(2);
    expect((error as Error).message).toBe(`templatesDir ${join(work, 'absent')}: no such folder`);
  });
});

describe('renderBrief with a templates folder holding one changed file', () => {
  it('renders the team’s footer and the built-in rest', async () => {
    const mine = teamFolder('api', '\n本台附注：以上内容仅供内部讨论。\n');
    const outDir = join(work, 'out');
    const result = await renderBrief({ snapshotFile: BUNDLED_SNAPSHOT, langs: ['zh'], formats: ['md'], outDir, templatesDir: mine });
    expect(result.files).toContain(join(outDir, '2024-01-04', 'zh.md'));
    const md = readFileSync(join(outDir, '2024-01-04', 'zh.md'), 'utf8');
    expect(md).toContain('本台附注：以上内容仅供内部讨论。');
    // The lead comes from the built-in partials (the day's low at 06:00 UTC+8).
    expect(md).toContain('41,706.4 美元');
    // The team's folder is left as it was: nothing copied into it.
    expect(await listTree(mine)).toEqual([FOOTER]);
  }, 120_000);

  it('an error in the team’s file names that file, not a temporary copy', async () => {
    const mine = teamFolder('broken', '\n{{#if}}\n');
    const error = await renderBrief({
      snapshotFile: BUNDLED_SNAPSHOT,
      langs: ['zh'],
      formats: ['md'],
      outDir: join(work, 'broken-out'),
      templatesDir: mine,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefError);
    expect((error as Error).message).toContain(join(mine, FOOTER));
    expect((error as Error).message).not.toContain('brief-templates-');
  }, 120_000);
});
