/**
 * The brief model: what compose hands the templates, one per language.
 *
 * Templates choose words; the model carries figures and facts. Every template-facing string is
 * `Md` (Markdown-safe: escaped data, or formatted figures); `title`, `description` and
 * `publicationName` are plain text for the page and feeds and are not printed by templates (lint
 * refuses them; templates print `headline` and `publication`). Flags (booleans) let templates
 * pick wording for the state of the market; optional objects are present only when the data is.
 *
 * The zod schema is the single source of truth: the type is inferred from it, tests validate
 * compose's output with it, and `brief lint` walks templates against it to find fields that do
 * not exist.
 */
import { z } from 'zod';
import { CATALYST_KINDS } from '../analysis/index.js';
import { BulletSchema } from './model-bullets.js';
import { ChartSchema, cite, flag, md, SourceLinkSchema } from './model-parts.js';
import { LeadSchema } from './model-lead.js';
import { PathSchema } from './model-path.js';
import { BreadthSchema, FlowsReadingSchema, ReadingSchema } from './model-reading.js';
import { PositioningSchema, type PointSchema } from './model-positioning.js';

/** One data series a footnote names: the series behind figures in the text, and how current it was. */
const SeriesNoteSchema = z.strictObject({
  provider: md,
  /** The API endpoint (no secrets), as an inline code span. */
  endpoint: md,
  /** The series' as-of time on the wall clock of the brief's zone: zh "2024-01-04 23:00", en "4 January 2024 23:00". */
  asOf: md,
  utc8: flag,
  offset: md,
  /** Rebuilt from a published article's figures, not fetched (the bundled example). */
  reconstructed: flag,
  /** Replayed from a recording of the providers' responses. */
  replayed: flag,
});

/** One footnote: a sentence carries one marker, and its note lists every series the sentence draws on. */
const SourceNoteSchema = z.strictObject({
  /** The footnote's number, in order of first use ("1"). */
  label: md,
  series: z.array(SeriesNoteSchema).min(1),
});

const SourcesSchema = z.strictObject({
  notes: z.array(SourceNoteSchema),
  /** Some note is reconstructed / replayed. */
  reconstructed: flag,
  replayed: flag,
});

/** The state of the day, decided from the findings; one is true. */
const DaySchema = z.strictObject({
  crash: flag,
  rally: flag,
  range: flag,
  /**
   * A range day that barely moved: the close within systemic.moveFractionMin of the previous close
   * and no historical rank. Only this is "a tight range" / 窄幅震荡 with no word on a trigger; a
   * range day that closed 2.3 % lower is worded by its close.
   */
  tight: flag,
  /** Several assets moved together beyond the systemic threshold. */
  multiAsset: flag,
  /** Shorts held at least `liquidations.longShareMin` of the liquidations (the short_squeeze claim): "short squeeze" / "空头回补". */
  shortSqueeze: flag,
  /** The leverage_flush claim (a large multiple of the median, longs dominant, OI fell): "杠杆出清" / "flush". */
  leverageFlush: flag,
  /**
   * A crash or rally by the intraday swing alone: the close moved less than price.moveFractionMin
   * from the previous close. The lead then says how much of the swing the close won back.
   */
  intradayOnly: flag,
  /** The brief's US session precedes the lead asset's first spot-ETF session: the funds are not "ETFs" in a heading either. */
  beforeSpotEtfs: flag,
});

// ---------------------------------------------------------------- prose sections

const MacroEventSchema = z.strictObject({
  time: md,
  name: md,
  text: md,
  implied: z
    .strictObject({ label: md, before: md, after: md, count: flag, percent: flag, basisPoints: flag, lower: flag, higher: flag })
    .optional(),
  trigger: flag,
  source: SourceLinkSchema,
});

