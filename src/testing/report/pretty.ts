import pc from 'picocolors';
import { renderDiagnostics } from '../../diagnostics/render/index.js';
import { escapeUnsafe } from '../../diagnostics/render/width.js';
import type { Language } from '../../i18n/language.js';
import { render, t } from '../../i18n/text.js';
import { migrationText } from '../../simulate/migration.js';
import { percentText } from '../coverage.js';
import { caseDiagnostics, show, type TestOutcome } from '../outcome.js';
import type { CaseResult, TestRun } from '../runner.js';

export interface PrettyOptions {
  color?: boolean;
  /** List every coverage item, reached or not (else only the ones not reached). */
  verbose?: boolean;
  language?: Language;
}

/**
 * What a person reads in a terminal: one line per case; for each failure the expected and actual
 * values side by side, the code frame of the expectation, and the explanation of what the policy
 * actually decided; then coverage, snapshots and a summary.
 */
export function renderPretty(run: TestRun, outcome: TestOutcome, options: PrettyOptions = {}): string {
  const colors = pc.createColors(options.color ?? false);
  const language = options.language ?? 'en';
  const marks = markTexts(language);
  const out: string[] = [];
  for (const file of run.files) {
    out.push(colors.bold(`${file.file}${file.policy ? ` → ${file.policy}` : ''}`));
    for (const c of file.cases) {
      const mark =
        c.status === 'pass'
          ? colors.green(marks.pass)
          : colors.red(c.status === 'fail' ? marks.fail : marks.error);
      out.push(`${mark} ${escapeUnsafe(c.name)}`);
    }
    if (file.diagnostics.length > 0) out.push(diagnosticsText(run, file.diagnostics, options));
  }
  const failures = run.files.flatMap((f) => f.cases).filter((c) => c.status !== 'pass');
  for (const c of failures) out.push('', failureText(run, c, colors, options));
  if (run.diagnostics.length > 0) out.push('', diagnosticsText(run, run.diagnostics, options));
  if (run.coverage) out.push('', ...coverageText(run, outcome, options.verbose ?? false, language));
  for (const s of run.snapshots) {
    out.push(
      '',
      t(language, 'testing.snapshotLine', {
        file: s.file,
        status: t(language, 'testing.snapshotStatus', { status: s.status }),
        changed: s.changes.length,
      }),
    );
    if (s.matrix) out.push(...migrationText(s.matrix, language).map((l) => `  ${l}`));
    for (const change of s.changes.slice(0, 50))
      out.push(
        `  ${escapeUnsafe(change.customer)}: ${decisionText(change.before, language)} → ${decisionText(change.after, language)}`,
      );
    if (s.changes.length > 50) out.push(`  ${t(language, 'testing.more', { n: s.changes.length - 50 })}`);
    if (s.diagnostics.length > 0) out.push(diagnosticsText(run, s.diagnostics, options));
  }
  const { passed, failed, errors, total } = run.summary;
  const closing = t(language, 'testing.closing', { passed, failed, errors, total, files: run.files.length });
  out.push('', outcome.passed ? colors.green(closing) : colors.red(closing));
  return `${out.join('\n')}\n`;
}

/** The case marks, padded to one width so that the names line up. */
function markTexts(language: Language): { pass: string; fail: string; error: string } {
  const words = [
    t(language, 'testing.markPass'),
    t(language, 'testing.markFail'),
    t(language, 'testing.markError'),
  ];
  const width = Math.max(...words.map(displayWidth));
  const [pass, fail, error] = words.map((w) => `  ${w}${' '.repeat(width - displayWidth(w))}`) as [
    string,
    string,
    string,
  ];
  return { pass, fail, error };
}

/** Columns a text takes in a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

const padTo = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

function failureText(
  run: TestRun,
  c: CaseResult,
  colors: ReturnType<typeof pc.createColors>,
  options: PrettyOptions,
): string {
  const language = options.language ?? 'en';
  const where = c.range ? `${c.file}:${c.range.start.line}:${c.range.start.column}` : c.file;
  const mark = t(language, c.status === 'fail' ? 'testing.markFail' : 'testing.markError');
  const lines = [
    colors.red(colors.bold(`${mark} ${escapeUnsafe(c.name)}`)),
    `  ${t(language, 'testing.at', { where })}`,
  ];
  if (c.status === 'fail') {
    const rows = [
      [
        t(language, 'testing.columnLine'),
        '',
        t(language, 'testing.columnExpected'),
        t(language, 'testing.columnActual'),
      ],
      ...c.mismatches.map((m) => [
        m.range ? `${m.range.start.line}:${m.range.start.column}` : '',
        m.field,
        show(m.expected, language),
        show(m.actual, language),
      ]),
    ];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
    for (const [i, row] of rows.entries()) {
      const text = `  ${row
        .slice(0, 3)
        .map((cell, k) => padTo(cell, widths[k]!))
        .join('  ')}  ${row[3]}`;
      lines.push(i === 0 ? colors.dim(text) : escapeUnsafe(text));
    }
  }
  // One code frame, at the first expectation that failed; the table above lists the rest by line.
  lines.push(diagnosticsText(run, caseDiagnostics(c).slice(0, 1), options));
  if (c.explanation.length > 0) {
    lines.push(`  ${t(language, 'testing.decided')}`);
    for (const l of c.explanation) lines.push(`    ${escapeUnsafe(l)}`);
  }
  return lines.join('\n');
}

function diagnosticsText(
  run: TestRun,
  diagnostics: TestOutcome['diagnostics'],
  options: PrettyOptions,
): string {
  return renderDiagnostics('text', {
    diagnostics,
    sources: run.sources,
    color: options.color,
    summary: false,
    language: options.language,
  }).trimEnd();
}

function coverageText(run: TestRun, outcome: TestOutcome, verbose: boolean, language: Language): string[] {
  const lines = [t(language, 'testing.coverageHeading')];
  for (const c of run.coverage ?? []) {
    lines.push(
      `  ${t(language, 'testing.coveragePolicy', {
        policy: c.policy,
        percent: percentText(c.covered, c.total),
        covered: c.covered,
        total: c.total,
      })}`,
    );
    for (const item of c.items) {
      if (verbose || !item.covered)
        lines.push(
          `    ${t(language, item.covered ? 'testing.reached' : 'testing.notReached')} ${render(language, item.text)}`,
        );
    }
  }
  const total = outcome.coverage!;
  lines.push(
    `  ${t(language, 'testing.coverageTotal', {
      percent: total.percent,
      covered: total.covered,
      total: total.total,
      threshold: total.threshold,
      met: total.meets,
    })}`,
  );
  return lines;
}

function decisionText(
  d: { tier: string | null; score: number | null } | undefined,
  language: Language,
): string {
  if (!d) return t(language, 'testing.absent');
  return `${d.tier ?? t(language, 'testing.noTier')}${d.score === null ? '' : ` (${d.score})`}`;
}
