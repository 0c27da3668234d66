/** Test plumbing for the collector: loopback WebSocket and HTTP servers, temp dirs, polling. */
import { once } from 'node:events';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type WebSocket from 'ws';
import { WebSocketServer } from 'ws';

export const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures');

export async function fixture(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

export interface FakeExchange {
  url: string;
  /** Every connection accepted so far, in order, with the text messages it sent us. */
  connections: { socket: WebSocket; received: string[] }[];
  close(): Promise<void>;
}

/**
 * A WebSocket server on 127.0.0.1, port chosen by the OS. `onMessage` sees each text message a
 * client sends (subscriptions, pings); `onConnection` runs when a client connects.
 */
export async function startFakeExchange(handlers: {
  onConnection?: (socket: WebSocket, index: number) => void;
  onMessage?: (socket: WebSocket, text: string, index: number) => void;
}): Promise<FakeExchange> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const connections: FakeExchange['connections'] = [];
  server.on('connection', (socket) => {
    const index = connections.length;
    const record = { socket, received: [] as string[] };
    connections.push(record);
    socket.on('message', (data) => {
      const text = (data as Buffer).toString('utf8');
      record.received.push(text);
      handlers.onMessage?.(socket, text, index);
    });
    handlers.onConnection?.(socket, index);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    connections,
    close: async () => {
      for (const { socket } of connections) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An HTTP server on 127.0.0.1 answering every request with `status` and `body`. */
export async function startHttp(status: number, body: string): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'collector-test-'));
}

/** Polls `condition` every 10 ms until true; fails after `timeoutMs` with `what`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Short timings so reconnection tests take milliseconds, not seconds. */
export const FAST_TIMING = {
  backoff: { baseMs: 10, capMs: 40 },
  stableAfterMs: 60_000,
  handshakeTimeoutMs: 2000,
};
