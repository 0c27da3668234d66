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
import type { z } from 'zod';
import { InputError } from '../../kernel/errors.js';
import { COMPILE_OPTIONS, DEFAULT_TEMPLATES_DIR, LANGS, lineOfError, readTemplateFiles, type TemplateFile } from './engine.js';
import { HELPER_NAMES } from './helpers.js';
import { lintLayout } from './layout-lint.js';
import { BriefModelSchema, PLAIN_TEXT_FIELDS } from './model.js';
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

type Schema = z.ZodType;

interface Ctx {
  schema: Schema;
  /** Absolute model path of this context, e.g. `sections[].bullets[].funding`. */
  path: string;
}

interface Scope {
  stack: Ctx[];
  /** Absolute paths known to be present here (inside `#if path` or `#with path`). */
  guarded: ReadonlySet<string>;
}

function defOf(schema: Schema): { type: string; [key: string]: unknown } {
  return (schema as unknown as { _zod: { def: { type: string; [key: string]: unknown } } })._zod.def;
}

/** The schema without optional/default/nullable wrappers, and whether any wrapper was optional. */
function unwrap(schema: Schema): { schema: Schema; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable') optional = true;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault') {
      current = def.innerType as Schema;
      continue;
    }
    return { schema: current, optional };
  }
}

function describe(schema: Schema): 'object' | 'array' | 'flag' | 'number' | 'text' {
  const type = defOf(unwrap(schema).schema).type;
  if (type === 'object') return 'object';
  if (type === 'array') return 'array';
  if (type === 'boolean') return 'flag';
  if (type === 'number') return 'number';
  return 'text';
}

function fieldsOf(schema: Schema): Record<string, Schema> | undefined {
  const def = defOf(unwrap(schema).schema);
  return def.type === 'object' ? (def.shape as Record<string, Schema>) : undefined;
}

const LEAF_TEXT: Schema = BriefModelSchema.shape.date;
const LEAF_FLAG: Schema = BriefModelSchema.shape.day.shape.crash;

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

type PartialCall = (name: string, scope: Scope, line: number) => void;

interface Resolved {
  schema: Schema;
  path: string;
}

/** Walks one template's AST in a scope, checking every path against the model schema. */
class ModelWalker {
  constructor(
    private readonly file: string,
    private scope: Scope,
    private readonly issues: LintIssue[],
    private readonly onPartial: PartialCall,
  ) {}

  accept(program: hbs.AST.Program): void {
    for (const statement of program.body) this.statement(statement);
  }

  private issue(node: hbs.AST.Node, message: string): void {
    this.issues.push({ file: this.file, line: node.loc?.start.line ?? 1, message });
  }

  private statement(node: hbs.AST.Statement): void {
    switch (node.type) {
      case 'MustacheStatement':
        this.mustache(node as hbs.AST.MustacheStatement);
        break;
      case 'BlockStatement':
        this.block(node as hbs.AST.BlockStatement);
        break;
      case 'PartialStatement':
        this.partial(node as hbs.AST.PartialStatement);
        break;
      default:
        break; // content, comments; forbidden constructs are reported by template-rules
    }
  }

  private isHelperCall(path: hbs.AST.Expression, params: hbs.AST.Expression[]): boolean {
    return (
      path.type === 'PathExpression' && HELPER_NAMES.includes((path as hbs.AST.PathExpression).original) && (params.length > 0 || true)
    );
  }

  private mustache(node: hbs.AST.MustacheStatement): void {
    if (this.isHelperCall(node.path, node.params)) {
      this.helperCall(node, (node.path as hbs.AST.PathExpression).original, node.params);
      return;
    }
    if (node.path.type !== 'PathExpression') return;
    const resolved = this.resolve(node.path as hbs.AST.PathExpression, node, 'print');
    if (!resolved) return;
    const kind = describe(resolved.schema);
    if (kind === 'object' || kind === 'array')
      this.issue(
        node,
        `{{${(node.path as hbs.AST.PathExpression).original}}} prints ${kind === 'object' ? 'an object' : 'a list'}; print one of its text fields`,
      );
    else if (kind === 'flag')
      this.issue(node, `{{${(node.path as hbs.AST.PathExpression).original}}} prints a flag (true/false); use it in {{#if}}`);
    else if (PLAIN_TEXT_FIELDS.includes(resolved.path))
      this.issue(node, `{{${resolved.path}}} is plain text for the page, not Markdown-escaped; print headline/publication instead`);
  }

  private helperCall(node: hbs.AST.Node, name: string, params: hbs.AST.Expression[]): Schema {
    for (const p of params) this.expression(p, node);
    if (name === 'list') {
      const first = params[0];
      if (params.length !== 1 || !first) this.issue(node, 'list takes one list of text');
      else if (first.type === 'PathExpression') {
        const r = this.resolve(first as hbs.AST.PathExpression, node, 'param');
        if (r && describe(r.schema) !== 'array') this.issue(node, `list expects a list, got ${describe(r.schema)} ${r.path}`);
      }
      return LEAF_TEXT;
    }
    if (name === 'nth' && params.length !== 1) this.issue(node, 'nth takes one index (@index)');
    if (name === 'article' && params.length !== 1) this.issue(node, 'article takes the one figure it precedes');
    if (name === 'eq') {
      if (params.length !== 2) this.issue(node, 'eq takes two arguments');
      return LEAF_FLAG;
    }
    return LEAF_TEXT;
  }

  /** Checks an expression used as a parameter; returns what it resolves to. */
  private expression(expr: hbs.AST.Expression, node: hbs.AST.Node): Resolved | undefined {
    if (expr.type === 'PathExpression') return this.resolve(expr as hbs.AST.PathExpression, node, 'param');
    if (expr.type === 'SubExpression') {
      const sub = expr as hbs.AST.SubExpression;
      const name = sub.path.type === 'PathExpression' ? (sub.path as hbs.AST.PathExpression).original : '';
      return { schema: this.helperCall(sub, name, sub.params), path: `(${name})` };
    }
    return undefined; // literals
  }

