/**
 * Compiled, parsed and constructed vega Views, kept by chart shape (hoist.ts) so that drawing
 * a chart of a shape already seen costs only its dataflow run and serialisation: in a batch of
 * days, each chart was ≈ 10 ms of compiling, parsing and building a View against ≈ 1.5 ms of
 * running one with the day's data.
 *
 * A View holds its own refusing loader; its attempts are checked after every render by the
 * caller. At most `MAX_VIEWS` shapes are kept (least recently used first out), so memory stays
 * bounded however many shapes a long run meets.
 */
import type * as vega from 'vega';
import { containsTextToken, type HoistedSpec } from './hoist.js';

export interface CachedView {
  /** The parsed vega dataflow of a chart shape: each render builds its own View from it. */
  runtime: vega.Runtime;
  /** What vega-lite warned of while compiling the shape (reported with every render of it). */
  compileWarnings: string[];
}

export const MAX_VIEWS = 64;

export class ViewCache {
  private readonly views = new Map<string, CachedView>();

  constructor(private readonly max = MAX_VIEWS) {}

  get size(): number {
    return this.views.size;
  }

  /** The View of `hoisted`'s shape, made by `make` the first time; undefined if `make` gives none. */
  async obtain(hoisted: HoistedSpec, make: () => Promise<CachedView | undefined>): Promise<CachedView | undefined> {
    const cached = this.views.get(hoisted.key);
    if (cached) {
      // Most recently used last: Map keeps insertion order.
      this.views.delete(hoisted.key);
      this.views.set(hoisted.key, cached);
      return cached;
    }
    const made = await make();
    if (!made) return undefined;
    this.views.set(hoisted.key, made);
    while (this.views.size > this.max) {
      const oldestKey = this.views.keys().next().value as string;
      this.views.delete(oldestKey);
    }
    return made;
  }

  clear(): void {
    this.views.clear();
  }
}

/**
 * The compiled vega spec with each text token replaced by its signal, and those signals
 * declared; undefined when vega-lite changed a token (e.g. joined two axis titles), so the
 * caller draws that chart without the cache.
 */
export function bindTextSignals(compiled: vega.Spec, hoisted: HoistedSpec): vega.Spec | undefined {
  if (hoisted.textTokens.size === 0) return compiled;
  const replace = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const signal = hoisted.textTokens.get(node);
      return signal ? { signal } : node;
    }
    if (Array.isArray(node)) return node.map(replace);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, replace(v)]));
  };
  const bound = replace(compiled) as vega.Spec;
  if (containsTextToken(JSON.stringify(bound))) return undefined;
  const texts = [...hoisted.textTokens.values()].map((name) => ({ name, value: '' }));
  return { ...bound, signals: [...texts, ...(bound.signals ?? [])] };
}
