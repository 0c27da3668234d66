/** What every verb may use besides its options: output streams, environment, working directory. */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The clock, ms UTC (tests fix it; the default brief day depends on it). */
  now: () => number;
}

export type SetExit = (code: number) => void;
