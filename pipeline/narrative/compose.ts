/**
 * Findings (+ editorial notes) → the brief model for one language. Pure and deterministic.
 *
 *   1. context   language, timezone, formatters, findings by kind, the primary asset
 *   2. day       crash / rally / quiet range, single or multi-asset (config thresholds)
 *   3. headline  title and description (plain text)
 *   4. lead      the dateline paragraph's facts
 *   5. bullets   one per finding kind that has data, grouped into sections by the day's layout
 *   6. prose     macro (notes only), bulls vs bears, key levels, time windows, watchlist
 *   7. gaps      what could not be measured; charts placed in the section they illustrate
 *   8. sources   footnotes numbered in print order: each figure's series, provider and as-of time
 */
import * as format from '../../kernel/locale/index.js';
import type { Lang } from '../../kernel/locale/index.js';
import type { PriceMove } from '../analysis/index.js';
import { InputError } from '../../kernel/errors.js';
import { entitiesBullet } from './bullets-flows.js';
import { BULLET_KINDS, type BulletKey } from './bullet-kinds.js';
import { provenanceAt, type CiteFrom } from './citations.js';
import { createContext, hasClaim, listOf, type ComposeContext, type ComposeInput } from './compose-context.js';
import { composeHeadline } from './headline.js';
import { bundledHeadline } from './headline-templates.js';
import type { TemplateSet } from './engine.js';
import { composeLead, dayOf, primaryMove, type Day } from './lead.js';
import { md, mdUrl } from './markdown-escape.js';
import { macroName, publisherName } from './names.js';
import type { BriefModel, Bullet, Chart, Macro, Section, SectionId } from './model.js';
import { composeGaps } from './gaps.js';
import { composeOutlook } from './outlook.js';
import { composePath } from './path.js';
import { composeBreadth, composeReading } from './reading.js';
import { composeFlowsReading } from './flows-reading.js';
import { composePositioning } from './positioning.js';
import { positionsMoved } from './positions.js';

export type { ComposeInput } from './compose-context.js';

type Layout = { id: SectionId; bullets: BulletKey[] }[];

/** Data sections per day type, in reading order; empty sections are dropped. */
const LAYOUTS: Record<'crash' | 'rally' | 'range' | 'multi', Layout> = {
  crash: [
    { id: 'leverage', bullets: ['liquidations', 'cluster', 'volume', 'funding', 'basis', 'openInterest'] },
    { id: 'flows', bullets: ['etfVolume', 'etfFlows', 'whales', 'exchangeFlows', 'entities', 'volatility'] },
  ],
  rally: [
    { id: 'inflows', bullets: ['etfFlows', 'etfVolume', 'liquidations', 'cluster', 'volume'] },
    { id: 'structure', bullets: ['funding', 'basis', 'openInterest', 'volatility'] },
    { id: 'onchain', bullets: ['whales', 'exchangeFlows', 'entities'] },
  ],
  range: [
    { id: 'structure', bullets: ['funding', 'basis', 'openInterest', 'volatility', 'volume', 'liquidations', 'cluster'] },
    { id: 'flows', bullets: ['etfFlows', 'etfVolume', 'whales', 'exchangeFlows', 'entities'] },
  ],
  multi: [
    { id: 'crossAsset', bullets: ['crossAsset', 'liquidations', 'cluster'] },
    { id: 'derivatives', bullets: ['volume', 'funding', 'basis', 'openInterest', 'volatility'] },
    { id: 'flows', bullets: ['etfVolume', 'etfFlows', 'whales', 'exchangeFlows', 'entities'] },
  ],
};

const MAX_SECTIONS = 5;
const MAX_BULLETS = 7;

/** Where each chart belongs: the bullet it illustrates. */
const CHART_BULLET: Record<string, BulletKey> = {
  liquidations: 'liquidations',
  funding: 'funding',
  basis: 'basis',
  'etf-volume': 'etfVolume',
  'whale-transfers': 'whales',
};

