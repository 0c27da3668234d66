/**
 * How big a price move is, for the words that describe it: a 13 % fall is not "slid". One
 * scale for the close-to-close move and the high-to-low swing, the lead's and each asset's.
 */

/** A move (a fraction, either sign) from which it takes a stronger word: tumbled/急挫, a drop. */
const SHARP_MOVE = 0.05;
/** …and the strongest: plunged/暴跌, a plunge. */
const SEVERE_MOVE = 0.1;

export const isSharp = (fraction: number): boolean => Math.abs(fraction) >= SHARP_MOVE;
export const isSevere = (fraction: number): boolean => Math.abs(fraction) >= SEVERE_MOVE;
