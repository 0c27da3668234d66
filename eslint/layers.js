// Who may import whom: the layer picture of the README ("Layers"), enforced on every relative
// import. A stage depends on the kernel and on the stages below it, never on one above; the
// orchestration (fetch, render, preview, publish, check) and the command line sit on top.
// eslint's own no-restricted-imports matches import strings, not the files they resolve to,
// and the resolver-based plugins need packages with install scripts: hence this small rule.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** Layer of a file, by its path in the repository (first match wins). */
const LAYERS = [
  ['kernel', 'kernel/'],
  ['sources', 'sources/'],
  ['analysis', 'pipeline/analysis/'],
  ['narrative', 'pipeline/narrative/'],
  ['renderers', 'renderers/'],
  ['check', 'pipeline/check/'],
  ['fetch', 'pipeline/fetch/'],
  ['render', 'pipeline/render/'],
  ['preview', 'pipeline/preview/'],
  ['orchestration', 'pipeline/'],
  ['cli', 'pipeline/cli/'],
];
// pipeline/cli/ is matched before the catch-all pipeline/ below.
LAYERS.sort((a, b) => b[1].length - a[1].length);

/** What each layer may import besides itself. */
export const ALLOWED = {
  kernel: [],
  sources: ['kernel'],
  analysis: ['kernel'],
  narrative: ['kernel', 'analysis'],
  renderers: ['kernel', 'analysis'],
  check: ['kernel', 'analysis', 'narrative'],
  fetch: ['kernel', 'sources'],
  render: ['kernel', 'analysis', 'narrative', 'renderers', 'check'],
  preview: ['kernel', 'analysis', 'narrative', 'renderers', 'check', 'render'],
  orchestration: ['kernel', 'sources', 'analysis', 'narrative', 'renderers', 'check', 'fetch', 'render'],
  cli: ['kernel', 'sources', 'analysis', 'narrative', 'renderers', 'check', 'fetch', 'render', 'preview', 'orchestration'],
};

export function layerOf(file, root = ROOT) {
  const path = relative(root, file).split(sep).join('/');
  return LAYERS.find(([, prefix]) => path.startsWith(prefix))?.[0];
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the layers: kernel ← stages ← orchestration ← cli' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      wrongWay: '{{from}} may not import {{to}} ({{spec}}): a stage depends only on the kernel and the stages below it (README, "Layers")',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? ROOT;
    const from = layerOf(context.filename, root);
    if (!from) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = layerOf(resolve(dirname(context.filename), source.value), root);
      if (!to || to === from || ALLOWED[from].includes(to)) return;
      context.report({ node: source, messageId: 'wrongWay', data: { from, to, spec: source.value } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { layers: rule } };
