/**
 * What `--help` adds below commander's option list: examples per verb and the exit codes, so a
 * reader of the help needs neither the README nor the source.
 */
export const EXIT_CODES = `Exit codes:
  0   done
  1   a bug (please report it, with the message)
  2   bad input or usage: a flag, a file or a template is wrong (named in the message)
  3   not enough data: a core source failed, nothing written
  4   rendering failed (e.g. no Chromium for the PDF); Markdown and HTML are still written
  5   publishing failed; the previous site is untouched
  10  --strict and the snapshot has data gaps (the brief is written and discloses them)
  75  another run holds the lock; try again later`;

export const EXAMPLES: Record<string, readonly string[]> = {
  fetch: ['brief fetch', 'brief fetch --date 2024-01-04 --snapshots snapshots', 'brief fetch --replay test/fixtures/replay --timeout 5'],
  analyze: ['brief analyze snapshots/2024-01-04.json', 'brief analyze snapshots/2024-01-04.json --json'],
  render: [
    'brief render snapshots/2024-01-04.json',
    'brief render snapshots/2024-01-04.json --lang en --format md,html --out out',
    'brief render snapshots/2024-01-04.json --templates my-templates --notes notes.yaml',
  ],
  lint: ['brief lint', 'brief lint --templates my-templates --notes snapshots/2024-01-04.notes.yaml'],
  publish: ['brief publish', 'brief publish --site site'],
  run: ['brief run', 'brief run --date 2024-01-04 --strict'],
  rerender: [
    'brief rerender',
    'brief rerender --from 2024-01-01 --to 2024-01-31 --format md,html',
    'brief rerender --shard 2/4 --workers 1',
  ],
  preview: ['brief preview', 'brief preview --date 2024-01-04 --port 0 --templates my-templates'],
  freshness: ['brief freshness --site site --max-age-hours 26'],
  collect: ['brief collect --assets BTC,ETH --collected collected'],
};

export function examplesFor(verb: string): string {
  const lines = EXAMPLES[verb];
  return lines ? `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n\n${EXIT_CODES}\n` : `\n${EXIT_CODES}\n`;
}

export function programHelp(): string {
  return `\nExamples:\n  $ brief fetch && brief render snapshots/$(date +%F).json && brief publish\n  $ brief preview\n  $ brief <command> --help\n\n${EXIT_CODES}\n`;
}
