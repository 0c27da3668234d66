import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintLayoutSource } from '../../pipeline/narrative/layout-lint.js';
import { handlebarsMessage } from '../../pipeline/narrative/parse-message.js';
import { runCli, REPO } from '../support/run-cli.js';

const PAGE = readFileSync(join(REPO, 'templates/layout/page.hbs'), 'utf8');

function messages(name: string, source: string): string[] {
  return lintLayoutSource(`/t/${name}`, name, source).map((i) => `${i.line}: ${i.message}`);
}

describe('layout lint', () => {
  it('the bundled layout is clean and carries the policy', () => {
    expect(messages('page.hbs', PAGE)).toEqual([]);
    expect(messages('site-index.hbs', readFileSync(join(REPO, 'templates/layout/site-index.hbs'), 'utf8'))).toEqual([]);
    expect(messages('style.css', readFileSync(join(REPO, 'templates/layout/style.css'), 'utf8'))).toEqual([]);
  });

  it('refuses a script, an event handler, a meta refresh and an outside resource, each with its line', () => {
    const page = PAGE.replace(
      '</head>',
      '<script src="https://cdn.example/x.js"></script>\n<meta http-equiv="refresh" content="0;url=https://evil.example">\n</head>',
    ).replace('<body>', '<body onload="steal()">\n<img src="//tracker.example/p.gif">');
    const lines = PAGE.split('\n');
    const head = lines.indexOf('</head>') + 1;
    expect(messages('page.hbs', page)).toEqual([
      `${head}: <script> is not allowed: the pages run no script`,
      `${head}: src="https://cdn.example/x.js" on <script> loads from another origin; only data: URLs and relative links are allowed`,
      `${head + 1}: <meta http-equiv="refresh"> is not allowed: a page must not move the reader elsewhere`,
      `${head + 3}: event handler onload= on <body> is not allowed: the pages run no script`,
      `${head + 4}: src="//tracker.example/p.gif" on <img> loads from another origin; only data: URLs and relative links are allowed`,
    ]);
  });

  it('refuses url() and @import in the stylesheet, keeps data: URLs', () => {
    expect(
      messages(
        'style.css',
        'a { color: red; }\nbody { background: url("https://x.example/bg.png"); }\n@import "other.css";\nb { background: url(data:image/png;base64,AA); }\n',
      ),
    ).toEqual([
      '2: url(https://x.example/bg.png) loads a resource; only data: URLs are allowed in the layout',
      '3: @import loads another stylesheet; inline its rules instead',
    ]);
  });

  it('asks for the Content-Security-Policy meta tag and refuses triple-stash', () => {
    const page = PAGE.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '').replace('{{title}}', '{{{title}}}');
    expect(messages('page.hbs', page)).toEqual([
      "1: no Content-Security-Policy meta tag with default-src 'none' in <head>; the pages run no script and load nothing from elsewhere",
      `${PAGE.split('\n').findIndex((l) => l.includes('{{title}}'))}: triple-stash {{{ }}} (or {{& }}) is not allowed; print model fields with {{ }}`,
    ]);
  });

  it('keeps the whole Handlebars parse message', () => {
    expect(messages('part.hbs', 'a\n{{foo bar=}}\n')[0]).toBe(
      "2: Parse error on line 2: Expecting 'OPEN_SEXPR', 'ID', 'STRING', 'NUMBER', 'BOOLEAN', 'UNDEFINED', 'NULL', 'DATA', got 'CLOSE'\n    a{{foo bar=}}\n    -----------^",
    );
    expect(handlebarsMessage(new Error("if doesn't match each - 2:3"))).toBe("if doesn't match each");
  });

  it('brief lint fails with file and line for a layout with a script (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layout-'));
    cpSync(join(REPO, 'templates'), dir, { recursive: true });
    writeFileSync(join(dir, 'layout/page.hbs'), PAGE.replace('<body>', '<body>\n<script>alert(1)</script>'));
    const run = await runCli(['lint', '--templates', dir]);
    expect(run.code).toBe(2);
    const line = PAGE.split('\n').indexOf('<body>') + 2;
    expect(run.stderr).toBe(`${join(dir, 'layout/page.hbs')}:${line}: <script> is not allowed: the pages run no script\n`);
    expect(run.stdout).toBe('');
  });
});
