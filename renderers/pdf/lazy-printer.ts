/**
 * One browser per run, launched only if a PDF is asked for. Callers that ask at the same time
 * share one launch (the promise is kept, not the printer), and `close` closes it if it started.
 */
import { PdfPrinter } from './printer.js';

export interface LazyPrinter {
  get(): Promise<PdfPrinter>;
  close(): Promise<void>;
}

export function lazyPrinter(options: Parameters<typeof PdfPrinter.launch>[0] = {}): LazyPrinter {
  let launching: Promise<PdfPrinter> | undefined;
  return {
    get: () => (launching ??= PdfPrinter.launch(options)),
    async close() {
      const printer = await launching?.catch(() => undefined);
      await printer?.close();
    },
  };
}
