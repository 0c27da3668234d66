/**
 * Finds a Chromium or Chrome executable: PUPPETEER_EXECUTABLE_PATH first, then the usual system
 * locations (Debian's chromium, Chrome on Linux and macOS, Windows), then puppeteer's own cache
 * (~/.cache/puppeteer or PUPPETEER_CACHE_DIR), so it works on CI and on a user's laptop alike.
 */
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Browser, getInstalledBrowsers } from '@puppeteer/browsers';
import { RenderError } from '../../kernel/errors.js';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new RenderError(`PUPPETEER_EXECUTABLE_PATH is set to ${fromEnv}, which is not an executable file`);
  }
  const system = SYSTEM_PATHS.find(isExecutable);
  if (system) return system;
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');
  try {
    const installed = await getInstalledBrowsers({ cacheDir });
    const chrome = installed
      .filter((b) => b.browser === Browser.CHROME || b.browser === Browser.CHROMIUM || b.browser === Browser.CHROMEHEADLESSSHELL)
      .sort((a, b) => b.buildId.localeCompare(a.buildId, undefined, { numeric: true }))
      .find((b) => isExecutable(b.executablePath));
    if (chrome) return chrome.executablePath;
  } catch {
    /* no cache */
  }
  throw new RenderError(
    'no Chromium or Chrome found for PDF output: install one (Debian: apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH',
  );
}
