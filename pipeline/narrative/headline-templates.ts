/**
 * The headline's templates, templates/<lang>/headline/: the words of the page title and of the
 * one-sentence description, rendered from the headline model (headline.ts).
 *
 *   title.hbs        the title: the page's <title>, feeds, the PDF header and the brief's heading
 *   description.hbs  one sentence for feeds and meta (it may also use `titleGivesTotal`)
 *   move.hbs         one asset on a multi-asset day ("BTC 跌 5.2%"); the locale lists them as `moves`
 *   any other .hbs   a partial of these, called by its file name: {{> event}}
 *
 * The brief's template rules hold (strict, known helpers only, the constructs template-rules.ts
 * refuses, no typed digits under `brief lint`). The text is plain: nothing is escaped here, and
 * each output escapes the title for itself (compose for Markdown, the page and the site for HTML).
 * A line break and the indentation after it are not printed, so a title can be written over
 * several lines with one condition per line; a space the words need goes inside a line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { InputError, RenderError } from '../../kernel/errors.js';
import { formatList, LOCALES } from '../../kernel/locale/index.js';
import type { Lang } from '../../kernel/lang.js';
import { packagePath } from '../../kernel/package-root.js';
import { COMPILE_OPTIONS, lineOfError } from './compile-options.js';
import type { TemplateFile } from './engine.js';
import type { DescriptionModel, Headline, HeadlineFacts, HeadlineModel, HeadlineMove, HeadlineTemplates } from './headline.js';
import { HELPERS } from './helpers.js';
import { handlebarsMessage } from './parse-message.js';
import { forbiddenConstructs } from './template-rules.js';
import { spaceChinese } from './script-spacing.js';

/** The folder under each language's templates. */
export const HEADLINE_DIR = 'headline';
/** The files compose renders; every other file of the folder is a partial of theirs. */
export const HEADLINE_ENTRIES = ['title', 'description', 'move'] as const;
/** Names of the headline files among a language's TemplateFiles: `headline:title` (never a partial name of the brief's). */
export const HEADLINE_PREFIX = 'headline:';

const NAME = /^[a-z0-9][a-z0-9_-]*$/;

export function isHeadlineFile(tf: Pick<TemplateFile, 'name'>): boolean {
  return tf.name.startsWith(HEADLINE_PREFIX);
}

/** The file's name inside the headline folder: `event` for `headline:event`. */
export function headlineName(tf: Pick<TemplateFile, 'name'>): string {
  return tf.name.slice(HEADLINE_PREFIX.length);
}

/** Reads `<dir>/<lang>/headline/*.hbs` (a handful of small files, read synchronously so compose can default to the bundled ones). */
export function readHeadlineFiles(dir: string, lang: Lang): TemplateFile[] {
  const root = join(dir, lang, HEADLINE_DIR);
  let names: string[];
  try {
    names = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
      .map((e) => e.name.replace(/\.hbs$/, ''))
      .sort();
  } catch {
    names = [];
  }
  for (const entry of HEADLINE_ENTRIES) {
    if (!names.includes(entry)) {
      throw new InputError(
        join(root, `${entry}.hbs`),
        `missing headline template (expected ${lang}/${HEADLINE_DIR}/${entry}.hbs under ${dir})`,
      );
    }
  }
  return names.map((name) => {
    const file = join(root, `${name}.hbs`);
    // Names become keys of Handlebars' partial table: plain names only, never an object's prototype.
    if (!NAME.test(name) || name === 'constructor' || name === 'prototype') {
      throw new InputError(file, `headline template name '${name}' is not allowed: use lower-case letters, digits, '-' and '_'`);
    }
    return { file, name: `${HEADLINE_PREFIX}${name}`, source: readFileSync(file, 'utf8') };
  });
}

/**
 * Parses without Handlebars' own whitespace pass and drops every line break with the
 * indentation around it, and a line's leading indentation; `~` and standalone tags still work
 * (compiling applies Handlebars' pass to what is left).
 */
