/**
 * Splits a chart's vega-lite spec into its shape and its day's values, so that one compiled
 * and parsed vega dataflow can draw the same kind of chart for many days (shape-cache.ts).
 *
 * What a day changes in a chart is lifted out of the spec:
 *   - inline data (`data: {values}`) becomes a named data source, filled per render;
 *   - scale domains and axis tick values (arrays, DateTime objects as epoch ms, UTC) become
 *     vega-lite params read through `{expr}`;
 *   - title, subtitle and axis title strings become placeholder tokens that shape-cache.ts turns
 *     into vega signals after compiling (vega-lite takes a subtitle only as text).
 * What is left (mark types, encodings, styles, the number of layers) is the shape: its JSON is
 * the cache key. Only values the spec itself holds are moved, and only into positions vega reads
 * the same way, so a cached View draws exactly what a fresh one would (tested byte for byte).
 */
import type { TopLevelSpec } from 'vega-lite';

export interface HoistedSpec {
  /** The spec without its day's values: what is compiled once. */
  shape: TopLevelSpec;
  /** JSON of `shape`: two specs with the same key differ only in hoisted values. */
  key: string;
  /** Named data source → rows. */
  datasets: Map<string, unknown[]>;
  /** Signal name → value (params and texts). */
  signals: Map<string, unknown>;
  /** Placeholder token → signal name, for the strings replaced after compiling. */
  textTokens: Map<string, string>;
}

const PREFIX = 'hoisted_';
/** Tokens never occur in chart text: the private-use area delimits them. */
const TOKEN_MARK = '\uE000';

export function textToken(signal: string): string {
  return `${TOKEN_MARK}${signal}${TOKEN_MARK}`;
}

/** Whether a compiled vega spec still holds a text token (vega-lite changed the string). */
export function containsTextToken(json: string): boolean {
  return json.includes(TOKEN_MARK);
}

interface DateTimeUtc {
  utc: true;
  year: number;
  month: number;
  date: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
}

const DATE_TIME_KEYS = new Set(['utc', 'year', 'month', 'date', 'hours', 'minutes', 'seconds', 'milliseconds']);

function isUtcDateTime(value: unknown): value is DateTimeUtc {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (
    record.utc === true &&
    Object.keys(record).every((k) => DATE_TIME_KEYS.has(k)) &&
    ['year', 'month', 'date'].every((k) => Number.isInteger(record[k])) &&
    ['hours', 'minutes', 'seconds', 'milliseconds'].every((k) => record[k] === undefined || Number.isFinite(record[k]))
  );
}

/** A DateTime (month 1–12, UTC) as epoch ms. */
function utcMs(d: DateTimeUtc): number {
  return Date.UTC(d.year, d.month - 1, d.date, d.hours ?? 0, d.minutes ?? 0, d.seconds ?? 0, d.milliseconds ?? 0);
}

/** An array of numbers, strings or UTC DateTimes as a param value; undefined if it holds anything else. */
function arrayValue(values: unknown[]): unknown[] | undefined {
  if (values.every((v) => typeof v === 'number' || typeof v === 'string')) return values;
  if (values.every(isUtcDateTime)) return values.map(utcMs);
  return undefined;
}

export function hoistSpec(spec: TopLevelSpec): HoistedSpec {
  const datasets = new Map<string, unknown[]>();
  const signals = new Map<string, unknown>();
  const textTokens = new Map<string, string>();
  const params: { name: string; value: unknown }[] = [];
  let counter = 0;
  const nextName = (kind: string) => `${PREFIX}${kind}${counter++}`;

  // Equal values share one name: layers that repeat a domain must keep repeating the same
  // thing, or vega-lite would see conflicting domains (and warn) where it saw one.
  const paramNames = new Map<string, string>();
  const param = (value: unknown): { expr: string } => {
    const json = JSON.stringify(value);
    let name = paramNames.get(json);
    if (!name) {
      name = nextName('p');
      paramNames.set(json, name);
      params.push({ name, value });
      signals.set(name, value);
    }
    return { expr: name };
  };
  const textNames = new Map<string, string>();
  const text = (value: string): string => {
    let name = textNames.get(value);
    if (!name) {
      name = nextName('t');
      textNames.set(value, name);
      textTokens.set(textToken(name), name);
      signals.set(name, value);
    }
    return textToken(name);
  };

  const walk = (node: unknown, parentKey: string | undefined): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, undefined));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'data' && isInlineData(value)) {
        const name = nextName('d');
        datasets.set(name, value.values);
        out[key] = { name };
      } else if (key === 'domain' && parentKey === 'scale' && Array.isArray(value) && arrayValue(value)) {
        out[key] = param(arrayValue(value));
      } else if (key === 'values' && parentKey === 'axis' && Array.isArray(value) && arrayValue(value)) {
        out[key] = param(arrayValue(value));
      } else if ((key === 'text' || key === 'subtitle') && parentKey === 'title' && typeof value === 'string') {
        out[key] = text(value);
      } else if (key === 'title' && parentKey === 'axis' && typeof value === 'string') {
        out[key] = text(value);
      } else if (key === 'title' && parentKey === undefined && typeof value === 'string') {
        out[key] = { text: text(value) };
      } else {
        out[key] = walk(value, key);
      }
    }
    return out;
  };

  const shaped = walk(spec, undefined) as TopLevelSpec & { params?: unknown[] };
  if (params.length > 0) shaped.params = [...(shaped.params ?? []), ...params.map(({ name }) => ({ name, value: null }))];
  return { shape: shaped, key: JSON.stringify(shaped), datasets, signals, textTokens };
}

function isInlineData(value: unknown): value is { values: unknown[] } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'values' && Array.isArray((value as { values: unknown }).values);
}
