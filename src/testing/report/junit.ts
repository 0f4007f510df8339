import { localizeDiagnostic } from '../../diagnostics/localize.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/text.js';
import type { TestOutcome } from '../outcome.js';
import { caseDiagnostics } from '../outcome.js';
import type { CaseResult, TestRun } from '../runner.js';

export interface JunitOptions {
  /** The run's start, ISO 8601 without zone as the JUnit XSD's timestamp wants; pinned by tests. */
  timestamp: string;
  hostname: string;
  language?: Language;
}

/**
 * JUnit XML as CI servers read it (the Ant/Jenkins schema): one testsuite per test file, one
 * testcase per case, `failure` for a wrong expectation and `error` for a case that could not
 * run. Times are 0: tierwise reports what was decided, not how fast (that is `npm run bench`).
 */
export function renderJunit(run: TestRun, outcome: TestOutcome, options: JunitOptions): string {
  const language = options.language ?? 'en';
  const suites = run.files.map((file, id) => {
    const fileErrors = file.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => localizeDiagnostic(d, language));
    const cases = file.cases.map((c) => testcase(c, language));
    if (fileErrors.length > 0) {
      const text = fileErrors.map((d) => `${d.code} ${d.message}`).join('\n');
      cases.push(
        `    <testcase name="${xml(t(language, 'testing.couldNotRunCase', { file: file.file }))}" classname="${xml(file.file)}" time="0">\n      <error message="${xml(fileErrors[0]!.message)}" type="${fileErrors[0]!.code}">${xml(text)}</error>\n    </testcase>`,
      );
    }
    const failures = file.cases.filter((c) => c.status === 'fail').length;
    const errors = file.cases.filter((c) => c.status === 'error').length + (fileErrors.length > 0 ? 1 : 0);
    return [
      `  <testsuite name="${xml(file.file)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="0" timestamp="${options.timestamp}" hostname="${xml(options.hostname)}" id="${id}" package="tierwise">`,
      '    <properties>',
      `      <property name="policy" value="${xml(file.policy ?? '')}"/>`,
      '    </properties>',
      ...cases,
      '    <system-out/>',
      '    <system-err/>',
      '  </testsuite>',
    ].join('\n');
  });
  const tests = run.files.reduce(
    (n, f) => n + f.cases.length + (f.diagnostics.some((d) => d.severity === 'error') ? 1 : 0),
    0,
  );
  const failures = run.summary.failed;
  const errors = run.summary.errors;
  const extra =
    outcome.coverage && !outcome.coverage.meets
      ? `\n<!-- ${t(language, 'testing.coverageComment', { percent: outcome.coverage.percent, threshold: outcome.coverage.threshold! })} -->`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tierwise test" tests="${tests}" failures="${failures}" errors="${errors}" time="0">\n${suites.join('\n')}\n</testsuites>${extra}\n`;
}

function testcase(c: CaseResult, language: Language): string {
  const line = c.range ? ` line="${c.range.start.line}"` : '';
  const open = `    <testcase name="${xml(c.name)}" classname="${xml(c.file)}" file="${xml(c.file)}"${line} time="0"`;
  if (c.status === 'pass') return `${open}/>`;
  const findings = caseDiagnostics(c).map((d) => localizeDiagnostic(d, language));
  const where = c.range ? `${c.file}:${c.range.start.line}:${c.range.start.column}` : c.file;
  const body = [
    t(language, 'testing.at', { where }),
    ...findings.map((d) => `${d.code} ${d.message}`),
    ...c.explanation,
  ].join('\n');
  const tag = c.status === 'fail' ? 'failure' : 'error';
  const type = findings[0]?.code ?? 'TW0901';
  return `${open}>\n      <${tag} message="${xml(findings[0]?.message ?? c.name)}" type="${type}">${xml(body)}</${tag}>\n    </testcase>`;
}

/** Escapes for attributes and text; characters XML 1.0 cannot hold at all become U+FFFD. */
export function xml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot hold these; replacing them is the point.
  const safe = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
  return safe
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\n', '&#10;');
}
