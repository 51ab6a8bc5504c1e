// `satellite-sync problems [retry]`: the integration problems as a support person reads them.
import type { IntegrationProblems, RetryResult } from '../sync/problems';

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [`${title} (${lines.length}):`, ...lines.map((line) => `  ${line}`)];
}

export function describeProblems(problems: IntegrationProblems): string {
  const untranslated = Object.entries(problems.untranslated)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, count]) => `${table} ${count}`);
  const lines = [
    ...section(
      'failed, retried at every sync',
      problems.failed.map((problem) => `${problem.tableName} ${problem.recordId}: ${problem.reason}`),
    ),
    ...section(
      'ignored on purpose',
      problems.ignored.map((problem) => `${problem.tableName} ${problem.recordId}: ${problem.reason}`),
    ),
    ...section(
      'integrated with a note',
      problems.notes.map((note) => `${note.tableName} ${note.recordId}: ${note.note}`),
    ),
    ...(untranslated.length > 0 ? [`kept for a later version: ${untranslated.join(', ')}`] : []),
  ];
  return lines.length > 0 ? lines.join('\n') : 'no integration problems';
}

export function describeRetry(result: RetryResult): string {
  return (
    `retried ${result.retried}: ${result.integrated} integrated, ${result.stillFailing} still failing, ` +
    `${result.ignored} ignored, ${result.untranslated} kept for a later version`
  );
}
