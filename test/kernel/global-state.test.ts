/** The check every test file runs at its end (test/support/no-leaks.ts) names what a file left. */
import { describe, expect, it } from 'vitest';
import { globalState, leftBehind } from '../support/global-state.js';

describe('leftBehind', () => {
  it('names a changed, an added and a removed variable, a moved working folder and an extra listener', () => {
    const before = { env: { A: '1', B: 'x' }, cwd: '/repo', listeners: { SIGINT: 0, exit: 1 } };
    const after = { env: { A: '2', C: 'y' }, cwd: '/tmp', listeners: { SIGINT: 0, exit: 3 } };
    expect(leftBehind(before, after)).toEqual([
      'process.env.A "1" → "2"',
      'process.env.B "x" → undefined',
      'process.env.C undefined → "y"',
      'working folder /repo → /tmp',
      "2 more process 'exit' listeners",
    ]);
  });

  it('is empty for the same state, and sees a listener this process adds', () => {
    const before = globalState();
    expect(leftBehind(before, globalState())).toEqual([]);
    const listener = () => {};
    process.on('SIGHUP', listener);
    try {
      expect(leftBehind(before, globalState())).toEqual(["1 more process 'SIGHUP' listener"]);
    } finally {
      process.off('SIGHUP', listener);
    }
  });
});
