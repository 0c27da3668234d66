/**
 * A vega loader that refuses every URL and records each attempt.
 *
 * Chart data enters specs only as inline `data.values`, so a well-formed chart never asks the
 * loader for anything. A spec that tries (a `data.url`, an `image` mark's `url`, a `href`
 * channel) is either a bug or an injection (reliability.md B13): nothing is fetched or read, and
 * the renderer fails the chart when `attempts` is not empty.
 */
import type { Loader } from 'vega';

export interface LoadAttempt {
  /** Which loader method was called: load (data), sanitize (image/href), http, file. */
  method: 'load' | 'sanitize' | 'http' | 'file';
  /** The URL or path asked for, truncated to 200 characters. */
  uri: string;
}

export interface RefusingLoader extends Loader {
  readonly attempts: readonly LoadAttempt[];
}

export function createRefusingLoader(): RefusingLoader {
  const attempts: LoadAttempt[] = [];
  const refuse = (method: LoadAttempt['method'], uri: unknown): Promise<never> => {
    const text = String(uri).slice(0, 200);
    attempts.push({ method, uri: text });
    return Promise.reject(new Error(`chart loader refused ${method} ${JSON.stringify(text)}: charts take data only as inline values`));
  };
  return {
    attempts,
    load: (uri) => refuse('load', uri),
    sanitize: (uri) => refuse('sanitize', uri),
    http: (uri) => refuse('http', uri),
    file: (filename) => refuse('file', filename),
  };
}
