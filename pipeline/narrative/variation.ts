/**
 * Which of a sentence's alternative skeletons a brief uses: chosen by the brief's date, so a
 * re-render is byte-identical and consecutive days never read the same. The day number counts
 * calendar days since 1970-01-01; each slot (thesis, synthesis, …) is offset by a small hash of
 * its name, so slots do not all turn over together. For `count` ≥ 2, day d and day d + 1 always
 * get different variants: (d + 1 + o) mod n ≠ (d + o) mod n.
 */
export function variantOf(date: string, slot: string, count: number): number {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`variant: expected a count ≥ 1, got ${count}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`variant: expected the brief's date as YYYY-MM-DD, got ${date}`);
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
  let offset = 0;
  for (const ch of slot) offset = (offset * 31 + ch.charCodeAt(0)) % 9973;
  return (day + offset) % count;
}
