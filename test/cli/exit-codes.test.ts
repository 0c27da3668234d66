/** The exit codes of design.md, frozen: each is produced by the real executable. */
import { mkdtempSync, writeFileSync, cpSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'brief-exit-'));

describe('exit codes', () => {
  it('0: a brief rendered; its gaps are listed on stderr', async () => {
    const out = tmp();
    const run = await runCli(['render', '--snapshot', 'snapshots/2024-01-04.json', '--format', 'md', '--lang', 'en', '--out', out]);
    expect(run.stderr).toContain('gap: etfFlows from coinglass (BTC): not-applicable:');
    expect(run.code).toBe(0);
    expect(existsSync(join(out, '2024-01-04', 'en.md'))).toBe(true);
  });

  it('10: with --strict, a disclosed gap', async () => {
    const run = await runCli([
      'render',
      '--snapshot',
      'snapshots/2024-01-04.json',
      '--format',
      'md',
      '--lang',
      'en',
      '--out',
      tmp(),
      '--strict',
    ]);
    expect(run.code).toBe(10);
  });

  it('2: an invalid snapshot, naming the file and field', async () => {
    const dir = tmp();
    writeFileSync(join(dir, '2024-01-04.json'), '{"schemaVersion": 1, "date": 20240104}');
    const run = await runCli(['render', '--snapshot', join(dir, '2024-01-04.json'), '--out', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(dir, '2024-01-04.json')}: does not match the snapshot schema`);
    expect(run.stderr).toMatch(/^ {2}date: /m);
  });

  it("2: a notes figure the day's prices contradict, naming the file and field; nothing written", async () => {
    const dir = tmp();
    const fixture = join(REPO, 'test/fixtures/crash-2024-08-05');
    const notesFile = join(dir, 'notes.yaml');
    // The labelled ETH sale at 11:20 typed as $46.0 million: $2,617 per ETH in an hour that traded 2,286–2,326.
    writeFileSync(notesFile, readFileSync(join(fixture, 'notes.yaml'), 'utf8').replace('amountUsd: 40400000', 'amountUsd: 46000000'));
    const out = join(dir, 'out');
    const run = await runCli(['render', join(fixture, 'snapshot.json'), '--notes', notesFile, '--format', 'md', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${notesFile}: has a figure the market data contradicts`);
    expect(run.stderr).toContain('  notes[1].amountUsd: 17,576 ETH for $46,000,000 is $2,617 per ETH, but ETH traded 2,286–2,326');
    expect(existsSync(out)).toBe(false);
  });

  it('4: the PDF failed (no browser): Markdown and HTML are still written, the manifest lists only them', async () => {
    const out = tmp();
    const run = await runCli(['render', 'snapshots/2024-01-04.json', '--lang', 'en', '--out', out], {
      env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' },
    });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`brief: the PDF could not be printed (md and html written to ${join(out, '2024-01-04')}): `);
    expect(run.stderr).toContain('PUPPETEER_EXECUTABLE_PATH is set to /nonexistent/chrome');
    expect(run.stderr).not.toContain('    at ');
    expect(existsSync(join(out, '2024-01-04', 'en.md'))).toBe(true);
    expect(existsSync(join(out, '2024-01-04', 'en.html'))).toBe(true);
    expect(existsSync(join(out, '2024-01-04', 'en.pdf'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, '2024-01-04', 'en.json'), 'utf8')).formats).toEqual(['html', 'md']);
  });

  it('5: publishing failed, and 75: the lock is held', async () => {
    const dir = tmp();
    cpSync(join(REPO, 'test/fixtures/rendered'), join(dir, 'out'), { recursive: true });
    writeFileSync(join(dir, 'not-a-dir'), 'a file where the site folder should go');
    const failed = await runCli(['publish', '--from', join(dir, 'out'), '--site', join(dir, 'not-a-dir', 'site')]);
    expect(failed.code).toBe(5);
    expect(failed.stderr).toContain('the previous site is untouched');
    writeFileSync(join(dir, 'site.lock'), `${process.pid}\n`);
    const busy = await runCli(['publish', '--from', join(dir, 'out'), '--site', join(dir, 'site')]);
    expect(busy.code).toBe(75);
    expect(busy.stderr).toContain(`another run holds the lock ${join(dir, 'site.lock')}`);
  });
});
