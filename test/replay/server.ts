/**
 * The loopback replay server: node:http on 127.0.0.1 with a random port, one path prefix per
 * provider (`http://127.0.0.1:PORT/binance/api/v3/klines?...`), so every provider's base URL can
 * point at it and the real fetch code runs over real sockets.
 *
 * Scenario DSL: a scenario matches a provider (and optionally a path) and answers its matching
 * requests with its steps in order; when they run out, the fallback answers (the fake market or
 * recorded fixtures). A step sets `status`, `headers`, `body` (or `json`), `delayHeadersMs`,
 * `trickle` (bytes per chunk and interval), `truncateAt` (a complete response with the body cut),
 * `resetAfterBytes` (socket destroyed mid-body), `closeBeforeHeaders`, or `hang` (never answers).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Step {
  status?: number;
  headers?: Record<string, string>;
  /** Raw body text. */
  body?: string;
  /** Body as JSON (serialised with JSON.stringify). */
  json?: unknown;
  /** Body as raw bytes (e.g. gzip), sent as is. */
  bytes?: Buffer;
  delayHeadersMs?: number;
  trickle?: { chunkBytes: number; intervalMs: number };
  truncateAt?: number;
  resetAfterBytes?: number;
  closeBeforeHeaders?: boolean;
  hang?: boolean;
  /** Computes the step from the request (e.g. a healthy answer with one field changed). */
  derive?: (path: string, query: URLSearchParams) => Step;
}

export interface Scenario {
  provider: string;
  path?: string | RegExp;
  /** Query parameters the request must have (a subset match). */
  query?: Record<string, string>;
  steps: Step[];
}

export interface RequestRecord {
  provider: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  at: number;
}

export type Fallback = (provider: string, path: string, query: URLSearchParams) => Step | undefined;

export interface ReplayServer {
  readonly port: number;
  baseUrl(provider: string): string;
  /** Every request received, in order. */
  readonly requests: RequestRecord[];
  requestsTo(provider: string, path?: string): RequestRecord[];
  addScenario(scenario: Scenario): void;
  setFallback(fallback: Fallback): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startReplayServer(fallback?: Fallback): Promise<ReplayServer> {
  const requests: RequestRecord[] = [];
  let scenarios: Array<Scenario & { next: number }> = [];
  let answer: Fallback | undefined = fallback;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const later = (ms: number, fn: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  function pickStep(provider: string, path: string, query: URLSearchParams): Step {
    for (const scenario of scenarios) {
      if (scenario.provider !== provider) continue;
      if (scenario.path !== undefined && !(typeof scenario.path === 'string' ? scenario.path === path : scenario.path.test(path))) continue;
      if (scenario.query && Object.entries(scenario.query).some(([name, value]) => query.get(name) !== value)) continue;
      if (scenario.next < scenario.steps.length) {
        const step = scenario.steps[scenario.next++]!;
        return step.derive ? step.derive(path, query) : step;
      }
    }
    return answer?.(provider, path, query) ?? { status: 404, json: { error: `no fixture for ${provider} ${path}` } };
  }

  function send(res: ServerResponse, step: Step): void {
    if (step.hang) return;
    if (step.closeBeforeHeaders) {
      res.socket?.destroy();
      return;
    }
    const full = step.bytes ?? Buffer.from(step.body ?? (step.json !== undefined ? JSON.stringify(step.json) : ''), 'utf8');
    const body = step.truncateAt !== undefined ? full.subarray(0, step.truncateAt) : full;
    const headers: Record<string, string> = {
      'content-type': step.json !== undefined ? 'application/json;charset=UTF-8' : 'text/plain',
      'content-length': String(step.resetAfterBytes !== undefined ? full.length : body.length),
      ...step.headers,
    };
    const write = (): void => {
      res.writeHead(step.status ?? 200, headers);
      if (step.resetAfterBytes !== undefined) {
        res.write(body.subarray(0, step.resetAfterBytes), () => res.socket?.destroy());
        return;
      }
      if (step.trickle) {
        const { chunkBytes, intervalMs } = step.trickle;
        let offset = 0;
        const pump = (): void => {
          if (res.destroyed) return;
          const chunk = body.subarray(offset, offset + chunkBytes);
          offset += chunkBytes;
          if (offset >= body.length) res.end(chunk);
          else {
            res.write(chunk);
            later(intervalMs, pump);
          }
        };
        pump();
        return;
      }
      res.end(body);
    };
    if (step.delayHeadersMs) later(step.delayHeadersMs, () => !res.destroyed && write());
    else write();
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, provider = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    requests.push({ provider, path, query: url.searchParams, headers: req.headers, at: Date.now() });
    send(res, pickStep(provider, path, url.searchParams));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    requests,
    baseUrl: (provider) => `http://127.0.0.1:${port}/${provider}`,
    requestsTo: (provider, path) => requests.filter((r) => r.provider === provider && (path === undefined || r.path === path)),
    addScenario: (scenario) => scenarios.push({ ...scenario, next: 0 }),
    setFallback: (fallback) => {
      answer = fallback;
    },
    reset: () => {
      scenarios = [];
      requests.length = 0;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
