/**
 * Constructs the brief templates may not use, found by walking a template's AST:
 * triple-stash or `{{& }}` (unescaped output is reserved for nothing: the model is already
 * Markdown-safe and the engine prints with noEscape, so `{{{ }}}` would only hide intent),
 * dynamic partials (`{{> (expr)}}`), partial blocks and `@partial-block`, inline partials and
 * decorators, block parameters, and the `lookup`/`log` built-ins (lookups on arbitrary keys).
 */
import Handlebars from 'handlebars';

export interface RuleProblem {
  line: number;
  message: string;
}

const FORBIDDEN_HELPERS = new Set(['lookup', 'log', 'helperMissing', 'blockHelperMissing']);

export function forbiddenConstructs(ast: hbs.AST.Program): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (node: hbs.AST.Node, message: string): void => {
    problems.push({ line: node.loc?.start.line ?? 1, message });
  };

  class RulesVisitor extends Handlebars.Visitor {
    override MustacheStatement(node: hbs.AST.MustacheStatement): void {
      if (!node.escaped) add(node, 'triple-stash {{{ }}} (or {{& }}) is not allowed; print model fields with {{ }}');
      checkHelperName(node.path);
      super.MustacheStatement(node);
    }
    override BlockStatement(node: hbs.AST.BlockStatement): void {
      checkHelperName(node.path);
      if (node.program?.blockParams?.length) add(node, 'block parameters (as |x|) are not allowed; use this inside the block');
      super.BlockStatement(node);
    }
    override SubExpression(node: hbs.AST.SubExpression): void {
      checkHelperName(node.path);
      super.SubExpression(node);
    }
    override PartialStatement(node: hbs.AST.PartialStatement): void {
      if (node.name.type !== 'PathExpression') add(node, 'dynamic partials ({{> (expr)}}) are not allowed; name the partial');
      else if ((node.name as hbs.AST.PathExpression).data) add(node, 'partials named by a data variable are not allowed');
      super.PartialStatement(node);
    }
    override PartialBlockStatement(node: hbs.AST.PartialBlockStatement): void {
      add(node, 'partial blocks ({{#> name}}) and @partial-block are not allowed');
      super.PartialBlockStatement(node);
    }
    override DecoratorBlock(node: hbs.AST.DecoratorBlock): void {
      add(node, 'inline partials and decorators ({{#* }}) are not allowed; put partials in partials/');
      super.DecoratorBlock(node);
    }
    override Decorator(node: hbs.AST.Decorator): void {
      add(node, 'decorators ({{* }}) are not allowed');
      super.Decorator(node);
    }
    override PathExpression(node: hbs.AST.PathExpression): void {
      if (node.data && node.parts[0] === 'partial-block') add(node, '@partial-block is not allowed');
      super.PathExpression(node);
    }
  }

  function checkHelperName(path: hbs.AST.PathExpression | hbs.AST.Literal): void {
    if (path.type === 'PathExpression') {
      const p = path as hbs.AST.PathExpression;
      if (p.parts.length === 1 && FORBIDDEN_HELPERS.has(p.parts[0]!)) add(p, `the ${p.parts[0]} helper is not allowed`);
    }
  }

  new RulesVisitor().accept(ast);
  return problems.sort((a, b) => a.line - b.line);
}
