/**
 * What one test file could leave behind for the files after it in the same fork (isolate:
 * false): the environment, the working folder, process listeners. test/support/no-leaks.ts
 * compares a file's start with its end.
 */
const WATCHED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit', 'beforeExit', 'uncaughtException', 'unhandledRejection'] as const;

export interface GlobalState {
  env: Record<string, string | undefined>;
  cwd: string;
  listeners: Record<string, number>;
}

export function globalState(): GlobalState {
  return {
    env: { ...process.env },
    cwd: process.cwd(),
    listeners: Object.fromEntries(WATCHED_EVENTS.map((event) => [event, process.listenerCount(event)])),
  };
}

/** What changed from `before` to `after`, one phrase each; empty when nothing did. */
export function leftBehind(before: GlobalState, after: GlobalState): string[] {
  const left: string[] = [];
  for (const key of new Set([...Object.keys(before.env), ...Object.keys(after.env)])) {
    if (before.env[key] !== after.env[key])
      left.push(`process.env.${key} ${JSON.stringify(before.env[key])} → ${JSON.stringify(after.env[key])}`);
  }
  if (after.cwd !== before.cwd) left.push(`working folder ${before.cwd} → ${after.cwd}`);
  for (const event of WATCHED_EVENTS) {
    const more = (after.listeners[event] ?? 0) - (before.listeners[event] ?? 0);
    if (more > 0) left.push(`${more} more process '${event}' listener${more === 1 ? '' : 's'}`);
  }
  return left;
}
