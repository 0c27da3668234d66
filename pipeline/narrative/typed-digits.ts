/**
 * Templates choose words, never numbers: a digit in a template's text ("全网清算 12 亿美元") is a
 * figure nobody computed, printed on every day. `brief lint` names each one with file and line.
 * The only digits allowed are the funding rate's unit, "每 8 小时" / "per 8h" / "per 8 hours":
 * a unit label, like 美元 or %, not a quantity of the day.
 */
import Handlebars from 'handlebars';

export interface TypedDigit {
  line: number;
  message: string;
}

const UNIT_LABELS = /每 ?8 ?小时|per 8 ?h(?:ours?)?\b|8-hour/g;

/** Every text node of the template (outside {{…}} and comments) that holds a digit. */
export function typedDigits(ast: hbs.AST.Program): TypedDigit[] {
  const found: TypedDigit[] = [];
  class Finder extends Handlebars.Visitor {
    override ContentStatement(node: hbs.AST.ContentStatement): void {
      // `original` is the text as written (the typings call it StripFlags; it is the source string),
      // so line numbers count from the node's start before any ~ whitespace control.
      const lines = (node.original as unknown as string).split('\n');
      lines.forEach((text: string, i: number) => {
        const m = /[^\s]*\d[^\s]*/.exec(text.replace(UNIT_LABELS, ''));
        if (m) {
          found.push({
            line: node.loc.start.line + i,
            message: `a number typed into the template ("${m[0]}"): figures come from the brief model, never from template text`,
          });
        }
      });
    }
  }
  new Finder().accept(ast);
  return found;
}