function layoutOf(day: Day): Layout {
  // A market-wide sell-off leads with the assets; a broad rally still reads best from the flows.
  if (day.multiAsset && day.crash) return LAYOUTS.multi;
  return day.crash ? LAYOUTS.crash : day.rally ? LAYOUTS.rally : LAYOUTS.range;
}

/** Every bullet the data supports, keyed by kind (cross-asset: one per asset). */
function composeBullets(ctx: ComposeContext, day: Day): Map<BulletKey, Bullet[]> {
  const out = new Map<BulletKey, Bullet[]>();
  // Each bullet is registered with the findings its figures come from, for its source footnotes.
  const put = <K extends BulletKey>(key: K, value: Bullet[K] | undefined, ...from: CiteFrom[]): void => {
    if (value) out.set(key, [...(out.get(key) ?? []), ctx.cite({ [key]: value } as Bullet, ...from)]);
  };
  // One row per finding kind (bullet-kinds.ts); entity moves come from the notes, not a finding.
  for (const row of Object.values(BULLET_KINDS)) {
    if (row.bullet === undefined) continue;
    for (const { value, from } of row.build(ctx, day)) put(row.bullet, value, ...from);
  }
  put(
    'entities',
    entitiesBullet(
      ctx,
      (ctx.input.notes?.notes ?? []).flatMap((n) => (n.kind === 'entity_move' ? [n] : [])),
    ),
  );
  return out;
}

function composeMacro(ctx: ComposeContext, move: PriceMove): Macro | undefined {
  const change = move.changeFraction;
  const events = (ctx.input.notes?.notes ?? []).flatMap((n) => (n.kind === 'macro' ? [n] : []));
  const session = composeSession(ctx, move);
  if (events.length === 0 && !session) return undefined;
  const { fmt } = ctx;
  const sorted = [...events].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const macro: Macro = {
    asset: ctx.ticker(ctx.primary),
    change: fmt.pctAbs(change),
    down: change < 0,
    ...(session ? { session } : {}),
    events: sorted.map((e) => {
      const event: Macro['events'][number] = {
        time: fmt.dayTime(Date.parse(e.time)),
        name: ctx.clause(e.name),
        text: ctx.clause(e.text),
        trigger: e.trigger,
        source: ctx.link(e.source),
      };
      if (e.implied) {
        const { unit, before, after } = e.implied;
        const number = (v: number): string => String(Number(v.toPrecision(6)));
        const afterText =
          typeof after === 'number' ? number(after) : `${number(after.low)}${format.LOCALES[ctx.lang].rangeDash}${number(after.high)}`;
        const afterMid = typeof after === 'number' ? after : (after.low + after.high) / 2;
        event.implied = {
          label: ctx.text(e.implied.label),
          before: md(number(before)),
          after: md(afterText),
          count: unit === 'count',
          percent: unit === 'percent',
          basisPoints: unit === 'basis-points',
          lower: afterMid < before,
          higher: afterMid > before,
        };
      }
      return event;
    }),
  };
  // The price series is cited by the caution after the events ("the timing fits…"), which only
  // prints with events: without them a citation would number a footnote no sentence points at.
  return events.length > 0 ? ctx.cite(macro, move) : macro;
}

