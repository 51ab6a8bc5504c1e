// Progress of a CLI sync on stderr: one line whenever a step starts, moves or finishes.
import type { RunProgress } from '../sync/run-log';

let lastLine = '';

export function printProgress(run: RunProgress): void {
  const active = [...run.steps].reverse().find((step) => step.startedAt);
  if (!active) return;
  const counts = active.total === null ? '' : ` ${active.done ?? 0}/${active.total}`;
  const line = `${active.step}${counts}${active.finishedAt ? ' done' : ''}`;
  if (line === lastLine) return;
  lastLine = line;
  process.stderr.write(`${line}\n`);
}
