/**
 * The Handlebars engine for the brief templates.
 *
 * Layout: `<dir>/zh/brief.hbs` and `<dir>/en/brief.hbs` are the entry templates; every other
 * `.hbs` under `<dir>/<lang>/partials/` is a partial named by its path without the extension
 * (`partials/bullets/funding.hbs` → `{{> bullets/funding}}`). `<dir>/<lang>/headline/` holds the
 * title and description, plain text compiled apart (headline-templates.ts).
 *
 * Safety: each language gets an isolated Handlebars environment; templates compile with
 * `strict` (a missing field throws), `knownHelpersOnly` (only helpers.ts and the built-ins),
 * and `noEscape` (the output is Markdown: the model's strings are already Markdown-escaped,
 * see markdown-escape.ts and model.ts). Triple-stash, dynamic partials, partial blocks, inline
 * partials and decorators are refused when templates load. Templates come from the repository,
 * never from data; data is only ever the context of a compiled template.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import { InputError, RenderError } from '../../kernel/errors.js';
import { LOCALES } from '../../kernel/locale/index.js';
import { COMPILE_OPTIONS, lineOfError } from './compile-options.js';
import { HELPERS } from './helpers.js';
import type { HeadlineTemplates } from './headline.js';
import { bundledHeadline, compileHeadline, isHeadlineFile, readHeadlineFiles } from './headline-templates.js';
import type { BriefModel } from './model.js';
import { forbiddenConstructs } from './template-rules.js';
import { spaceChinese } from './script-spacing.js';

import { LANGS } from '../../kernel/lang.js';
import { packagePath } from '../../kernel/package-root.js';

export { LANGS };
export type TemplateLang = (typeof LANGS)[number];

/** The package's templates folder (from the sources or the build alike). */
export const DEFAULT_TEMPLATES_DIR = packagePath('templates');

export { COMPILE_OPTIONS, lineOfError };

export interface TemplateFile {
  /** Absolute path. */
  file: string;
  /** `brief` for the entry, `headline:<name>` for the headline's files (headline-templates.ts), else the partial name (`bullets/funding`). */
  name: string;
  source: string;
}

export interface CompiledLanguage {
  lang: TemplateLang;
  files: TemplateFile[];
  render(model: BriefModel): string;
  /** The title and description, from `<lang>/headline/` (compose renders them: the page needs the title first). */
  headline: HeadlineTemplates;
}

export interface TemplateSet {
  dir: string;
  zh: CompiledLanguage;
  en: CompiledLanguage;
}

async function listHbs(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Reads one language's template files (entry first). */
export async function readTemplateFiles(dir: string, lang: TemplateLang): Promise<TemplateFile[]> {
  const root = join(dir, lang);
  const entry = join(root, 'brief.hbs');
  let entrySource: string;
  try {
    entrySource = await readFile(entry, 'utf8');
  } catch {
    throw new InputError(entry, `missing entry template (expected ${lang}/brief.hbs under ${dir})`);
  }
  const partialsDir = join(root, 'partials');
  const partialFiles = await listHbs(partialsDir);
  const names = partialFiles.map((file) => {
    const name = relative(partialsDir, file)
      .split(sep)
      .join('/')
      .replace(/\.hbs$/, '');
    // Partial names become keys of Handlebars' partial table: plain path-like names only, so a
    // file such as `__proto__.hbs` or `constructor.hbs` cannot reach an object's prototype.
    if (!PARTIAL_NAME.test(name) || /(^|\/)(__proto__|constructor|prototype)(\/|$)/.test(name)) {
      throw new InputError(file, `partial name '${name}' is not allowed: use lower-case letters, digits, '-', '_' and '/'`);
    }
    return name;
  });
  // Read together (the preview reads them on every save); the order stays the sorted listing's.
  const sources = await Promise.all(partialFiles.map((file) => readFile(file, 'utf8')));
  return [
    { file: entry, name: 'brief', source: entrySource },
    ...readHeadlineFiles(dir, lang),
    // A partial's final newline is the file's, not the text's: partials are used inline.
    ...partialFiles.map((file, i) => ({ file, name: names[i]!, source: sources[i]!.replace(/\r?\n$/, '') })),
  ];
}

const PARTIAL_NAME = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/ - \d+:\d+$/, '');
}

type HandlebarsEnv = ReturnType<typeof Handlebars.create>;

/** What a compiled language keeps so that a later compile can update it in place (the preview). */
const UPDATABLE = new WeakMap<CompiledLanguage, { env: HandlebarsEnv; entry: HandlebarsTemplateDelegate }>();

/** Parses, checks and compiles one file; throws an InputError naming the file and line. */
function compileFile(env: HandlebarsEnv, tf: TemplateFile): HandlebarsTemplateDelegate {
  let ast: hbs.AST.Program;
  try {
    ast = env.parse(tf.source);
  } catch (error) {
    throw new InputError(tf.file, `line ${lineOfError(error)}: ${firstLine(error)}`);
  }
  const problems = forbiddenConstructs(ast);
  if (problems.length > 0) {
    throw new InputError(
      tf.file,
      'uses constructs the brief templates do not allow',
      problems.map((p) => `line ${p.line}: ${p.message}`),
    );
  }
  try {
    // Precompiling checks helpers now (knownHelpersOnly) instead of at the first render.
    env.precompile(tf.source, COMPILE_OPTIONS);
  } catch (error) {
    throw new InputError(tf.file, `line ${lineOfError(error)}: ${firstLine(error)}`);
  }
  return env.compile(tf.source, COMPILE_OPTIONS);
}

