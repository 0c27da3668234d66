/** Child process for crash tests: saves a snapshot with the real saveSnapshot into argv[2]. */
import { loadSnapshot, saveSnapshot } from '../../kernel/snapshot/index.js';

const [dir, source] = process.argv.slice(2);
const snapshot = await loadSnapshot(source!);
await saveSnapshot(dir!, { ...snapshot, generatedAt: '2024-01-05T00:00:00Z' });
