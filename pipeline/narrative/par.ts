/**
 * A multiple of an average that prints as 1.0 (1.0 倍 / 1.0x) is read as "in line with it"
 * (与…基本持平): a desk does not write "1.0 times the average". Decided on the printed figure, so
 * the words never disagree with what a rounded multiple would have said.
 */
import type { Fmt } from './compose-context.js';

export function atPar(fmt: Pick<Fmt, 'multiple'>, multiple: number): boolean {
  return fmt.multiple(multiple) === fmt.multiple(1);
}