/** The last US session's macro moves (the plan's), with the reading each licensed move allows. */
const MacroSessionSchema = z.strictObject({
  date: md,
  /** The series' providers ("Yahoo Finance"): the paragraph names its source, as every data family does. */
  sources: md,
  moves: z.array(
    z.strictObject({
      name: md,
      /** "0.4%" or, for a yield, "18.5 个基点" / "18.5 bp" (the unit in the template). */
      change: md,
      close: md,
      up: flag,
      down: flag,
      yield: flag,
      fired: flag,
    }),
  ),
  /** The lead asset's day ended lower: a tech rally is said not to have carried crypto with it. */
  cryptoDown: flag,
  /** An equity index fell past its threshold: risk-off. */
  riskOff: flag,
  riskOn: flag,
  /** The 10-year yield fell (rose) past its threshold. */
  yieldsDown: flag,
  yieldsUp: flag,
  dollarDown: flag,
  dollarUp: flag,
  /** Any move past its threshold: a macro shock the brief may call one. */
  shock: flag,
  /**
   * The scheduled releases the session carried (day_plan.macroReleases), named when the desk gave
   * no macro note: the paragraph's dated event. The moves are the session's, not the release's.
   */
  /** The session's early close on New York's clock ("13:00") / the US holidays since it, by date (day_plan.macroSession). */
  earlyClose: md.optional(),
  closedDays: md.optional(),
  releases: z.array(
    z.strictObject({
      name: md,
      /** New York clock time ("08:30"): the session's own clock. */
      time: md,
      /** The same instant in the brief's zone, with its date, as the lead and the path give it. */
      local: md,
      source: SourceLinkSchema,
    }),
  ),
  /**
   * No move past its threshold, no macro note, and the day's leverage claim fired (leverage_flush
   * on a crash, short_squeeze on a rally): the long-form brief places the move in crypto's own
   * positioning rather than in the macro tape.
   */
  internal: flag,
  ...cite,
});

const MacroSchema = z.strictObject({
  events: z.array(MacroEventSchema),
  session: MacroSessionSchema.optional(),
  /** The primary asset's close-to-close change, to set the event beside the move. */
  asset: md,
  change: md,
  down: flag,
  /** The closing sentence's sources (the asset's move). */
  ...cite,
});

const LevelSchema = z.strictObject({
  price: md,
  round: flag,
  swingLow: flag,
  swingHigh: flag,
  cluster: flag,
  /** The window's own low (a support) or high (a resistance). */
  dayLow: flag,
  dayHigh: flag,
  /** A support the day traded below and closed above: broken and reclaimed intraday. */
  reclaimed: flag,
  /** A resistance the day traded above and closed below. */
  rejected: flag,
  date: md.optional(),
});

const WindowSchema = z.strictObject({
  date: md,
  name: md,
  text: md.optional(),
  source: SourceLinkSchema.optional(),
  /** A futures expiry derived from the basis data, not a note. */
  expiry: flag,
  /**
   * A curated release or a futures expiry without a desk note on it: which kind, so the long-form
   * brief can say what the release bears on (the wire lists the date and name only).
   */
  kind: z.enum(CATALYST_KINDS).optional(),
  ...cite,
});

const WatchItemSchema = z.strictObject({
  ...cite,
  reclaim: z.strictObject({ asset: md, level: md, support: md.optional() }).optional(),
  hold: z.strictObject({ asset: md, level: md, resistance: md.optional() }).optional(),
  breakout: z.strictObject({ asset: md, low: md, high: md }).optional(),
  catalyst: z.strictObject({ date: md, name: md }).optional(),
  expiry: z.strictObject({ date: md, tenor: md, venue: md }).optional(),
  funding: z.strictObject({ current: md }).optional(),
  etfFlows: z.strictObject({ asset: md, inflow: flag }).optional(),
  volatility: z.strictObject({ index: md, current: md }).optional(),
});

const OutlookSchema = z.strictObject({
  asset: md,
  reference: md,
  supports: z.array(LevelSchema),
  resistances: z.array(LevelSchema),
  windows: z.array(WindowSchema),
  watch: z.array(WatchItemSchema),
  /** For the summary sentence. */
  down: flag,
  up: flag,
  flat: flag,
  /**
   * A range day's first dated release (not an expiry) within IMMINENT_DAYS after the brief's day:
   * the synthesis says the market waits for it, never "no catalyst" the day before CPI.
   */
  imminent: z.strictObject({ date: md, name: md }).optional(),
  leverageFlushed: flag,
  /**
   * A drop without a flush, read from its evidence: open interest fell by several times the
   * liquidations (the voluntary_deleveraging claim), the close stayed near the low
   * (price_path.retrace.nearExtreme) or took back most of the fall (retrace.recovered).
   */
  voluntary: flag,
  nearLow: flag,
  recovered: flag,
  /** Coins flowed onto exchanges on net (exchange-supply.ts): the synthesis does not call the selling done. */
  exchangeInflow: flag,
  /** On a rally, funding or basis rose past its threshold (reading.ts): the synthesis says leverage is building, not "if". */
  leverageRising: flag,
  /** Coins held fell (positions.ts): on a rally, the rise is in the cost of leverage, not its size. */
  positionsShrank: flag,
  /** The 30 days before fell as a trend (path.prior): a broken support extends that fall, it gives back no gains. */
  afterDecline: flag,
  /** The calendar covers the catalyst horizon and lists nothing in it, nor do the notes. */
  noCatalyst: flag,
  /** The horizon in days (`catalysts.horizonDays`). */
  horizonDays: md,
  /** Releases whose official schedule the calendar does not hold through the horizon, listed. */
  unsourced: md.optional(),
  /** The price-structure paragraph's sources (key levels). */
  ...cite,
});

