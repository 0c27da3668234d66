/**
 * One exchange's WebSocket stream, kept alive: connect, send the subscription, send the
 * exchange's application-level ping on a timer, drop a connection that has gone silent, and
 * reconnect with capped exponential backoff and jitter (resubscribing each time) until the
 * signal aborts. Node 20 has no global WebSocket, hence the `ws` package; `ws` answers the
 * server's protocol pings (Binance) with pongs by itself.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { backoffDelay, sleep, type BackoffOptions } from './backoff.js';
import type { Exchange } from './event.js';
import type { FrameResult } from './frame.js';

export interface StreamSpec {
  exchange: Exchange;
  url: string;
  /** Sent after every (re)connection. */
  subscribeMessages(): string[];
  /** Application-level keep-alive the exchange requires (OKX "ping", Bybit {"op":"ping"}). */
  heartbeat?: { intervalMs: number; message: string };
  /** Without any frame (message, ping or pong) for this long the connection is presumed dead. */
  idleTimeoutMs: number;
  parse(text: string): FrameResult;
}

export interface StreamTiming {
  backoff: BackoffOptions;
  /** A connection that lived this long (or delivered events) resets the backoff. */
  stableAfterMs: number;
  handshakeTimeoutMs: number;
  /** Overrides of the spec's heartbeat interval and idle timeout (tests use short ones). */
  heartbeatMs?: number;
  idleTimeoutMs?: number;
}

export interface StreamHandlers {
  signal: AbortSignal;
  log: (line: string) => void;
  /** Called with each frame's parse result; returns nothing, must not throw. */
  onFrame: (result: FrameResult, exchange: Exchange) => void;
  /** Called when a connection opens (true) and when an opened one closes (false); must not throw. */
  onConnection?: (exchange: Exchange, connected: boolean) => void;
  timing: StreamTiming;
  random?: () => number;
}

/** Largest frame accepted, bytes; liquidation frames are a few hundred bytes. */
const MAX_FRAME_BYTES = 1024 * 1024;

interface SessionEnd {
  opened: boolean;
  gotEvents: boolean;
  livedMs: number;
  reason: string;
}

/** Runs until the signal aborts; never rejects. */
export async function runStream(spec: StreamSpec, handlers: StreamHandlers): Promise<void> {
  const { signal, log, timing } = handlers;
  let attempt = 0;
  while (!signal.aborted) {
    const end = await connectOnce(spec, handlers);
    if (signal.aborted) break;
    if (end.gotEvents || end.livedMs >= timing.stableAfterMs) attempt = 0;
    const delay = backoffDelay(attempt, timing.backoff, handlers.random);
    attempt += 1;
    log(`${spec.exchange}: ${end.opened ? 'disconnected' : 'could not connect'} (${end.reason}); reconnecting in ${delay} ms`);
    await sleep(delay, signal);
  }
}

function connectOnce(spec: StreamSpec, handlers: StreamHandlers): Promise<SessionEnd> {
  const { signal, log, timing } = handlers;
  return new Promise((resolve) => {
    const startedAt = performance.now();
    let opened = false;
    let gotEvents = false;
    let lastError = '';
    let heartbeatTimer: NodeJS.Timeout | undefined;
    let idleTimer: NodeJS.Timeout | undefined;
    let socket: WebSocket;
    try {
      socket = new WebSocket(spec.url, { handshakeTimeout: timing.handshakeTimeoutMs, maxPayload: MAX_FRAME_BYTES });
    } catch (error) {
      resolve({ opened, gotEvents, livedMs: 0, reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    const idleMs = timing.idleTimeoutMs ?? spec.idleTimeoutMs;
    const resetIdle = (): void => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        lastError = `no frame for ${idleMs} ms`;
        socket.terminate();
      }, idleMs);
    };
    const onAbort = (): void => {
      socket.close(1000, 'collector stopping');
      // A peer that never answers the close handshake is cut off.
      setTimeout(() => socket.terminate(), 1000).unref();
    };
    signal.addEventListener('abort', onAbort, { once: true });

    socket.on('open', () => {
      opened = true;
      log(`${spec.exchange}: connected to ${spec.url}`);
      handlers.onConnection?.(spec.exchange, true);
      for (const message of spec.subscribeMessages()) socket.send(message);
      if (spec.heartbeat) {
        const { message } = spec.heartbeat;
        heartbeatTimer = setInterval(() => {
          if (socket.readyState === WebSocket.OPEN) socket.send(message);
        }, timing.heartbeatMs ?? spec.heartbeat.intervalMs);
      }
      resetIdle();
    });
    socket.on('message', (data) => {
      resetIdle();
      // Exchanges send text frames; a binary frame is decoded as UTF-8 and validated like any other.
      const result = spec.parse(rawDataToString(data));
      if (result.events.length > 0) gotEvents = true;
      handlers.onFrame(result, spec.exchange);
    });
    socket.on('ping', resetIdle);
    socket.on('pong', resetIdle);
    socket.on('error', (error) => {
      lastError = error.message.slice(0, 160);
    });
    socket.on('close', (code) => {
      clearInterval(heartbeatTimer);
      clearTimeout(idleTimer);
      signal.removeEventListener('abort', onAbort);
      if (opened) handlers.onConnection?.(spec.exchange, false);
      const reason = lastError || `close code ${code}`;
      resolve({ opened, gotEvents, livedMs: opened ? performance.now() - startedAt : 0, reason });
    });
  });
}

function rawDataToString(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