/**
 * Compiles one language eagerly: every file is parsed, checked and precompiled now.
 *
 * With `previous` (the same language compiled before), only the files that changed are
 * compiled, and the partials are swapped in `previous`'s Handlebars environment: an edit of
 * one partial costs that partial, not the whole tree (the preview's loop). Every changed file
 * is checked before anything is swapped, so a failed compile leaves `previous` as it was; a
 * successful one takes its environment over, and `previous` must not be used afterwards.
 */
export function compileLanguage(lang: TemplateLang, files: TemplateFile[], previous?: CompiledLanguage): CompiledLanguage {
  // The headline's few files compile afresh in their own environment (they are plain text, and
  // not partials of the brief); first, so that a failure leaves `previous` as it was. A list
  // without them (made by hand; readTemplateFiles always reads them) takes the package's.
  const headlineFiles = files.filter(isHeadlineFile);
  const headline = headlineFiles.length > 0 ? compileHeadline(lang, headlineFiles) : bundledHeadline(lang);
  const briefFiles = files.filter((tf) => !isHeadlineFile(tf));
  const reused = previous?.lang === lang ? UPDATABLE.get(previous) : undefined;
  const env = reused?.env ?? Handlebars.create();
  if (!reused) for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);
  const before = new Map(reused ? previous!.files.filter((tf) => !isHeadlineFile(tf)).map((tf) => [tf.name, tf]) : []);
  const changed = briefFiles.filter((tf) => before.get(tf.name)?.source !== tf.source || before.get(tf.name)?.file !== tf.file);
  // Everything is compiled and checked before the environment is touched.
  const compiledFiles = changed.map((tf) => [tf, compileFile(env, tf)] as const);
  const entry =
    compiledFiles.find(([tf]) => tf.name === 'brief')?.[1] ?? (briefFiles.some((tf) => tf.name === 'brief') ? reused?.entry : undefined);
  if (!entry) throw new InputError(lang, 'no brief.hbs entry template');
  const names = new Set(briefFiles.map((tf) => tf.name));
  for (const name of before.keys()) if (name !== 'brief' && !names.has(name)) env.unregisterPartial(name);
  for (const [tf, template] of compiledFiles) if (tf.name !== 'brief') env.registerPartial(tf.name, template);
  const compiled = entry;
  const language: CompiledLanguage = {
    lang,
    files,
    headline,
    render(model: BriefModel): string {
      if (model.lang !== lang) throw new RenderError(`a ${model.lang} model given to the ${lang} templates`);
      let out: string;
      try {
        out = compiled(model, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        throw new RenderError(`${lang} templates: ${firstLine(error)} (line ${lineOfError(error)})`, { cause: error });
      }
      return tidyMarkdown(LOCALES[lang].spaceBetweenScripts ? spaceChinese(out) : out);
    },
  };
  if (previous) UPDATABLE.delete(previous);
  UPDATABLE.set(language, { env, entry: compiled });
  return language;
}

/**
 * Whitespace only: trailing spaces removed, every "● " bullet, chart image and heading starts
 * its own block, runs of blank lines collapsed to one, one final newline. Templates can then
 * keep conditionals on their own lines.
 */
export function tidyMarkdown(text: string): string {
  return `${text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n(?=● |!\[|#{1,6} )/g, '\n\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * Sets compiled for the last few template trees, by their exact files (path, name and text).
 * A process that renders one call at a time (`brief` verbs run in-process, the test suite)
 * then compiles an unchanged tree once, and Handlebars compiles each partial on its first use
 * once, instead of on every call (≈ 0.35 s of a 1 s render). A set given out here is shared, so
 * it is never updated in place: it is not in UPDATABLE, and compileLanguage given one of its
 * languages as `previous` compiles afresh.
 */
const LOADED = new Map<string, TemplateSet>();
const LOADED_KEPT = 4;

/** Compiles `dir/zh` and `dir/en` once; an error names the template file and line. */
export async function loadTemplates(dir: string = DEFAULT_TEMPLATES_DIR): Promise<TemplateSet> {
  const [zhFiles, enFiles] = await Promise.all([readTemplateFiles(dir, 'zh'), readTemplateFiles(dir, 'en')]);
  const key = JSON.stringify([dir, zhFiles, enFiles]);
  const loaded = LOADED.get(key);
  if (loaded) return loaded;
  const set: TemplateSet = { dir, zh: compileLanguage('zh', zhFiles), en: compileLanguage('en', enFiles) };
  UPDATABLE.delete(set.zh);
  UPDATABLE.delete(set.en);
  if (LOADED.size >= LOADED_KEPT) LOADED.delete(LOADED.keys().next().value!);
  LOADED.set(key, set);
  return set;
}

export function renderBriefMarkdown(model: BriefModel, templates: TemplateSet): string {
  return templates[model.lang].render(model);
}
