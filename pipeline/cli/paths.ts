import { packagePath } from '../../kernel/package-root.js';

/** The package's own templates/, used when no --templates is given. */
export function defaultTemplatesDir(): string {
  return packagePath('templates');
}
