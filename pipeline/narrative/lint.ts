/**
 * `brief lint` for templates: every problem with its file and line, without rendering.
 *
 * Besides what loading refuses (syntax errors, unknown helpers, triple-stash, dynamic partials
 * and the other constructs in template-rules.ts), lint walks each language's templates from
 * `brief.hbs` through the partials it calls, tracking the context (`#each`, `#with`, partial
 * context arguments, `../`, `@root`) against the BriefModel schema. It reports:
 * - a field the model does not have, with the fields that exist there;
 * - printing an object, a list or a flag, or a plain-text field (`title`, …) that is not
 *   Markdown-escaped;
 * - printing an optional field, or reading through one, outside an `{{#if}}`/`{{#with}}` that
 *   guards it (strict mode would throw on a day without that data);
 * - a partial that does not exist, or one that is never used;
 * - a digit typed into template text (typed-digits.ts): figures come from the model.
 * The headline's files (`<lang>/headline/`) are walked the same way from their entries (title,
 * description, move) against the headline model (headline.ts).
 */
import Handlebars from 'handlebars';
import { InputError } from '../../kernel/errors.js';
import { COMPILE_OPTIONS, DEFAULT_TEMPLATES_DIR, LANGS, lineOfError, readTemplateFiles, type TemplateFile } from './engine.js';
import { lintLayout } from './layout-lint.js';
import { ModelWalker, type Schema, type Scope } from './lint-walker.js';
import { BriefModelSchema } from './model.js';
import { forbiddenConstructs } from './template-rules.js';
import { typedDigits } from './typed-digits.js';
import { DescriptionModelSchema, HeadlineModelSchema, HeadlineMoveSchema } from './headline.js';
import { HEADLINE_DIR, HEADLINE_PREFIX, isHeadlineFile } from './headline-templates.js';
import { handlebarsMessage } from './parse-message.js';

export interface LintIssue {
  file: string;
  line: number;
  message: string;
}

export async function lintTemplates(dir: string = DEFAULT_TEMPLATES_DIR): Promise<LintIssue[]> {
  const issues: LintIssue[] = [];
  for (const lang of LANGS) {
    let files: TemplateFile[];
    try {
      files = await readTemplateFiles(dir, lang);
    } catch (error) {
      if (error instanceof InputError) {
        issues.push({ file: error.file, line: 1, message: error.message.replace(`${error.file}: `, '') });
        continue;
      }
      throw error;
    }
    issues.push(...lintLanguage(files));
  }
  // The page layout goes into every published page: no script, handlers, refresh or outside URLs.
  issues.push(...(await lintLayout(dir)));
  return dedupe(issues);
}

function dedupe(issues: LintIssue[]): LintIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}:${i.line}:${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One tree of templates: its entries, each with the model it renders, and how its partials are named. */
interface Tree {
  entries: readonly { name: string; schema: Schema }[];
  /** A `{{> name}}` call's key among the tree's files. */
  key(partial: string): string;
  /** Where that partial's file would be, for the message. */
  expected(partial: string): string;
}

const BRIEF_TREE: Tree = {
  entries: [{ name: 'brief', schema: BriefModelSchema }],
  key: (partial) => partial,
  expected: (partial) => `partials/${partial}.hbs`,
};

const HEADLINE_TREE: Tree = {
  entries: [
    { name: `${HEADLINE_PREFIX}title`, schema: HeadlineModelSchema },
    { name: `${HEADLINE_PREFIX}description`, schema: DescriptionModelSchema },
    { name: `${HEADLINE_PREFIX}move`, schema: HeadlineMoveSchema },
  ],
  key: (partial) => `${HEADLINE_PREFIX}${partial}`,
  expected: (partial) => `${HEADLINE_DIR}/${partial}.hbs`,
};

/**
 * Issues of the last few languages linted, by their exact files (path, name and text). Linting is
 * a pure function of the files, and most of a render's template time (every file parsed and
 * precompiled): a process that renders again and again (the preview, rerender's verbs in one
 * process, the test suite) lints an unchanged language once. Any edit is a different key.
 */
const LINTED = new Map<string, readonly LintIssue[]>();
const LINTED_KEPT = 8;

/** Lints one language's files: the brief's (entry `brief` first) and the headline's (headline-templates.ts). */
export function lintLanguage(files: readonly TemplateFile[]): LintIssue[] {
  const key = JSON.stringify(files.map((tf) => [tf.file, tf.name, tf.source]));
  let issues = LINTED.get(key);
  if (!issues) {
    issues = [
      ...lintTree(
        files.filter((tf) => !isHeadlineFile(tf)),
        BRIEF_TREE,
      ),
      ...lintTree(files.filter(isHeadlineFile), HEADLINE_TREE),
    ];
    if (LINTED.size >= LINTED_KEPT) LINTED.delete(LINTED.keys().next().value!);
    LINTED.set(key, issues);
  }
  // Copies: callers may filter or change what they get without touching what is kept.
  return issues.map((issue) => ({ ...issue }));
}

function lintTree(files: readonly TemplateFile[], tree: Tree): LintIssue[] {
  const issues: LintIssue[] = [];
  const asts = new Map<string, { tf: TemplateFile; ast: hbs.AST.Program }>();
  const env = Handlebars.create();
  for (const tf of files) {
    let ast: hbs.AST.Program;
    try {
      ast = env.parse(tf.source);
    } catch (error) {
      issues.push({ file: tf.file, line: lineOfError(error), message: firstLine(error) });
      continue;
    }
    for (const p of forbiddenConstructs(ast)) issues.push({ file: tf.file, ...p });
    for (const d of typedDigits(ast)) issues.push({ file: tf.file, ...d });
    try {
      env.precompile(tf.source, COMPILE_OPTIONS);
    } catch (error) {
      issues.push({ file: tf.file, line: lineOfError(error), message: firstLine(error) });
    }
    asts.set(tf.name, { tf, ast });
  }
  const entries = tree.entries.filter((e) => asts.has(e.name));
  if (entries.length === 0) return issues;

  const used = new Set<string>(entries.map((e) => e.name));
  const visited = new Set<string>();
  const walk = (name: string, scope: Scope): void => {
    const target = asts.get(name);
    if (!target) return;
    const key = `${name}|${scope.stack.map((c) => c.path).join('>')}|${[...scope.guarded].sort().join(',')}`;
    if (visited.has(key)) return;
    visited.add(key);
    new ModelWalker(target.tf.file, scope, issues, (partial, partialScope, line) => {
      if (!asts.has(tree.key(partial))) {
        issues.push({ file: target.tf.file, line, message: `partial "${partial}" does not exist (expected ${tree.expected(partial)})` });
        return;
      }
      used.add(tree.key(partial));
      walk(tree.key(partial), partialScope);
    }).accept(target.ast);
  };
  for (const { name, schema } of entries) walk(name, { stack: [{ schema, path: '' }], guarded: new Set() });

  for (const [name, { tf }] of asts) {
    if (!used.has(name)) issues.push({ file: tf.file, line: 1, message: `partial "${name.replace(HEADLINE_PREFIX, '')}" is never used` });
  }
  return issues;
}

/** The whole message: a parse error keeps what was expected and the excerpt with its caret. */
function firstLine(error: unknown): string {
  return handlebarsMessage(error);
}
