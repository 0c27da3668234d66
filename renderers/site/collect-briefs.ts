/**
 * Finds the rendered briefs under a directory: `<date>/<lang>.json` manifests with the files
 * they name. Only names matching a strict date pattern are read (no traversal through odd
 * directory names), symlinks are not followed, and an invalid manifest is an error naming it.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, formatZodIssues } from '../../kernel/errors.js';
import { parseStrictJson } from '../../kernel/json.js';
import { BriefMetaSchema, type BriefMeta } from './brief-meta.js';

const DATE_DIR = /^\d{4}-\d{2}-\d{2}$/;
const LANG_META = /^(zh|en)\.json$/;

export interface RenderedBriefFiles {
  meta: BriefMeta;
  /** Absolute paths of the files to publish, keyed by their path relative to the date folder. */
  files: Map<string, string>;
}

export async function collectBriefs(fromDir: string): Promise<RenderedBriefFiles[]> {
  let days: string[];
  try {
    days = (await readdir(fromDir)).filter((name) => DATE_DIR.test(name)).sort();
  } catch (error) {
    throw new InputError(fromDir, `cannot read rendered briefs (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const out: RenderedBriefFiles[] = [];
  for (const day of days) {
    const dayDir = join(fromDir, day);
    if (!(await lstat(dayDir)).isDirectory()) continue;
    for (const name of (await readdir(dayDir)).filter((n) => LANG_META.test(n)).sort()) {
      const file = join(dayDir, name);
      const parsed = BriefMetaSchema.safeParse(parseStrictJson(await readFile(file, 'utf8'), file));
      if (!parsed.success) throw new InputError(file, 'is not a brief manifest', formatZodIssues(parsed.error.issues));
      const meta = parsed.data;
      if (meta.date !== day) throw new InputError(file, `date ${meta.date} does not match its folder ${day}`);
      const files = new Map<string, string>();
      for (const format of meta.formats) files.set(`${meta.lang}.${format}`, join(dayDir, `${meta.lang}.${format}`));
      if (meta.formats.includes('md') && meta.charts.length > 0) {
        // The chart folders must be real folders: a link there would publish files from outside.
        for (const folder of [join(dayDir, 'charts'), join(dayDir, 'charts', meta.lang)]) {
          if (!(await lstat(folder).catch(() => undefined))?.isDirectory()) {
            throw new InputError(file, `its charts folder ${folder} is missing or not a real folder`);
          }
        }
        for (const chart of meta.charts) files.set(`charts/${meta.lang}/${chart}.svg`, join(dayDir, 'charts', meta.lang, `${chart}.svg`));
      }
      for (const [relative, absolute] of files) {
        const stat = await lstat(absolute).catch(() => undefined);
        if (!stat?.isFile()) throw new InputError(file, `names ${relative}, which is missing or not a regular file`);
      }
      out.push({ meta, files });
    }
  }
  return out;
}