function parsePlainText(env: typeof Handlebars, tf: TemplateFile): hbs.AST.Program {
  let ast: hbs.AST.Program;
  try {
    ast = env.parseWithoutProcessing(tf.source);
  } catch (error) {
    throw new InputError(tf.file, `line ${lineOfError(error)}: ${handlebarsMessage(error).split('\n')[0]}`);
  }
  class OneLine extends Handlebars.Visitor {
    override ContentStatement(node: hbs.AST.ContentStatement): void {
      let value = node.value.replace(/[ \t]*\r?\n[ \t]*/g, '');
      if (node.loc.start.column === 0) value = value.replace(/^[ \t]+/, '');
      node.value = value;
    }
  }
  new OneLine().accept(ast);
  return ast;
}

function compileFile(env: typeof Handlebars, tf: TemplateFile): HandlebarsTemplateDelegate {
  const problems = forbiddenConstructs(parsePlainText(env, tf));
  if (problems.length > 0) {
    throw new InputError(
      tf.file,
      'uses constructs the brief templates do not allow',
      problems.map((p) => `line ${p.line}: ${p.message}`),
    );
  }
  try {
    // Precompiling checks helpers now (knownHelpersOnly) instead of at the first render.
    env.precompile(parsePlainText(env, tf), COMPILE_OPTIONS);
  } catch (error) {
    throw new InputError(tf.file, `line ${lineOfError(error)}: ${handlebarsMessage(error).split('\n')[0]}`);
  }
  return env.compile(parsePlainText(env, tf), COMPILE_OPTIONS);
}

/** Compiles one language's headline files (readHeadlineFiles); an error names the file and line. */
export function compileHeadline(lang: Lang, files: readonly TemplateFile[]): HeadlineTemplates {
  const env = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const tf of files) {
    const template = compileFile(env, tf);
    compiled.set(headlineName(tf), template);
    env.registerPartial(headlineName(tf), template);
  }
  for (const entry of HEADLINE_ENTRIES) {
    if (!compiled.has(entry)) throw new InputError(lang, `no ${HEADLINE_DIR}/${entry}.hbs template`);
  }
  const run = (name: (typeof HEADLINE_ENTRIES)[number], context: HeadlineMove | HeadlineModel | DescriptionModel): string => {
    let out: string;
    try {
      out = compiled.get(name)!(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (error) {
      throw new RenderError(
        `${lang} ${HEADLINE_DIR}/${name}.hbs: ${handlebarsMessage(error).split('\n')[0]} (line ${lineOfError(error)})`,
        {
          cause: error,
        },
      );
    }
    // The title and description are required text (model.ts): an empty one is a template's fault.
    if (name !== 'move' && out.trim() === '') throw new RenderError(`${lang} ${HEADLINE_DIR}/${name}.hbs printed nothing`);
    // Spaced like the brief's text, so the page title and the PDF header print a figure as the heading does.
    return LOCALES[lang].spaceBetweenScripts ? spaceChinese(out) : out;
  };
  return {
    render(facts: HeadlineFacts): Headline {
      if (facts.lang !== lang) throw new RenderError(`a ${facts.lang} headline given to the ${lang} headline templates`);
      const model: HeadlineModel = {
        ...facts,
        moves: formatList(
          facts.assets.map((a) => run('move', a)),
          lang,
        ),
      };
      const title = run('title', model);
      // The description does not repeat a figure the title already gives (it is read beside it).
      const titleGivesTotal = facts.liquidations !== undefined && title.includes(facts.liquidations.total);
      return { title, description: run('description', { ...model, titleGivesTotal }) };
    },
  };
}

const BUNDLED = new Map<Lang, HeadlineTemplates>();

/** The package's own headline templates, compiled once: for a compose that is given none (tests, the library API). */
export function bundledHeadline(lang: Lang): HeadlineTemplates {
  let templates = BUNDLED.get(lang);
  if (!templates) {
    templates = compileHeadline(lang, readHeadlineFiles(packagePath('templates'), lang));
    BUNDLED.set(lang, templates);
  }
  return templates;
}