  private block(node: hbs.AST.BlockStatement): void {
    const name = node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : '';
    const param = node.params[0];
    const resolved = param ? this.expression(param, node) : undefined;
    const saved = this.scope;
    const withGuard = (extra: string | undefined): Scope => ({
      stack: saved.stack,
      guarded: extra ? new Set([...saved.guarded, extra]) : saved.guarded,
    });
    if (name === 'if' || name === 'unless') {
      if (node.params.length !== 1) this.issue(node, `#${name} takes one argument`);
      const guard = resolved && param?.type === 'PathExpression' ? resolved.path : undefined;
      this.scope = withGuard(name === 'if' ? guard : undefined);
      if (node.program) this.accept(node.program);
      this.scope = withGuard(name === 'unless' ? guard : undefined);
      if (node.inverse) this.accept(node.inverse);
    } else if (name === 'each' || name === 'with') {
      if (node.params.length !== 1 || !resolved) {
        if (node.params.length !== 1) this.issue(node, `#${name} takes one model field`);
      } else {
        const kind = describe(resolved.schema);
        if (name === 'each' && kind !== 'array')
          this.issue(node, `#each ${resolved.path} is ${kind === 'object' ? 'an object' : `a ${kind}`}, not a list`);
        else if (name === 'with' && kind !== 'object') this.issue(node, `#with ${resolved.path} is a ${kind}, not an object`);
        else {
          const inner = unwrap(resolved.schema).schema;
          const element = name === 'each' ? (defOf(inner).element as Schema) : inner;
          const path = name === 'each' ? `${resolved.path}[]` : resolved.path;
          this.scope = { stack: [...saved.stack, { schema: element, path }], guarded: new Set([...saved.guarded, resolved.path, path]) };
          if (node.program) this.accept(node.program);
        }
      }
      this.scope = saved;
      if (node.inverse) this.accept(node.inverse);
    } else {
      this.issue(node, `{{#${name}}} is not a block helper here; use #if, #unless, #each or #with`);
    }
    this.scope = saved;
  }

  private partial(node: hbs.AST.PartialStatement): void {
    if (node.name.type !== 'PathExpression') return; // reported by template-rules
    const name = (node.name as hbs.AST.PathExpression).original;
    if (node.hash?.pairs?.length)
      this.issue(node, `{{> ${name}}} with hash arguments is not supported; pass one model field as its context`);
    let scope = this.scope;
    const arg = node.params[0];
    if (node.params.length > 1) this.issue(node, `{{> ${name}}} takes at most one context argument`);
    if (arg) {
      const resolved = this.expression(arg, node);
      if (!resolved) return;
      if (describe(resolved.schema) !== 'object') {
        this.issue(node, `{{> ${name} ${resolved.path}}}: the context must be an object`);
        return;
      }
      if (unwrap(resolved.schema).optional && !this.scope.guarded.has(resolved.path)) {
        this.issue(node, `{{> ${name} ${resolved.path}}}: ${resolved.path} is optional; call the partial inside {{#if}} or {{#with}}`);
      }
      scope = {
        stack: [...this.scope.stack, { schema: unwrap(resolved.schema).schema, path: resolved.path }],
        guarded: new Set([...this.scope.guarded, resolved.path]),
      };
    }
    this.onPartial(name, scope, node.loc?.start.line ?? 1);
  }

  /** Resolves a path in the current scope; reports missing fields and unguarded optionals. */
  private resolve(path: hbs.AST.PathExpression, node: hbs.AST.Node, mode: 'print' | 'param'): Resolved | undefined {
    const parts = [...path.parts];
    let ctx: Ctx | undefined;
    if (path.data) {
      const head = parts.shift();
      if (head === 'index' || head === 'first' || head === 'last' || head === 'key') {
        if (this.scope.stack.length < 2) this.issue(node, `@${head} is only defined inside {{#each}}`);
        return { schema: head === 'index' || head === 'key' ? LEAF_TEXT : LEAF_FLAG, path: `@${head}` };
      }
      if (head !== 'root') {
        this.issue(node, `@${head ?? ''} is not a data variable the templates have (use @root, @index, @first, @last)`);
        return undefined;
      }
      ctx = this.scope.stack[0];
    } else {
      ctx = this.scope.stack[this.scope.stack.length - 1 - path.depth];
      if (!ctx) {
        this.issue(node, `${path.original} goes above the model root`);
        return undefined;
      }
    }
    let schema: Schema = ctx!.schema;
    let abs = ctx!.path;
    for (const [i, part] of parts.entries()) {
      const fields = fieldsOf(schema);
      if (!fields) {
        this.issue(
          node,
          `${path.original}: ${abs || 'the model'} is ${describe(schema) === 'array' ? 'a list' : 'text'} and has no field "${part}"`,
        );
        return undefined;
      }
      const field = fields[part];
      if (!field || !Object.hasOwn(fields, part)) {
        this.issue(
          node,
          `${path.original}: the brief model has no field "${part}" at ${abs || 'the root'} (fields: ${Object.keys(fields).join(', ')})`,
        );
        return undefined;
      }
      abs = abs ? `${abs}.${part}` : part;
      const last = i === parts.length - 1;
      if (unwrap(field).optional && (mode === 'print' || !last) && !this.scope.guarded.has(abs)) {
        this.issue(node, `${path.original}: ${abs} is optional; guard it with {{#if ${part}}} or {{#with ${part}}}`);
      }
      schema = field;
    }
    return { schema, path: abs };
  }
}
