/**
 * Readers for the deployment files, so tests start `brief collect` exactly as they say: a
 * systemd unit's keys, a Containerfile's instructions, a command line split as systemd splits
 * it (whitespace, single and double quotes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');
export const DEPLOY = join(REPO, 'deploy');

/** A unit file's sections: key → every value given (Environment= may repeat). */
export function readUnit(name: string): Record<string, Record<string, string[]>> {
  const sections: Record<string, Record<string, string[]>> = {};
  let current: Record<string, string[]> | undefined;
  for (const raw of readFileSync(join(DEPLOY, name), 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = sections[section[1]!] = {};
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq < 0) throw new Error(`${name}: cannot read line ${JSON.stringify(raw)}`);
    const key = line.slice(0, eq);
    (current[key] ??= []).push(line.slice(eq + 1));
  }
  return sections;
}

/** The one value of a key, or an error naming the file's problem. */
export function one(values: string[] | undefined, what: string): string {
  if (values?.length !== 1) throw new Error(`expected exactly one ${what}, got ${JSON.stringify(values)}`);
  return values[0]!;
}

/** Splits a command line into words: whitespace separates, quotes group (systemd's ExecStart rules, minus escapes). */
export function splitCommand(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) throw new Error(`unclosed quote in ${line}`);
  if (word !== undefined) words.push(word);
  return words;
}

/** The Containerfile's instructions in order, continuation lines joined: [instruction, arguments]. */
export function readContainerfile(): [string, string][] {
  const text = readFileSync(join(DEPLOY, 'Containerfile'), 'utf8').replace(/\\\n/g, ' ');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [instruction = '', ...rest] = line.split(/\s+/);
      return [instruction.toUpperCase(), rest.join(' ')];
    });
}

/** The exec-form (JSON array) argument of the last such instruction, e.g. ENTRYPOINT ["brief"]. */
export function execForm(instructions: [string, string][], name: string): string[] {
  const found = instructions.filter(([instruction]) => instruction === name).at(-1);
  if (!found) throw new Error(`no ${name} in the Containerfile`);
  return JSON.parse(found[1]) as string[];
}
