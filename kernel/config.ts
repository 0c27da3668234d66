/**
 * Run configuration: timezone, assets, ETF tickers, providers' base URLs and limits, analysis
 * thresholds, and the publication's footer. Defaults live here; a JSON file given with
 * `--config FILE` (or BRIEF_CONFIG) overrides them, and `BRIEF_<PROVIDER>_URL` overrides a
 * provider's base URL (provider id upper-cased, dashes as underscores).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError, formatZodIssues } from './errors.js';
import { parseStrictJson } from './json.js';
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from './providers.js';
import { ThresholdsSchema } from './thresholds.js';
import { AssetSchema } from './snapshot/schema.js';

export const ProviderConfigSchema = z.strictObject({
  baseUrl: z.url().optional(),
  enabled: z.boolean().default(true),
  /** Requests in flight at once. */
  concurrency: z.number().int().positive().optional(),
  /** Minimum spacing between requests, ms. */
  minIntervalMs: z.number().nonnegative().optional(),
  /** Per-request deadline covering headers and body, ms. */
  timeoutMs: z.number().positive().optional(),
});

const LengthRangeSchema = z.strictObject({ min: z.number().int().nonnegative(), max: z.number().int().positive() });
const PerLangLengthSchema = z.strictObject({ zh: LengthRangeSchema, en: LengthRangeSchema });

/**
 * House-style length of a brief's body (pipeline/check/length.ts counts it): zh in 字, en in words.
 * A sharp-move day (the findings' day type crash or rally) gets the genre's full length, zh
 * 2,000–3,000 字 and en a wire wrap of 600–900 words; a quiet (range) day says less.
 */
export const BriefLengthSchema = z.strictObject({ sharp: PerLangLengthSchema, quiet: PerLangLengthSchema });

export const LinkSchema = z.strictObject({ label: z.strictObject({ zh: z.string(), en: z.string() }), url: z.url() });

export const ConfigSchema = z.strictObject({
  /** IANA zone of the brief's calendar day. */
  timezone: z.string().default('Asia/Shanghai'),
  /**
   * The en brief's dateline and weekday: the brief's own zone by default, because the en body
   * gives its hours in that zone ("22:00 UTC+8") and a dateline in another zone beside them mixes
   * windows (two editors' finding on "12 January (ET)"). New York time (ET) or UTC for a desk that
   * wants its readers' date; the weekday is always the dateline's own.
   */
  enDateline: z.enum(['ET', 'UTC', 'brief']).default('brief'),
  assets: z.array(AssetSchema).min(1).default(['BTC']),
  /** Spot ETFs per asset, by ticker. */
  etfs: z.record(AssetSchema, z.array(z.string())).default({ BTC: ['IBIT', 'FBTC', 'GBTC', 'ARKB', 'BITB'] }),
  /** Optional macro series (Yahoo symbols). */
  macro: z.array(z.strictObject({ symbol: z.string(), name: z.string() })).default([
    { symbol: 'DX-Y.NYB', name: 'US Dollar Index' },
    { symbol: '^TNX', name: 'US 10-year yield' },
    { symbol: '^IXIC', name: 'Nasdaq Composite' },
  ]),
  /** Providers without whose BTC price no brief is written (exit 3); by default those the descriptors mark core. */
  coreSources: z
    .array(z.enum(PROVIDER_IDS))
    .min(1)
    .default(PROVIDER_IDS.filter((id) => PROVIDERS[id].core)),
  /** Per provider (by id; an unknown id is an error, not ignored): base URL and pacing overrides. */
  providers: z.partialRecord(z.enum(PROVIDER_IDS), ProviderConfigSchema).default({}),
  thresholds: ThresholdsSchema.default(ThresholdsSchema.parse({})),
  briefLength: BriefLengthSchema.default({
    sharp: { zh: { min: 2000, max: 3000 }, en: { min: 600, max: 900 } },
    quiet: { zh: { min: 1000, max: 2000 }, en: { min: 400, max: 900 } },
  }),
  publication: z
    .strictObject({
      name: z.strictObject({ zh: z.string(), en: z.string() }),
      links: z.array(LinkSchema),
      /**
       * Absolute URL of the published site, e.g. https://team.github.io/briefs/: feeds get
       * absolute links and ids, pages canonical and og: tags. Without it links stay relative.
       */
      siteUrl: z.url().optional(),
    })
    .default({
      name: { zh: '加密市场简报', en: 'Crypto Market Brief' },
      links: [],
    }),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ProviderConfig = z.infer<typeof ProviderConfigSchema>;

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});

export async function loadConfig(file: string | undefined): Promise<Config> {
  if (!file) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(file, `cannot read config (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  // A file states only what it changes: its objects are merged into the defaults (lists and
  // values replace them), so `{"publication": {"siteUrl": …}}` alone keeps the default name.
  const result = ConfigSchema.safeParse(mergeOverDefaults(DEFAULT_CONFIG, parseStrictJson(text, file)));
  if (!result.success) throw new InputError(file, 'does not match the config schema', formatZodIssues(result.error.issues));
  return result.data;
}

/** `override` merged into `base`: plain objects key by key, anything else (lists, values) replaced. */
export function mergeOverDefaults(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    // Own keys only, and never the prototype's name: the file is data.
    if (key === '__proto__') continue;
    merged[key] = Object.hasOwn(base, key) ? mergeOverDefaults(base[key], value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The environment variable that overrides a provider's base URL: `binance-futures` → `BRIEF_BINANCE_FUTURES_URL`. */
export function baseUrlEnvName(providerId: string): string {
  return `BRIEF_${providerId.toUpperCase().replace(/-/g, '_')}_URL`;
}

/** A provider's base URL: environment first, then config, then the provider's default. */
export function resolveBaseUrl(config: Config, providerId: ProviderId, fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[baseUrlEnvName(providerId)] ?? config.providers[providerId]?.baseUrl ?? fallback;
}
