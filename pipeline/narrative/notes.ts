/**
 * Editorial notes: what no API publishes, written by the desk for one brief date and woven into
 * the brief by compose. One file per date (YAML or JSON), beside the snapshot:
 * `snapshots/<date>.notes.yaml`.
 *
 * Every note carries its text in both languages (zh and en must carry the same facts) and a
 * source with a link. Numbers inside note text are printed as written (they are the desk's);
 * structured figures (coin amounts, market-implied quantities) are formatted like the data.
 *
 * Kinds:
 * - `macro`: a dated macro event (FOMC minutes, CPI) and, ideally, a market-implied quantity
 *   that moved (rate cuts priced for the year). With `trigger: true` the lead cites it as the
 *   day's trigger. Macro paragraphs come only from these notes, never from invented context.
 * - `entity_move`: a labelled entity moved coins ("a fund's labelled wallet sent 2,000 BTC to
 *   an exchange"). Labels are attributions by the named source, and the brief says so.
 * - `remark`: an analyst's or desk's view, with its stance (bullish / bearish / neutral); the
 *   positioning section hears both sides from these.
 * - `catalyst`: an upcoming dated event for the watchlist and the time-window paragraph.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty').max(600, 'at most 600 characters');
const shortText = z.string().trim().min(1, 'must not be empty').max(120, 'at most 120 characters');

/** The same words in both languages. */
export const LocalizedSchema = z.strictObject({ zh: text, en: text });
export const ShortLocalizedSchema = z.strictObject({ zh: shortText, en: shortText });

export const NoteSourceSchema = z.strictObject({
  /** Who published it: "CME FedWatch", "Arkham Intelligence", "Bloomberg". */
  name: shortText,
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
});

/** An instant with its offset, e.g. 2024-01-04T03:00:00+08:00. */
const instant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 time with offset, e.g. 2024-01-04T03:00:00+08:00' });
const isoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
const amount = z.number().positive();

export const ImpliedQuantitySchema = z.strictObject({
  /** What the market prices: "联邦基金利率期货隐含的 2024 年降息次数" / "rate cuts priced for 2024 in fed funds futures". */
  label: ShortLocalizedSchema,
  /**
   * Unit of `before` and `after` as written by the desk: a count (cuts), a percentage as written
   * (68.5 = 68.5 %, e.g. a probability), or basis points.
   */
  unit: z.enum(['count', 'percent', 'basis-points']),
  before: z.number(),
  /** A value, or a range where the desk's sources disagree. */
  after: z.union([z.number(), z.strictObject({ low: z.number(), high: z.number() })]),
});

export const MacroNoteSchema = z.strictObject({
  kind: z.literal('macro'),
  time: instant,
  /** A short noun phrase the lead can cite: "美联储 12 月会议纪要" / "the Fed's December minutes". */
  name: ShortLocalizedSchema,
  /** What happened and what it said, one or two sentences. */
  text: LocalizedSchema,
  implied: ImpliedQuantitySchema.optional(),
  /** Cite this event as the day's trigger in the lead. */
  trigger: z.boolean().default(false),
  source: NoteSourceSchema,
});

export const EntityMoveNoteSchema = z.strictObject({
  kind: z.literal('entity_move'),
  time: instant,
  /** The entity as the labelling source names it: "某基金标记钱包" / "a fund's labelled wallet". */
  entity: ShortLocalizedSchema,
  action: z.enum(['deposit_to_exchange', 'withdraw_from_exchange', 'sale', 'purchase', 'transfer']),
  asset: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'expected an upper-case ticker such as BTC'),
  amountCoins: amount,
  /** USD value at the time, when the source gives one. */
  amountUsd: amount.optional(),
  /** The other side: "Coinbase", "某交易所" / "an exchange". */
  counterparty: ShortLocalizedSchema.optional(),
  /** What the desk reads into it (optional, one sentence). */
  text: LocalizedSchema.optional(),
  source: NoteSourceSchema,
});

export const RemarkNoteSchema = z.strictObject({
  kind: z.literal('remark'),
  /** Who said it: "QCP Capital", "某做市商交易员" / "a market maker's trader". */
  speaker: ShortLocalizedSchema,
  stance: z.enum(['bullish', 'bearish', 'neutral']),
  /** The view, paraphrased. */
  text: LocalizedSchema,
  time: instant.optional(),
  source: NoteSourceSchema,
});

export const CatalystNoteSchema = z.strictObject({
  kind: z.literal('catalyst'),
  /** The day of the event (in the brief's timezone), and the time when known. */
  date: isoDate,
  time: instant.optional(),
  /** "美国 12 月 CPI 公布" / "US December CPI release". */
  name: ShortLocalizedSchema,
  /** Why it matters, ideally as a conditional ("若…则…" / "a hotter print would …"). */
  text: LocalizedSchema.optional(),
  source: NoteSourceSchema,
});

export const NoteSchema = z.discriminatedUnion('kind', [MacroNoteSchema, EntityMoveNoteSchema, RemarkNoteSchema, CatalystNoteSchema]);

export const NotesSchema = z.strictObject({
  /** The brief's date these notes are for (must match the snapshot). */
  date: isoDate,
  notes: z.array(NoteSchema).max(40, 'at most 40 notes per brief'),
});

export type Notes = z.infer<typeof NotesSchema>;
export type Note = z.infer<typeof NoteSchema>;
export type MacroNote = z.infer<typeof MacroNoteSchema>;
export type EntityMoveNote = z.infer<typeof EntityMoveNoteSchema>;
export type RemarkNote = z.infer<typeof RemarkNoteSchema>;
export type CatalystNote = z.infer<typeof CatalystNoteSchema>;
export type NoteSource = z.infer<typeof NoteSourceSchema>;
export type Localized = z.infer<typeof LocalizedSchema>;
