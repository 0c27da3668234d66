/**
 * What every verb may use besides its options: output streams, environment, working directory,
 * clock. Verbs read nothing of these from `process` (main.ts fills in the process's own).
 */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The clock, ms UTC (tests fix it; the default brief day depends on it). */
  now: () => number;
  /** Whether `stderr` is a terminal (progress then redraws one line instead of printing lines). */
  stderrIsTTY: boolean;
}

export type SetExit = (code: number) => void;
