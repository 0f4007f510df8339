import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { formatExample } from '../diagnostics/render/example.js';
import type { Language } from '../i18n/language.js';
import { msg, type Text, t } from '../i18n/text.js';
import { meetsThreshold, percentText, totalCoverage } from './coverage.js';
import type { CaseResult, TestRun } from './runner.js';

/** What the run amounts to: the exit status and every finding, for all reporters alike. */
export interface TestOutcome {
  passed: boolean;
  /** A file could not be read at all: exit 2, as `check` does. */
  unreadable: boolean;
  coverage?: { covered: number; total: number; percent: string; threshold?: string; meets: boolean };
  diagnostics: Diagnostic[];
}

/** Judges a run: any failed or erroring case, unloadable file, changed snapshot or short coverage fails it. */
export function testOutcome(
  run: TestRun,
  threshold?: string,
  options: { passWithNoTests?: boolean } = {},
): TestOutcome {
  const diagnostics: Diagnostic[] = [...run.diagnostics];
  // A CI step that found nothing to test has proven nothing: say so, unless told it is expected.
  const cases = run.files.reduce((n, f) => n + f.cases.length, 0);
  if (cases === 0 && run.snapshots.length === 0 && !options.passWithNoTests)
    diagnostics.push(diagnostic('TW0907', msg('testFiles.none'), { help: msg('testFiles.noneHelp') }));
  for (const file of run.files) {
    diagnostics.push(...file.diagnostics);
    for (const c of file.cases) diagnostics.push(...caseDiagnostics(c));
  }
  for (const s of run.snapshots) diagnostics.push(...s.diagnostics);
  let coverage: TestOutcome['coverage'];
  if (run.coverage) {
    const { covered, total } = totalCoverage(run.coverage);
    const meets = threshold === undefined || meetsThreshold(covered, total, threshold);
    coverage = { covered, total, percent: percentText(covered, total), threshold, meets };
    if (!meets)
      diagnostics.push(
        diagnostic(
          'TW0906',
          msg('testing.coverageBelow', { percent: coverage.percent, covered, total, threshold: threshold! }),
          {
            help: msg('testing.coverageBelowHelp'),
          },
        ),
      );
  }
  const unreadable = diagnostics.some((d) => d.code === 'TW0001');
  return { passed: !diagnostics.some((d) => d.severity === 'error'), unreadable, coverage, diagnostics };
}

/** One TW0901 per expectation that failed, at the expectation's line; a case that could not run keeps its own findings. */
export function caseDiagnostics(c: CaseResult): Diagnostic[] {
  if (c.status === 'error') return c.diagnostics;
  return c.mismatches.map((m) =>
    diagnostic(
      'TW0901',
      msg('testing.mismatch', {
        name: c.name,
        field: m.field,
        expected: shown(m.expected),
        actual: shown(m.actual),
      }),
      {
        file: c.file,
        range: m.range ?? c.range,
        pointer: m.pointer,
      },
    ),
  );
}

/** An expected or actual value as the reports show it; nothing at all is "(none)" in the reader's language. */
export function show(value: unknown, language: Language = 'en'): string {
  if (value === null || value === undefined) return t(language, 'testing.none');
  if (typeof value === 'string') return value;
  return formatExample(value);
}

function shown(value: unknown): string | Text {
  return value === null || value === undefined ? msg('testing.none') : show(value);
}
