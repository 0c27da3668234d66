/**
 * OKX contract sizes, needed because liquidation sizes come in contracts. Fetched once at start
 * from `GET <base>/api/v5/public/instruments?instType=SWAP` (base URL configurable, default
 * https://www.okx.com, env BRIEF_OKX_URL); if that fails, the documented values below are used
 * and the failure is logged.
 */
import { z } from 'zod';
import { nonEmpty, positiveDecimal } from './decimal.js';
import { describeIssues, isRecord } from './frame.js';

export interface ContractSize {
  /** Contract value: base units per contract (linear), or USD per contract when `ctValCcy` is USD (inverse). */
  ctVal: number;
  ctValCcy: string;
}
export type ContractSizes = ReadonlyMap<string, ContractSize>;

export const OKX_REST_URL = 'https://www.okx.com';

/** CONTRACTS.md §2b: BTC-USDT-SWAP 0.01 BTC, ETH-USDT-SWAP 0.1 ETH. */
export const FALLBACK_CONTRACT_SIZES: ContractSizes = new Map([
  ['BTC-USDT-SWAP', { ctVal: 0.01, ctValCcy: 'BTC' }],
  ['ETH-USDT-SWAP', { ctVal: 0.1, ctValCcy: 'ETH' }],
]);

const EnvelopeSchema = z.object({ code: z.string(), msg: z.string().optional(), data: z.array(z.unknown()) });
const InstrumentSchema = z.object({ instId: nonEmpty, ctVal: positiveDecimal, ctValCcy: nonEmpty });

/** Pure: the instruments response body → contract sizes. Entries without a usable ctVal are skipped. */
export function parseInstruments(body: unknown): { sizes: Map<string, ContractSize>; problems: string[] } {
  const envelope = EnvelopeSchema.safeParse(body);
  if (!envelope.success) return { sizes: new Map(), problems: [describeIssues('okx.instruments', envelope.error)] };
  if (envelope.data.code !== '0') {
    return {
      sizes: new Map(),
      problems: [`okx.instruments: error code ${envelope.data.code} ${JSON.stringify((envelope.data.msg ?? '').slice(0, 80))}`],
    };
  }
  const sizes = new Map<string, ContractSize>();
  const problems: string[] = [];
  envelope.data.data.forEach((raw, i) => {
    const parsed = InstrumentSchema.safeParse(raw);
    if (parsed.success) sizes.set(parsed.data.instId, { ctVal: parsed.data.ctVal, ctValCcy: parsed.data.ctValCcy });
    else if (isRecord(raw)) problems.push(describeIssues(`okx.instruments[${i}]`, parsed.error));
  });
  return { sizes, problems };
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Contract sizes for OKX swaps: the live table merged over the documented fallback; on any
 * failure (network, HTTP status, envelope code, schema) the fallback alone, with a log line.
 */
export async function loadContractSizes(options: {
  baseUrl: string;
  signal: AbortSignal;
  timeoutMs?: number;
  log: (line: string) => void;
}): Promise<ContractSizes> {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/v5/public/instruments?instType=SWAP`;
  const fallback = (why: string): ContractSizes => {
    options.log(`okx: contract sizes not fetched (${why}); using documented values for ${[...FALLBACK_CONTRACT_SIZES.keys()].join(', ')}`);
    return FALLBACK_CONTRACT_SIZES;
  };
  let body: unknown;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs ?? 10_000)]),
      headers: { accept: 'application/json' },
      redirect: 'error',
    });
    if (!response.ok) return fallback(`HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES) return fallback(`body of ${declared} bytes is too large`);
    const text = await response.text();
    if (text.length > MAX_BODY_BYTES) return fallback('body too large');
    body = JSON.parse(text) as unknown;
  } catch (error) {
    return fallback(error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 160) : String(error));
  }
  const { sizes, problems } = parseInstruments(body);
  if (problems.length > 0) options.log(`okx: ${problems.length} instrument entries skipped, first: ${problems[0]}`);
  if (sizes.size === 0) return fallback('no usable instruments in the response');
  options.log(`okx: contract sizes loaded for ${sizes.size} swaps`);
  return new Map([...FALLBACK_CONTRACT_SIZES, ...sizes]);
}
