/**
 * The lead's scheduled release: a calendar release that came out inside the window
 * (price_path.releases) and what the price did over its hours, said where the lead would
 * otherwise say that no trigger was found. A coincidence in time, worded as one: the hours, the
 * change and whether the day's extreme fell in them, never that the release caused the move.
 *
 * Not said when a desk note names the day's trigger: the note is the desk's account of that
 * event, and the lead prints it.
 */
import type { PricePath } from '../analysis/index.js';
import { HOUR_MS } from '../../kernel/time.js';
import type { ComposeContext } from './compose-context.js';
import * as format from '../../kernel/locale/index.js';
import { md } from './markdown-escape.js';
import { publisherName } from './names.js';
import type { BriefLead } from './model.js';

type Release = NonNullable<PricePath['releases']>[number];

/** The release the reader most needs: at the extreme, then in the steepest hour, then the largest move; ties the earlier. */
function pick(releases: readonly Release[]): Release | undefined {
  const score = (r: Release): number => (r.extreme ? 4 : 0) + (r.steepest ? 2 : 0);
  let best: Release | undefined;
  for (const r of releases) {
    if (r.changeFraction === undefined) continue;
    if (!best || score(r) > score(best) || (score(r) === score(best) && Math.abs(r.changeFraction) > Math.abs(best.changeFraction!)))
      best = r;
  }
  return best;
}

export function composeRelease(ctx: ComposeContext, lead: Pick<BriefLead, 'assetName' | 'offset' | 'notedDriver'>): BriefLead['release'] {
  const path = ctx.one('price_path', ctx.primary);
  const r = pick(path?.releases ?? []);
  if (!path || !r || r.changeFraction === undefined) return undefined;
  const { fmt } = ctx;
  const moved = Math.abs(r.changeFraction) >= ctx.input.config.thresholds.pricePath.releaseMoveFractionMin;
  const move = ctx.one('price_move', ctx.primary);
  const extremeAt = move === undefined ? undefined : path.direction === 'down' ? move.lowTime : move.highTime;
  return ctx.cite(
    {
      name: md(r.name[ctx.lang]),
      source: ctx.link({ name: publisherName(r.url, 'en'), url: r.url }),
      time: fmt.time(r.time),
      from: fmt.time(r.hourStart),
      to: fmt.time(r.hourStart + r.hours * HOUR_MS),
      change: fmt.pctAbs(r.changeFraction),
      down: r.changeFraction < 0,
      up: r.changeFraction > 0,
      muted: !moved,
      // The release and a move of size share the hours, most of the move not already done: only
      // then does the lead say timing is not cause (else it says nothing else explains the move).
      coincident: moved && !(r.before && r.before.shareOfSwing >= ctx.input.config.thresholds.pricePath.releaseAfterShareMin),
      atLow: r.extreme && path.direction === 'down',
      atHigh: r.extreme && path.direction === 'up',
      steepest: r.steepest,
      ...(r.before && r.before.shareOfSwing >= ctx.input.config.thresholds.pricePath.releaseAfterShareMin
        ? { after: { change: fmt.pctAbs(r.before.changeFraction), share: md(format.formatShareWords(r.before.shareOfSwing, ctx.lang)) } }
        : r.extremeBefore && extremeAt !== undefined
          ? { extremeBefore: { time: fmt.time(extremeAt) } }
          : {}),
      dayDown: path.direction === 'down',
      assetName: lead.assetName,
      offset: lead.offset,
      alone: !lead.notedDriver,
    },
    // The hours' change is read from the hourly series alone (the price move's), not the daily closes the path also reads.
    ctx.one('price_move', ctx.primary),
  );
}
