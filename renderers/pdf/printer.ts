/**
 * Prints HTML to PDF in one Chromium per run, with a small pool of reused pages. The HTML is
 * expected to carry its own @page rules and font faces (see page-decorations.ts).
 *
 * Every page runs with JavaScript off and request interception on: the only requests answered
 * are the CJK font files (from node_modules); everything else is aborted and counted. Content
 * is loaded with setContent, never from a file:// URL.
 */
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { RenderError } from '../../pipeline/errors.js';
import { findBrowser } from './find-browser.js';
import { fontFileFor } from './fonts.js';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

export interface PrintOptions {
  timeoutMs?: number;
}

export interface PrinterStats {
  pdfs: number;
  fontRequests: number;
  blockedRequests: string[];
}

export class PdfPrinter {
  readonly stats: PrinterStats = { pdfs: 0, fontRequests: 0, blockedRequests: [] };
  private readonly idle: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];
  private pagesOpened = 0;

  private constructor(
    private readonly browser: Browser,
    private readonly maxPages: number,
  ) {}

  static async launch(options: { maxPages?: number; env?: NodeJS.ProcessEnv } = {}): Promise<PdfPrinter> {
    const executablePath = await findBrowser(options.env);
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath,
        headless: true,
        pipe: true,
        args: CHROMIUM_FLAGS,
        timeout: 30_000,
      });
    } catch (error) {
      throw new RenderError(`could not start Chromium at ${executablePath}: ${(error as Error).message}`, { cause: error });
    }
    return new PdfPrinter(browser, options.maxPages ?? 2);
  }

  async print(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
    const page = await this.acquire();
    const timeout = options.timeoutMs ?? 60_000;
    try {
      await page.setContent(html, { waitUntil: 'load', timeout });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        // Margins, header and footer come from the page's @page rules (page-decorations.ts).
        preferCSSPageSize: true,
        timeout,
        waitForFonts: true,
      });
      this.stats.pdfs += 1;
      return pdf;
    } catch (error) {
      throw new RenderError(`PDF printing failed: ${(error as Error).message}`, { cause: error });
    } finally {
      this.release(page);
    }
  }

  /** Closes the browser; if it does not close in time, its process is killed. */
  async close(): Promise<void> {
    const process = this.browser.process();
    const timer = setTimeout(() => process?.kill('SIGKILL'), 5_000);
    try {
      await this.browser.close();
    } catch {
      process?.kill('SIGKILL');
    } finally {
      clearTimeout(timer);
    }
  }

  private async acquire(): Promise<Page> {
    const page = this.idle.pop();
    if (page) return page;
    if (this.pagesOpened < this.maxPages) {
      this.pagesOpened += 1;
      return this.openPage();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(page: Page): void {
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }

  private async openPage(): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => void this.answer(request));
    return page;
  }

  private async answer(request: HTTPRequest): Promise<void> {
    const url = request.url();
    const font = fontFileFor(url);
    if (font) {
      this.stats.fontRequests += 1;
      await request.respond({
        status: 200,
        contentType: 'font/woff2',
        headers: { 'Access-Control-Allow-Origin': '*' },
        body: font,
      });
      return;
    }
    if (url.startsWith('data:')) {
      await request.continue();
      return;
    }
    this.stats.blockedRequests.push(url);
    if (request.isNavigationRequest()) {
      // An aborted navigation (a meta refresh, a frame) would replace the page with an error
      // page; "204 No Content" keeps the document where it is.
      await request.respond({ status: 204, body: '' });
      return;
    }
    await request.abort('blockedbyclient');
  }
}
