import { fileURLToPath } from 'node:url';

/** The package's own templates/, used when no --templates is given. */
export function defaultTemplatesDir(): string {
  return fileURLToPath(new URL('../../templates', import.meta.url));
}
