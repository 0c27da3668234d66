import type { Gap } from '../../kernel/snapshot/index.js';
import type { CliContext } from './context.js';

/** Lists a snapshot's data gaps on stderr (they are disclosed in the brief too); returns the count. */
export function reportGaps(gaps: readonly Gap[], ctx: CliContext): number {
  for (const gap of gaps) {
    ctx.stderr(`gap: ${gap.family} from ${gap.source}${gap.asset ? ` (${gap.asset})` : ''}: ${gap.kind}: ${gap.reason}\n`);
  }
  return gaps.length;
}
