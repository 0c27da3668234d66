/**
 * The schema walk behind `brief lint` (lint.ts): one template's AST visited in a scope (the
 * `#each`/`#with` stack, partial context arguments, `../`, `@root`, the fields an `{{#if}}`
 * guards), every path checked against the model schema it is rendered with.
 */
import type { z } from 'zod';
import { HELPER_NAMES } from './helpers.js';
import type { LintIssue } from './lint.js';
import { BriefModelSchema, PLAIN_TEXT_FIELDS } from './model.js';

export type Schema = z.ZodType;

interface Ctx {
  schema: Schema;
  /** Absolute model path of this context, e.g. `sections[].bullets[].funding`. */
  path: string;
}

export interface Scope {
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

export type PartialCall = (name: string, scope: Scope, line: number) => void;

interface Resolved {
  schema: Schema;
  path: string;
}

/** Walks one template's AST in a scope, checking every path against the model schema. */
export class ModelWalker {
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
