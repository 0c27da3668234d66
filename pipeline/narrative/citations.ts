/**
 * Source footnotes: every sentence of the brief that prints figures points at the snapshot series
 * those figures came from (provider, endpoint, as-of time), so a reader can check it.
 *
 * While composing, each model object that prints figures (a bullet, a sentence of the lead, a
 * bulls/bears point, a watch item …) is registered with the findings it was built from. Findings
 * carry `paths` into the snapshot (`prices[1].candles`, `liquidations.totals[0]`); each path
 * resolves to the `provenance` of the series it lies in. Once the model is whole, `apply` walks it
 * in the order the templates print it and gives each object ONE footnote marker (`[^3]`): a
 * sentence with a stack of markers reads as clutter, so its note lists every series the sentence
 * draws on instead (series in order of first use in the brief; identical provider, endpoint, as-of
 * time and method are one series). Objects citing the same set of series share a note; notes are
 * numbered in order of first use. Both languages walk the same model shape, so zh and en carry the
 * same footnotes under the same numbers.
 */
import { formatStamp, formatTime, formatUtcOffset, zonedDate, type Lang } from '../../kernel/locale/index.js';
import type { Finding } from '../analysis/index.js';
import type { Provenance, Snapshot } from '../../kernel/snapshot/index.js';
import { footnoteRefs, md, mdCode, type Md } from './markdown-escape.js';
import type { BriefModel, SeriesNote, SourceNote } from './model.js';
import { providerName } from './names.js';

/** What a figure was computed from: a finding (its `paths`), or snapshot paths directly. */
export type CiteFrom = Pick<Finding, 'paths'> | readonly string[] | undefined;

/** Anything in the model that can carry footnote references. */
interface Citable {
  cite?: Md;
}

const PATH = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\])*$/;
const SEGMENT = /([A-Za-z_]\w*)|\[(\d+)\]/g;

function hasProvenance(value: unknown): value is { provenance: Provenance } {
  return typeof value === 'object' && value !== null && 'provenance' in value && typeof value.provenance === 'object';
}

/**
 * The provenance of the series a snapshot path lies in: the innermost object on the path that
 * carries one (`prices[1].candles` → `prices[1].provenance`). Undefined for a path that names no
 * series (`gaps[0]`, a whole family) or does not exist.
 */
export function provenanceAt(snapshot: Snapshot, path: string): Provenance | undefined {
  if (!PATH.test(path)) return undefined;
  let node: unknown = snapshot;
  let found: Provenance | undefined;
  for (const m of path.matchAll(SEGMENT)) {
    if (typeof node !== 'object' || node === null) return found;
    if (m[1] !== undefined) node = Object.hasOwn(node, m[1]) ? (node as Record<string, unknown>)[m[1]] : undefined;
    else node = Array.isArray(node) ? node[Number(m[2])] : undefined;
    if (hasProvenance(node)) found = node.provenance;
  }
  return found;
}

function keyOf(p: Provenance): string {
  return [p.provider, p.endpoint, p.asOf, p.method].join('\u0000');
}

/** One series of a footnote, its words left to the templates. */
function seriesNote(p: Provenance, lang: Lang, tz: string): SeriesNote {
  const ms = Date.parse(p.asOf);
  const date = zonedDate(ms, tz);
  const time = formatTime(ms, tz);
  const offset = formatUtcOffset(ms, tz);
  return {
    // The name opens the note: "Exchange liquidation feeds …" in en.
    provider: md(providerName(p.provider, lang).replace(/^[a-z]/, (c) => c.toUpperCase())),
    endpoint: mdCode(p.endpoint),
    // zh "2024-01-04 23:00", en "4 January 2024 23:00": the wall clock in the brief's zone.
    asOf: md(formatStamp(date, time, lang)),
    utc8: offset === 'UTC+8',
    offset: md(offset),
    reconstructed: p.method === 'reconstructed',
    replayed: p.method === 'replayed',
  };
}

/** The model's objects that carry footnotes, in the order the templates print them. */
function* citables(model: BriefModel): Generator<Citable> {
  const { lead } = model;
  yield lead;
  for (const part of [lead.liquidations, lead.release, lead.spotLaunch, lead.deleveraging, lead.etfRecord, lead.etfInflow])
    if (part) yield part;
  if (model.path) yield model.path;
  if (model.path?.liquidations) yield model.path.liquidations;
  if (model.path?.prior) yield model.path.prior;
  if (model.path?.prior?.eve) yield model.path.prior.eve;
  for (const section of model.sections) {
    yield* section.bullets;
    // The session paragraph prints its own figures and carries its own note.
    if (section.macro?.session) yield section.macro.session;
    if (section.macro) yield section.macro;
    if (section.positioning) {
      yield* section.positioning.bulls;
      yield* section.positioning.bears;
    }
    if (section.outlook) {
      yield* section.outlook.windows;
      yield section.outlook;
      yield* section.outlook.watch;
    }
  }
}

export class Citations {
  private readonly paths = new Map<object, string[]>();

  constructor(
    private readonly snapshot: Snapshot,
    private readonly lang: Lang,
    private readonly tz: string,
  ) {}

  /** Records that `target` prints figures computed from these findings or paths; returns it. */
  add<T extends object>(target: T & Citable, ...from: CiteFrom[]): T {
    const paths = from.flatMap((f) => (f === undefined ? [] : Array.isArray(f) ? [...(f as readonly string[])] : (f as Finding).paths));
    this.paths.set(target, [...(this.paths.get(target) ?? []), ...paths]);
    return target;
  }

  /** Numbers the notes in print order, sets each registered object's one `cite`, fills `model.sources`. */
  apply(model: BriefModel): void {
    // Series in order of first use: their index orders the series inside a note.
    const series = new Map<string, { index: number; note: SeriesNote }>();
    const labels = new Map<string, number>();
    const notes: SourceNote[] = [];
    for (const target of citables(model)) {
      const paths = this.paths.get(target);
      if (!paths) continue;
      const used = new Map<string, { index: number; note: SeriesNote }>();
      for (const path of paths) {
        const provenance = provenanceAt(this.snapshot, path);
        if (!provenance) continue;
        const key = keyOf(provenance);
        let entry = series.get(key);
        if (entry === undefined) {
          entry = { index: series.size, note: seriesNote(provenance, this.lang, this.tz) };
          series.set(key, entry);
        }
        used.set(key, entry);
      }
      if (used.size === 0) continue;
      const members = [...used.entries()].sort((a, b) => a[1].index - b[1].index);
      const setKey = members.map(([key]) => key).join('\u0001');
      let label = labels.get(setKey);
      if (label === undefined) {
        label = labels.size + 1;
        labels.set(setKey, label);
        notes.push({ label: md(String(label)), series: members.map(([, e]) => e.note) });
      }
      target.cite = footnoteRefs([label]);
    }
    const all = notes.flatMap((n) => n.series);
    model.sources = {
      notes,
      reconstructed: all.some((n) => n.reconstructed),
      replayed: all.some((n) => n.replayed),
    };
  }
}
