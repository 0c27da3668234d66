/**
 * A desk figure the day's prices contradict is bad input (exit 2), named by file and field path,
 * before anything is composed: the 5 August fixture's labelled ETH sale, typed as $46.0 million
 * (the CLI's exit 2: test/cli/exit-codes.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../kernel/snapshot/index.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import { checkNotesAgainstMarket, parseNotes } from '../../pipeline/narrative/index.js';
import { REPO } from '../support/run-cli.js';

const FIXTURE = join(REPO, 'test/fixtures/crash-2024-08-05');
const notesText = readFileSync(join(FIXTURE, 'notes.yaml'), 'utf8');
const typo = notesText.replace('amountUsd: 40400000', 'amountUsd: 46000000');

describe('notes against the market', () => {
  it('17,576 ETH for $40.4 million at 11:20 (2,299 per ETH) is inside the 11:00 hour: accepted', async () => {
    const snapshot = await loadSnapshot(join(FIXTURE, 'snapshot.json'));
    expect(() => checkNotesAgainstMarket(parseNotes(notesText, 'notes.yaml'), snapshot, DEFAULT_THRESHOLDS, 'notes.yaml')).not.toThrow();
  });

  it('$46.0 million (2,617 per ETH) when ETH traded 2,285.86–2,326.24 that hour: refused, naming the field', async () => {
    const snapshot = await loadSnapshot(join(FIXTURE, 'snapshot.json'));
    expect(typo).not.toBe(notesText);
    // 2,326.24 × 1.05 = 2,442.55 < 2,617.2: outside the tolerance.
    expect(() => checkNotesAgainstMarket(parseNotes(typo, 'notes.yaml'), snapshot, DEFAULT_THRESHOLDS, 'notes.yaml')).toThrow(
      'notes.yaml: has a figure the market data contradicts\n' +
        '  notes[1].amountUsd: 17,576 ETH for $46,000,000 is $2,617 per ETH, but ETH traded 2,286–2,326 in the hour from 2024-08-05T03:00Z (binance); check amountUsd or amountCoins',
    );
  });
});
