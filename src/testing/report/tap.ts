import { stringify } from 'yaml';
import { localizeDiagnostic } from '../../diagnostics/localize.js';
import { escapeUnsafe } from '../../diagnostics/render/width.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/text.js';
import { caseDiagnostics, show, type TestOutcome } from '../outcome.js';
import type { TestRun } from '../runner.js';

/**
 * TAP version 14: one test point per case (and per file that could not run, per snapshot, and
 * the coverage threshold), failures with a YAML diagnostic block (message, at, wanted, found).
 */
export function renderTap(run: TestRun, outcome: TestOutcome, language: Language = 'en'): string {
  const message = (d: TestOutcome['diagnostics'][number]) => localizeDiagnostic(d, language).message;
  const points: string[] = [];
  const point = (ok: boolean, description: string, block?: Record<string, unknown>) => {
    const n = points.length + 1;
    const head = `${ok ? 'ok' : 'not ok'} ${n} - ${description.replace(/#/g, '\\#').replace(/\n/g, ' ')}`;
    points.push(block ? `${head}\n${yamlBlock(block)}` : head);
  };
  for (const file of run.files) {
    const errors = file.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0)
      point(false, t(language, 'testing.couldNotRun', { file: file.file }), {
        message: errors.map((d) => `${d.code} ${message(d)}`).join('\n'),
        severity: 'fail',
      });
    for (const c of file.cases) {
      // One line: a line break in a name would end the test point.
      const description = escapeUnsafe(`${c.file}: ${c.name}`);
      if (c.status === 'pass') {
        point(true, description);
        continue;
      }
      const at = c.range
        ? { file: c.file, line: c.range.start.line, column: c.range.start.column }
        : { file: c.file };
      point(false, description, {
        message: caseDiagnostics(c).map(message).join('\n'),
        severity: c.status === 'fail' ? 'fail' : 'error',
        at,
        ...(c.status === 'fail'
          ? {
              wanted: Object.fromEntries(c.mismatches.map((m) => [m.field, show(m.expected, language)])),
              found: Object.fromEntries(c.mismatches.map((m) => [m.field, show(m.actual, language)])),
            }
          : {}),
        ...(c.explanation.length > 0 ? { explanation: c.explanation.join('\n') } : {}),
      });
    }
  }
  for (const s of run.snapshots) {
    const ok = s.status !== 'changed' && s.status !== 'error';
    point(
      ok,
      t(language, 'testing.snapshotPoint', {
        file: s.file,
        status: t(language, 'testing.snapshotStatus', { status: s.status }),
      }),
      ok ? undefined : { message: s.diagnostics.map(message).join('\n'), changed: s.changes.length },
    );
  }
  const coverage = outcome.coverage;
  if (coverage?.threshold !== undefined)
    point(
      coverage.meets,
      t(language, 'testing.coveragePoint', { percent: coverage.percent, threshold: coverage.threshold }),
      coverage.meets
        ? undefined
        : {
            message: t(language, 'testing.itemsReached', {
              covered: coverage.covered,
              total: coverage.total,
            }),
            severity: 'fail',
          },
    );
  const extra = run.diagnostics.map((d) => `# ${d.code} ${message(d)}`);
  return ['TAP version 14', `1..${points.length}`, ...points, ...extra].join('\n') + '\n';
}

/** A TAP 14 YAML diagnostic: indented two spaces between `---` and `...`. */
function yamlBlock(value: Record<string, unknown>): string {
  const body = stringify(value, { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((l) => `  ${l}`);
  return ['  ---', ...body, '  ...'].join('\n');
}