/** The macro series' last US session, from the plan: each move, and what the licensed ones imply. */
function composeSession(ctx: ComposeContext, move: PriceMove): Macro['session'] {
  const moves = ctx.plan.macro ?? [];
  if (moves.length === 0) return undefined;
  const { fmt } = ctx;
  const fired = (kind: string, sign: number): boolean => moves.some((m) => m.kind === kind && m.fired && Math.sign(m.change) === sign);
  const paths = ctx.plan.paths.filter((p) => p.startsWith('macro['));
  const session = ctx.plan.macroSession;
  // The day plan sets the session with its moves; a plan without it has no session to name.
  if (!session) return undefined;
  return ctx.cite(
    {
      date: fmt.usSession(session.date),
      sources: ctx.sources([...new Set(paths.flatMap((p) => provenanceAt(ctx.input.snapshot, p)?.provider ?? []))]),
      moves: moves.map((m) => ({
        name: md(macroName(m.symbol, m.name, ctx.lang)),
        change: m.kind === 'yield' ? md(format.formatNumber(Math.abs(m.change) * 100, 1)) : fmt.pctAbs(m.change),
        close: md(m.kind === 'yield' ? `${format.formatNumber(m.close, 2)}%` : format.formatNumber(m.close, 2)),
        // A move that rounds to zero at the printed precision (0.1 % or 0.1 bp) is "flat".
        up: m.change >= 0.0005,
        down: m.change <= -0.0005,
        yield: m.kind === 'yield',
        fired: m.fired,
      })),
      riskOff: fired('index', -1),
      riskOn: fired('index', 1),
      // Risk appetite in equities is not crypto's: on a day the lead asset fell, "risk appetite
      // returned" is said of tech only, with the crypto move against it.
      cryptoDown: move.changeFraction < 0,
      yieldsDown: fired('yield', -1),
      yieldsUp: fired('yield', 1),
      dollarDown: fired('dollar', -1),
      dollarUp: fired('dollar', 1),
      shock: moves.some((m) => m.fired),
      ...(session.earlyClose ? { earlyClose: md(format.formatTime(session.close, 'America/New_York')) } : {}),
      ...(session.holidays.length
        ? {
            closedDays: listOf(
              session.holidays.map((d) => fmt.date(d)),
              ctx.lang,
            ),
          }
        : {}),
      releases: (ctx.input.notes?.notes ?? []).some((n) => n.kind === 'macro')
        ? []
        : (ctx.plan.macroReleases ?? []).map((r) => ({
            name: md(r.name[ctx.lang]),
            time: md(format.formatTime(r.time, 'America/New_York')),
            local: fmt.dateTime(r.time),
            source: ctx.link({ name: publisherName(r.url, 'en'), url: r.url }),
          })),
      internal:
        !moves.some((m) => m.fired) &&
        !(ctx.input.notes?.notes ?? []).some((n) => n.kind === 'macro') &&
        (ctx.plan.dayType === 'crash' ? hasClaim(ctx, 'leverage_flush') : ctx.plan.dayType === 'rally' && hasClaim(ctx, 'short_squeeze')),
    },
    paths,
  );
}

function chartOf(chart: ComposeInput['charts'][number]): Chart | undefined {
  if (!/^[a-z0-9-]+$/.test(chart.id)) return undefined;
  return { alt: md(chart.alt || chart.title || chart.id), src: md(`charts/${chart.id}.svg`) };
}

/**
 * `templates`: the set whose headline files word the title and description (the render stage
 * passes the one it renders the body with); without it, the package's own.
 */
