import pc from 'picocolors';
import { renderText } from '../../diagnostics/render/text.js';
import { escapeUnsafe } from '../../diagnostics/render/width.js';
import { migrationText } from '../../simulate/migration.js';
import { percentText } from '../coverage.js';
import { caseDiagnostics, show, type TestOutcome } from '../outcome.js';
import type { CaseResult, TestRun } from '../runner.js';

export interface PrettyOptions {
  color?: boolean;
  /** List every coverage item, reached or not (else only the ones not reached). */
  verbose?: boolean;
}

/**
 * What a person reads in a terminal: one line per case; for each failure the expected and actual
 * values side by side, the code frame of the expectation, and the explanation of what the policy
 * actually decided; then coverage, snapshots and a summary.
 */
export function renderPretty(run: TestRun, outcome: TestOutcome, options: PrettyOptions = {}): string {
  const colors = pc.createColors(options.color ?? false);
  const out: string[] = [];
  for (const file of run.files) {
    out.push(colors.bold(`${file.file}${file.policy ? ` → ${file.policy}` : ''}`));
    for (const c of file.cases) {
      const mark =
        c.status === 'pass'
          ? colors.green('  ok   ')
          : colors.red(c.status === 'fail' ? '  FAIL ' : '  ERROR');
      out.push(`${mark} ${escapeUnsafe(c.name)}`);
    }
    if (file.diagnostics.length > 0) out.push(diagnosticsText(run, file.diagnostics, options));
  }
  const failures = run.files.flatMap((f) => f.cases).filter((c) => c.status !== 'pass');
  for (const c of failures) out.push('', failureText(run, c, colors, options));
  if (run.diagnostics.length > 0) out.push('', diagnosticsText(run, run.diagnostics, options));
  if (run.coverage) out.push('', ...coverageText(run, outcome, options.verbose ?? false));
  for (const s of run.snapshots) {
    out.push(
      '',
      `snapshot ${s.file}: ${s.status}${s.changes.length > 0 ? ` (${s.changes.length} customers changed)` : ''}`,
    );
    if (s.matrix) out.push(...migrationText(s.matrix).map((l) => `  ${l}`));
    for (const change of s.changes.slice(0, 50))
      out.push(`  ${change.customer}: ${decisionText(change.before)} → ${decisionText(change.after)}`);
    if (s.changes.length > 50) out.push(`  … and ${s.changes.length - 50} more`);
    if (s.diagnostics.length > 0) out.push(diagnosticsText(run, s.diagnostics, options));
  }
  const { passed, failed, errors, total } = run.summary;
  const closing = `${passed} passed, ${failed} failed, ${errors} errors (${total} cases in ${run.files.length} files)`;
  out.push('', outcome.passed ? colors.green(closing) : colors.red(closing));
  return `${out.join('\n')}\n`;
}

function failureText(
  run: TestRun,
  c: CaseResult,
  colors: ReturnType<typeof pc.createColors>,
  options: PrettyOptions,
): string {
  const where = c.range ? `${c.file}:${c.range.start.line}:${c.range.start.column}` : c.file;
  const lines = [
    colors.red(colors.bold(`${c.status === 'fail' ? 'FAIL' : 'ERROR'} ${escapeUnsafe(c.name)}`)),
    `  at ${where}`,
  ];
  if (c.status === 'fail') {
    const rows = [
      ['line', '', 'expected', 'actual'],
      ...c.mismatches.map((m) => [
        m.range ? `${m.range.start.line}:${m.range.start.column}` : '',
        m.field,
        show(m.expected),
        show(m.actual),
      ]),
    ];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const [i, row] of rows.entries()) {
      const text = `  ${row
        .slice(0, 3)
        .map((cell, k) => cell.padEnd(widths[k]!))
        .join('  ')}  ${row[3]}`;
      lines.push(i === 0 ? colors.dim(text) : escapeUnsafe(text));
    }
  }
  // One code frame, at the first expectation that failed; the table above lists the rest by line.
  lines.push(diagnosticsText(run, caseDiagnostics(c).slice(0, 1), options));
  if (c.explanation.length > 0) {
    lines.push('  what the policy decided:');
    for (const l of c.explanation) lines.push(`    ${escapeUnsafe(l)}`);
  }
  return lines.join('\n');
}

function diagnosticsText(
  run: TestRun,
  diagnostics: TestOutcome['diagnostics'],
  options: PrettyOptions,
): string {
  return renderText({ diagnostics, sources: run.sources, color: options.color, summary: false }).trimEnd();
}

function coverageText(run: TestRun, outcome: TestOutcome, verbose: boolean): string[] {
  const lines = ['coverage:'];
  for (const c of run.coverage ?? []) {
    lines.push(`  ${c.policy}: ${percentText(c.covered, c.total)}% (${c.covered} of ${c.total})`);
    for (const item of c.items) {
      if (verbose || !item.covered) lines.push(`    ${item.covered ? '✓' : '✗ not reached:'} ${item.id}`);
    }
  }
  const total = outcome.coverage!;
  const threshold =
    total.threshold === undefined
      ? ''
      : `, threshold ${total.threshold}%: ${total.meets ? 'met' : 'NOT met'}`;
  lines.push(`  total: ${total.percent}% (${total.covered} of ${total.total})${threshold}`);
  return lines;
}

function decisionText(d: { tier: string | null; score: number | null } | undefined): string {
  if (!d) return '(absent)';
  return `${d.tier ?? '(no tier)'}${d.score === null ? '' : ` (${d.score})`}`;
}
