/**
 * Run before every test file (vitest.config.ts `setupFiles`): the forks run file after file in
 * one process (isolate: false), so a file that changed the environment or the working folder,
 * or left a process listener, would change the files after it. Each file fails naming what it
 * left (test/support/global-state.ts).
 */
import { afterAll } from 'vitest';
import { globalState, leftBehind } from './global-state.js';

const before = globalState();

afterAll(() => {
  const left = leftBehind(before, globalState());
  if (left.length) throw new Error(`this test file left global state behind for the files after it: ${left.join('; ')}`);
});