export function composeBrief(input: ComposeInput, templates?: Pick<TemplateSet, Lang>): BriefModel {
  const lang: Lang = input.lang;
  if (input.notes && input.notes.date !== input.findings.date) {
    throw new InputError('notes', `the notes are for ${input.notes.date} but the snapshot is for ${input.findings.date}`);
  }
  const ctx = createContext(input);
  const move = primaryMove(ctx);
  const day = dayOf(ctx);
  const headline = composeHeadline(ctx, move, day, templates?.[lang].headline ?? bundledHeadline(lang));
  const lead = composeLead(ctx, move, day);

  const bullets = composeBullets(ctx, day);
  let sections: Section[] = layoutOf(day)
    .map(({ id, bullets: keys }) => ({
      id,
      bullets: keys.flatMap((k) => bullets.get(k) ?? []).slice(0, MAX_BULLETS),
      charts: [] as Chart[],
    }))
    .filter((s) => s.bullets.length > 0);

  const macro = composeMacro(ctx, move);
  const prose = 2 + (macro ? 1 : 0); // positioning + outlook (+ macro)
  // Too many sections: merge the last two data sections when their bullets fit in one.
  while (sections.length + prose > MAX_SECTIONS && sections.length >= 2) {
    const last = sections[sections.length - 1]!;
    const before = sections[sections.length - 2]!;
    if (before.bullets.length + last.bullets.length > MAX_BULLETS) break;
    sections = [...sections.slice(0, -2), { ...before, bullets: [...before.bullets, ...last.bullets] }];
  }
  const printed = new Set(sections.flatMap((s) => s.bullets.flatMap((b) => Object.keys(b).filter((k) => k !== 'cite'))));
  // The gauges read together close the section that holds them (open interest's, else funding's).
  const reading = composeReading(ctx, day, printed.has('basis'));
  const gauges = sections.find((s) => s.bullets.some((b) => b.openInterest)) ?? sections.find((s) => s.bullets.some((b) => b.funding));
  if (reading && gauges) gauges.reading = reading;
  const flowsReading = composeFlowsReading(ctx, day);
  const flows = sections.find((s) => s.bullets.some((b) => b.exchangeFlows));
  if (flowsReading && flows && sections.some((s) => s.bullets.some((b) => b.etfFlows))) flows.flowsReading = flowsReading;

  const positioning = composePositioning(ctx, day, printed);
  const positioningSection: Section = { id: 'positioning', bullets: [], charts: [], positioning };
  if (macro) {
    // Still too many: the macro paragraphs open the positioning section instead of their own.
    if (sections.length + prose > MAX_SECTIONS) positioningSection.macro = macro;
    else sections.push({ id: 'macro', bullets: [], charts: [], macro });
  }
  if (positioning.bulls.length + positioning.bears.length > 0 || positioningSection.macro) sections.push(positioningSection);
  const path = composePath(ctx, day);
  const outlook = composeOutlook(ctx, move, day);
  outlook.leverageRising = day.rally && reading !== undefined && (reading.rose.funding || reading.rose.basis);
  outlook.afterDecline = path?.prior?.down === true && path.prior.trend;
  // Only a split (both sides heard) has a crux; it names the outlook's nearest levels.
  const [support] = outlook.supports;
  const [resistance] = outlook.resistances;
  if (positioning.bulls.length > 0 && positioning.bears.length > 0 && (day.crash || day.rally) && support && resistance)
    positioning.crux = {
      asset: outlook.asset,
      support: support.price,
      resistance: resistance.price,
      down: day.crash,
      up: day.rally,
      flushed: outlook.leverageFlushed,
      fundingNegative: (ctx.one('funding_flip', ctx.primary)?.weightedCurrentPer8h ?? 0) < 0,
      afterDecline: outlook.afterDecline,
      positionsGrew: positionsMoved(ctx).grew,
    };
  sections.push({ id: 'outlook', bullets: [], charts: [], outlook });

  const leadCharts: Chart[] = [];
  for (const chart of input.charts) {
    const ref = chartOf(chart);
    if (!ref) continue;
    const key = CHART_BULLET[chart.id];
    const home = key ? sections.find((s) => s.bullets.some((b) => b[key] !== undefined)) : undefined;
    if (chart.id === 'price' || !home) leadCharts.push(ref);
    else home.charts.push(ref);
  }

  // The cross-asset bullets already compare each asset with the lead asset: no group sentence beside them.
  const breadth = sections.some((s) => s.id === 'crossAsset') ? undefined : composeBreadth(ctx, day);
  const publication = input.config.publication;
  const links = publication.links.flatMap((l) => {
    const url = mdUrl(l.url);
    return url ? [{ label: md(l.label[lang]), url }] : [];
  });

  const model: BriefModel = {
    lang,
    date: input.findings.date,
    title: headline.title,
    description: headline.description,
    publicationName: publication.name[lang],
    headline: md(headline.title),
    publication: md(publication.name[lang]),
    day,
    lead,
    leadCharts,
    ...(path ? { path } : {}),
    ...(breadth ? { breadth } : {}),
    sections,
    gaps: composeGaps(ctx),
    liquidationsLowerBound: Boolean(lead.liquidations?.lowerBound),
    footer: { links, publication: md(publication.name[lang]) },
    sources: { notes: [], reconstructed: false, replayed: false },
  };
  // Footnotes are numbered once the model is whole: in print order, over what survived layout.
  ctx.citations.apply(model);
  return model;
}