const GapSchema = z.strictObject({
  what: md,
  source: md.optional(),
  why: md,
  /** The data does not exist for this day (e.g. before a product launched), rather than failed. */
  notApplicable: flag,
  /** Nothing was fetched for it at all (no source connected), rather than a fetch that failed. */
  absent: flag,
  /** Another provider stood in (`why` says which): the figures are there, from the substitute. */
  substituted: flag.optional(),
  /** Data arrived but a check left part of it out or found hours missing (`why` says what it touches). */
  checked: flag.optional(),
});

const SectionSchema = z.strictObject({
  /** Which section this is; templates pick the heading and the body by id. */
  id: z.enum(['crossAsset', 'leverage', 'derivatives', 'flows', 'inflows', 'structure', 'onchain', 'macro', 'positioning', 'outlook']),
  bullets: z.array(BulletSchema),
  charts: z.array(ChartSchema),
  macro: MacroSchema.optional(),
  positioning: PositioningSchema.optional(),
  outlook: OutlookSchema.optional(),
  /** After a data section's bullets and charts: the leverage gauges read together (long-form brief). */
  reading: ReadingSchema.optional(),
  /** After the section with the exchange-flow bullet: the ETF and exchange flows read together (long-form brief). */
  flowsReading: FlowsReadingSchema.optional(),
});

export const BriefModelSchema = z.strictObject({
  lang: z.enum(['zh', 'en']),
  /** The brief's day, YYYY-MM-DD in the snapshot's timezone. */
  date: z.string(),
  /** Plain text (not for templates): headline for the page title, feeds and PDF header. */
  title: z.string().min(1),
  /** Plain text (not for templates): one sentence for feeds and meta. */
  description: z.string().min(1),
  /** Plain text (not for templates). */
  publicationName: z.string().min(1),
  headline: md,
  publication: md,
  day: DaySchema,
  lead: LeadSchema,
  /** The price chart, under the lead. */
  leadCharts: z.array(ChartSchema),
  /** Under the price chart: how the move unfolded and what came before it (crash and rally days). */
  path: PathSchema.optional(),
  /** After the path: the other assets against the lead asset as a group (long-form brief). */
  breadth: BreadthSchema.optional(),
  sections: z.array(SectionSchema),
  gaps: z.array(GapSchema),
  /** Liquidation totals come only from sampled streams: say the real figure may be higher. */
  liquidationsLowerBound: flag,
  footer: z.strictObject({ links: z.array(z.strictObject({ label: md, url: md })), publication: md }),
  /** The footnotes the text's `cite`s point to, numbered in order of first use. */
  sources: SourcesSchema,
});

export type BriefModel = z.infer<typeof BriefModelSchema>;
export type BriefLead = z.infer<typeof LeadSchema>;
export type Bullet = z.infer<typeof BulletSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type SectionId = Section['id'];
export type Point = z.infer<typeof PointSchema>;
export type Outlook = z.infer<typeof OutlookSchema>;
export type WatchItem = z.infer<typeof WatchItemSchema>;
export type Positioning = z.infer<typeof PositioningSchema>;
export type Macro = z.infer<typeof MacroSchema>;
export type Chart = z.infer<typeof ChartSchema>;
export type SourceLink = z.infer<typeof SourceLinkSchema>;
export type BriefGap = z.infer<typeof GapSchema>;
export type LevelRef = z.infer<typeof LevelSchema>;
export type SourceNote = z.infer<typeof SourceNoteSchema>;
export type SeriesNote = z.infer<typeof SeriesNoteSchema>;
export type TimeWindow = z.infer<typeof WindowSchema>;

/** Fields templates must not print: plain text, not escaped for Markdown. */
export const PLAIN_TEXT_FIELDS: readonly string[] = ['title', 'description', 'publicationName'];
