/**
 * Round price levels. The step follows the price's magnitude so a day's move crosses a handful
 * of levels a desk would name: one power of ten below a price of four digits or more
 * (10,000–99,999 → 1,000 for BTC at 42,000; 1,000–9,999 → 100 for ETH at 2,200), and half of
 * that below it (100–999 → 50 for BNB at 520, 10–99 → 5, 1–9.99 → 0.5): a three-digit price
 * moving 10 % crosses one or two fifties, where tens would list a dozen. A level that is a
 * multiple of ten steps (40,000; 2,000; 500) is "major".
 */

/** The round-level step for a price (quote units), or the override when one is configured. */
export function roundStep(price: number, override?: number): number {
  if (override !== undefined && override > 0) return override;
  if (!(price > 0) || !Number.isFinite(price)) return 1;
  const magnitude = Math.floor(Math.log10(price));
  if (magnitude >= 3) return 10 ** (magnitude - 1);
  return cleanMultiple(5, 10 ** (magnitude - 1));
}

/** Multiples of `step` strictly between `low` and `high`, ascending. */
/** The most round levels one range may list. */
const MAX_LEVELS = 1000;

export function levelsBetween(low: number, high: number, step: number): number[] {
  const out: number[] = [];
  if (!(step > 0) || !(high > low)) return out;
  // Work in integer step counts so 0.1-sized steps do not accumulate binary error.
  const first = Math.floor(low / step) + 1;
  const last = Math.ceil(high / step) - 1;
  // A range spanning thousands of steps is not a day's price action but a broken datum (a price
  // of 1e308): no level is meaningful there, and enumerating them would exhaust memory.
  if (last - first > MAX_LEVELS) return out;
  for (let k = first; k <= last; k++) out.push(cleanMultiple(k, step));
  return out;
}

/** Whether a level is a multiple of ten steps (40,000 for a 1,000 step). */
export function isMajorLevel(level: number, step: number): boolean {
  const k = Math.round(level / step);
  return k % 10 === 0;
}

/** k × step without binary noise (3 × 0.1 → 0.3). */
export function cleanMultiple(k: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((k * step).toFixed(decimals));
}

/**
 * A "nice" rounding step for quoting a band around `price`: two powers of ten below it
 * (10 for ETH at 2,250, 100 for BTC at 42,000), so bands read like "2,210–2,290".
 */
export function bandRoundingStep(price: number): number {
  if (!(price > 0) || !Number.isFinite(price)) return 1;
  return 10 ** (Math.floor(Math.log10(price)) - 2);
}

/** Round a band outward to the step: low down, high up. */
export function roundBandOutward(low: number, high: number, step: number): { low: number; high: number } {
  return { low: cleanMultiple(Math.floor(low / step), step), high: cleanMultiple(Math.ceil(high / step), step) };
}
