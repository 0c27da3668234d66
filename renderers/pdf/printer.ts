/**
 * Prints HTML to PDF in one Chromium per run, with a small pool of reused pages (one per core
 * by default, at least two: while one page lays out, the other prints). The HTML is expected to
 * carry its own @page rules and font faces (see page-decorations.ts).
 *
 * A page's renderer process grows with every document it has held (about 1.5 MB per print
 * with these briefs), so a page is closed and replaced after `recycleAfter` prints: a long
 * batch keeps a flat memory profile at the cost of one renderer start (and one round of font
 * requests) per `recycleAfter` prints.
 *
 * Every page runs with JavaScript off and request interception on: the only requests answered
 * are the CJK font files (from node_modules); everything else is aborted and counted. Content
 * is loaded with setContent, never from a file:// URL.
 */
import { availableParallelism } from 'node:os';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { RenderError } from '../../kernel/errors.js';
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
  /** Pages opened so far (the pool's first pages and their replacements). */
  pagesOpened: number;
  fontRequests: number;
  blockedRequests: string[];
}

export class PdfPrinter {
  readonly stats: PrinterStats = { pdfs: 0, pagesOpened: 0, fontRequests: 0, blockedRequests: [] };
  private readonly idle: Page[] = [];
  private readonly waiting: { resolve: (page: Page) => void; reject: (error: unknown) => void }[] = [];
  /** Pages in the pool (idle, printing or being opened). */
  private pages = 0;
  private readonly printsOn = new WeakMap<Page, number>();

  private constructor(
    private readonly browser: Browser,
    private readonly maxPages: number,
    private readonly recycleAfter: number,
  ) {}

  /**
   * `maxPages`: pages printing at once (default: one per core, at least 2). `recycleAfter`:
   * prints before a page is replaced by a fresh one (default 100).
   */
  static async launch(options: { maxPages?: number; recycleAfter?: number; env?: NodeJS.ProcessEnv } = {}): Promise<PdfPrinter> {
    const executablePath = await findBrowser(options.env);
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath,
        headless: true,
        pipe: true,
        args: CHROMIUM_FLAGS,
        timeout: 30_000,
        // Signals are the executable's to handle (kernel/process/shutdown.ts): puppeteer's own
        // handlers would close the browser under a running print, turning a stop into a render
        // failure. Chromium still dies with us: puppeteer kills it when this process exits.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      throw new RenderError(`could not start Chromium at ${executablePath}: ${(error as Error).message}`, { cause: error });
    }
    const printer = new PdfPrinter(browser, options.maxPages ?? Math.max(2, availableParallelism()), options.recycleAfter ?? 100);
    printer.openPool();
    return printer;
  }

  /** The browser's process id (for measuring its memory), if it runs as a child process. */
  get pid(): number | undefined {
    return this.browser.process()?.pid;
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
    if (this.pages < this.maxPages) {
      this.pages += 1;
      try {
        return await this.openPage();
      } catch (error) {
        this.pages -= 1;
        throw new RenderError(`could not open a page in Chromium: ${(error as Error).message}`, { cause: error });
      }
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(page: Page): void {
    const prints = (this.printsOn.get(page) ?? 0) + 1;
    this.printsOn.set(page, prints);
    if (prints >= this.recycleAfter) {
      void this.replace(page);
      return;
    }
    this.handOver(page);
  }

  /**
   * Opens the pool's pages in the background right after launch: each takes a renderer start
   * and a round of CDP calls, which then overlap with whatever the caller does before its
   * first print. A page that fails to open is left for `acquire` to try again (and report).
   */
  private openPool(): void {
    while (this.pages < this.maxPages) {
      this.pages += 1;
      this.openPage().then(
        (page) => this.handOver(page),
        () => this.pageLost(),
      );
    }
  }

  private handOver(page: Page): void {
    const next = this.waiting.shift();
    if (next) next.resolve(page);
    else this.idle.push(page);
  }

  /** Closes a worn page and hands a fresh one to the next caller (or the idle pool). */
  private async replace(page: Page): Promise<void> {
    await page.close().catch(() => undefined);
    let fresh: Page;
    try {
      fresh = await this.openPage();
    } catch {
      this.pageLost();
      return;
    }
    this.handOver(fresh);
  }

  /**
   * A page could not be opened (the browser is going away, or broke): the pool shrinks and
   * the next caller in line tries to open one itself, so it gets the error instead of
   * waiting for ever.
   */
  private pageLost(): void {
    this.pages -= 1;
    const next = this.waiting.shift();
    if (next) this.acquire().then(next.resolve, next.reject);
  }

  private async openPage(): Promise<Page> {
    this.stats.pagesOpened += 1;
    const page = await this.browser.newPage();
    await page.setJavaScriptEnabled(false);
    // The page's own Content-Security-Policy (font-src data:) is for readers' browsers; here the
    // fonts come from FONT_ORIGIN and request interception below is the guard against anything else.
    await page.setBypassCSP(true);
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
