/**
 * DNS rebinding guard. The preview listens on 127.0.0.1, but a web page on another site can
 * point its own host name at 127.0.0.1 and read the answers (an unpublished brief) from the
 * reader's browser. Such a request carries the other site's name in `Host`; only the names this
 * server is reached by on this machine are answered.
 */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Whether a request's Host header names this server (case-insensitive, as host names are). */
export function isOwnHost(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  return host !== undefined && allowed.has(host.trim().toLowerCase());
}
