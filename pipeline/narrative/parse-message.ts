/**
 * Handlebars' whole error message on one line plus its excerpt. A parse error arrives as
 * "Parse error on line 21:\n<excerpt>\n----^\nExpecting 'ID', got 'EOF'"; keeping only the
 * first line ("Parse error on line 21:") hides what was expected, so the expectation is joined
 * to the first line and the excerpt with its caret follows, indented.
 */
export function handlebarsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n');
  const head = lines[0]!.replace(/ - \d+:\d+$/, '');
  if (/^Parse error on line \d+:$/.test(head) && lines.length >= 4) {
    const [, excerpt, caret, ...rest] = lines;
    return `${head} ${rest.join(' ')}\n    ${excerpt}\n    ${caret}`;
  }
  return [head, ...lines.slice(1)].join('\n').trimEnd();
}
