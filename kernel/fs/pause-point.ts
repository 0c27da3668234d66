/**
 * Named pause points for crash tests (reliability.md §3.3). When PIPELINE_PAUSE_AT names a point,
 * the process writes PIPELINE_PAUSE_MARKER (a readiness file) on reaching it and waits there, so a
 * test can SIGKILL it at exactly that moment. Without the variable this is a no-op.
 */
import { renameSync, writeFileSync } from 'node:fs';

export async function pausePoint(name: string): Promise<void> {
  const wanted = process.env.PIPELINE_PAUSE_AT;
  if (!wanted || wanted !== name) return;
  const marker = process.env.PIPELINE_PAUSE_MARKER;
  // Written beside it and renamed: a test polling for the marker never reads it half written.
  if (marker) {
    writeFileSync(`${marker}.part`, `${process.pid} ${name}\n`);
    renameSync(`${marker}.part`, marker);
  }
  // Wait to be killed; a bounded wait so a forgotten variable cannot hang a run for ever.
  await new Promise((resolve) => setTimeout(resolve, 60_000));
}
