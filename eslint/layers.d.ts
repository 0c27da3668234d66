// Types of eslint/layers.js for the tests that import it.
import type { ESLint } from 'eslint';

export type Layer =
  'kernel' | 'sources' | 'analysis' | 'narrative' | 'renderers' | 'check' | 'fetch' | 'render' | 'preview' | 'orchestration' | 'cli';
export const ALLOWED: Record<Layer, Layer[]>;
export function layerOf(file: string, root?: string): Layer | undefined;
/** The index.ts another layer must import `file` through, repository-relative; undefined when `file` is public. */
export function entryOf(file: string, root?: string): string | undefined;
declare const plugin: ESLint.Plugin;
export default plugin;
