/**
 * Parsed vega dataflows (vega.parse's runtime), kept by chart shape (hoist.ts), so that a chart
 * of a shape already seen skips compiling and parsing: each render builds a fresh View of the
 * runtime and sets its values before the first run (≈ 12 → 6 ms per chart). Reusing a live
 * View instead would be cheaper still, but vega then keeps legend and autosize layout from the
 * previous run.
 *
 * A shape whose text tokens vega-lite changed cannot be bound (bindTextSignals): that is
 * remembered too, so its charts go straight to a fresh compile. At most `MAX_SHAPES` shapes are
 * kept (least recently used first out), so memory stays bounded however many a long run meets.
 */
import type * as vega from 'vega';
import { containsTextToken, type HoistedSpec } from './hoist.js';

export interface CachedShape {
  /** The parsed vega dataflow of a chart shape: each render builds its own View from it. */
  runtime: vega.Runtime;
  /** What vega-lite warned of while compiling the shape (reported with every render of it). */
  compileWarnings: string[];
}

export const MAX_SHAPES = 64;

export class ShapeCache {
  /** undefined-valued entries are shapes that cannot be cached. */
  private readonly shapes = new Map<string, CachedShape | undefined>();

  constructor(private readonly max = MAX_SHAPES) {}

  get size(): number {
    return this.shapes.size;
  }

  /** The cached shape of `hoisted`, made by `make` the first time; undefined if it cannot be cached. */
  obtain(hoisted: HoistedSpec, make: () => CachedShape | undefined): CachedShape | undefined {
    if (this.shapes.has(hoisted.key)) {
      const cached = this.shapes.get(hoisted.key);
      // Most recently used last: Map keeps insertion order.
      this.shapes.delete(hoisted.key);
      this.shapes.set(hoisted.key, cached);
      return cached;
    }
    const made = make();
    this.shapes.set(hoisted.key, made);
    while (this.shapes.size > this.max) this.shapes.delete(this.shapes.keys().next().value as string);
    return made;
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
