import { percentText } from '../coverage.js';
import type { TestOutcome } from '../outcome.js';
import type { TestRun } from '../runner.js';

/** `tierwise test --format json`: stable shape (docs/testing.md); `version` changes only when a field changes meaning. */
export function renderTestJson(run: TestRun, outcome: TestOutcome): string {
  const report = {
    version: 1,
    passed: outcome.passed,
    summary: run.summary,
    files: run.files.map((f) => ({
      file: f.file,
      policy: f.policy,
      diagnostics: f.diagnostics,
      cases: f.cases.map((c) => ({
        name: c.name,
        status: c.status,
        file: c.file,
        line: c.range?.start.line,
        column: c.range?.start.column,
        mismatches: c.mismatches.map(({ field, expected, actual, range }) => ({
          field,
          expected,
          actual,
          line: range?.start.line,
          column: range?.start.column,
        })),
        diagnostics: c.diagnostics,
        ...(c.explanation.length > 0 ? { explanation: c.explanation } : {}),
      })),
    })),
    ...(run.coverage
      ? {
          coverage: {
            ...outcome.coverage,
            // The reader's text of an item is for the pretty report; the JSON keeps its stable id.
            policies: run.coverage.map((c) => ({
              ...c,
              items: c.items.map(({ text: _text, ...item }) => item),
              percent: percentText(c.covered, c.total),
            })),
          },
        }
      : {}),
    snapshots: run.snapshots,
    diagnostics: outcome.diagnostics,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
