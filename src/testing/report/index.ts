import { renderDiagnostics } from '../../diagnostics/render/index.js';
import type { Language } from '../../i18n/language.js';
import type { TestOutcome } from '../outcome.js';
import type { TestRun } from '../runner.js';
import { TEST_FORMATS, type TestFormat } from './formats.js';
import { renderTestJson } from './json.js';
import { type JunitOptions, renderJunit } from './junit.js';
import { renderPretty } from './pretty.js';
import { renderTap } from './tap.js';

export { TEST_FORMATS, type TestFormat };

export interface TestReportOptions extends Partial<JunitOptions> {
  color?: boolean;
  verbose?: boolean;
  /** The reader's language; English by default. */
  language?: Language;
}

/**
 * Renders a test run. SARIF and GitHub annotations are the diagnostics renderers' own, fed one
 * TW0901 per failed expectation at its line, so a pull request shows the failing `expect:` line.
 */
export function renderTestRun(
  format: TestFormat,
  run: TestRun,
  outcome: TestOutcome,
  options: TestReportOptions = {},
): string {
  const files = run.files.map((f) => f.file);
  switch (format) {
    case 'pretty':
      return renderPretty(run, outcome, options);
    case 'json':
      return renderTestJson(run, outcome);
    case 'junit':
      return renderJunit(run, outcome, {
        timestamp: options.timestamp ?? new Date().toISOString().slice(0, 19),
        hostname: options.hostname ?? 'localhost',
        language: options.language,
      });
    case 'tap':
      return renderTap(run, outcome, options.language);
    case 'sarif':
      return renderDiagnostics('sarif', {
        diagnostics: outcome.diagnostics,
        sources: run.sources,
        files,
        language: options.language,
      });
    case 'github':
      return renderDiagnostics('github', {
        diagnostics: outcome.diagnostics,
        sources: run.sources,
        files,
        language: options.language,
      });
  }
}
