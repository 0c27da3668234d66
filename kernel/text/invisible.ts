/**
 * Characters a reader cannot see but that change what text shows or how it is read: C0/C1
 * controls, bidi embeddings, overrides, isolates and marks (which can reorder what is displayed),
 * and zero-width spaces, joiners-that-are-not-needed and word joiners (which can split a ticker
 * such as `BTC\u200B` from `BTC`). Zero-width (non-)joiners U+200C/U+200D stay: some scripts and
 * emoji need them. Every data string shown to a reader goes through `stripInvisible`.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** A deep copy of a JSON-like value with every string passed through `stripInvisible`. */
export function stripInvisibleDeep<T>(value: T): T {
  if (typeof value === 'string') return stripInvisible(value) as T;
  if (Array.isArray(value)) return value.map((v) => stripInvisibleDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = stripInvisibleDeep(v);
    return out as T;
  }
  return value;
}
