/**
 * A rendered brief's prose, as the checker reads it: Markdown without footnote definitions,
 * footnote markers, link destinations and code spans, split into sentences.
 */

/** The lines a reader reads as prose: not the footnote definitions (their endpoints and dates). */
export function proseOf(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\[\^\d+\]:/.test(line))
    .join('\n')
    .replace(/\[\^\d+\]/g, '')
    .replace(/\]\([^)\s]*\)/g, ']')
    .replace(/`[^`\n]*`/g, '');
}

/** Sentences of prose: zh ends at 。！？ and line breaks; en at ". " or a line break. */
export function sentencesOf(prose: string): string[] {
  return prose
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[。！？])|(?<=[.!?])\s+(?=[A-Z*●])/u))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A sentence shortened for a message: the part around `needle`, at most ~120 characters. */
export function excerpt(sentence: string, needle?: string): string {
  const plain = sentence.replace(/\*\*/g, '');
  if (plain.length <= 120) return plain;
  const at = needle ? Math.max(0, plain.indexOf(needle)) : 0;
  const start = Math.max(0, at - 50);
  return `${start > 0 ? '…' : ''}${plain.slice(start, start + 120)}…`;
}
