/**
 * The preview's own pages. Unlike the briefs, the preview shell runs a few lines of script: it
 * listens for the server's change events and reloads the two frames. Its Content-Security-Policy
 * allows that one script (by hash), the two frames and the event stream from this server only.
 */
import { createHash } from 'node:crypto';

const RELOAD_SCRIPT = `
  new EventSource('/events').onmessage = () => {
    for (const frame of document.querySelectorAll('iframe')) frame.contentWindow.location.reload();
  };
`;
const SHELL_POLICY = [
  "default-src 'none'",
  `script-src 'sha256-${createHash('sha256').update(RELOAD_SCRIPT).digest('base64')}'`,
  "style-src 'unsafe-inline'",
  "frame-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const ERROR_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function previewShell(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SHELL_POLICY}">
<title>brief preview</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; }
  header { padding: 0.4rem 1rem; background: #1d1d1f; color: #fff; font-size: 0.85rem; }
  main { display: grid; grid-template-columns: 1fr 1fr; height: calc(100vh - 2rem); }
  iframe { width: 100%; height: 100%; border: 0; border-right: 1px solid #ddd; }
  @media (max-width: 900px) { main { grid-template-columns: 1fr; height: auto; } iframe { height: 90vh; } }
</style>
</head>
<body>
<header>brief preview · 中文 | English · re-renders on every change to templates, notes, config or snapshot</header>
<main><iframe id="zh" src="/brief/zh" title="中文"></iframe><iframe id="en" src="/brief/en" title="English"></iframe></main>
<script>${RELOAD_SCRIPT}</script>
</body>
</html>
`;
}

export function errorPage(message: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${ERROR_POLICY}"><title>render error</title>
<style>body{font-family:ui-monospace,monospace;padding:1.5rem;color:#8a1c1c;background:#fff6f6} pre{white-space:pre-wrap}</style></head>
<body><h1>Render error</h1><pre>${escapeHtml(message)}</pre><p>Fix the file and save: the preview re-renders by itself.</p></body></html>
`;
}
