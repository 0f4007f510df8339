import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { localizeDiagnostic } from '../../diagnostics/localize.js';
import { diagnostic } from '../../diagnostics/make.js';
import { type DiagnosticFormat, renderDiagnostics } from '../../diagnostics/render/index.js';
import { diagnosticsReport } from '../../diagnostics/render/json.js';
import { escapeUnsafe } from '../../diagnostics/render/width.js';
import type { Language } from '../../i18n/language.js';
import { msg, render, type Text } from '../../i18n/text.js';
import type { SemverDiff } from './semver-diff.js';
import { type Change, KINDS } from './types.js';

/**
 * `tierwise diff --semver` output. Text is a changelog grouped by level, then the version
 * finding with its code frame; json is one object; github and sarif carry the version finding
 * and a note (TW1103) on the line of each change, so a pull request shows them where they are.
 */
export function renderSemverDiff(
  format: DiagnosticFormat,
  diff: SemverDiff,
  color = false,
  language: Language = 'en',
): string {
  if (format === 'json') return `${JSON.stringify(semverDiffJson(diff, language), null, 2)}\n`;
  if (format === 'text') return renderSemverText(diff, color, language);
  return renderDiagnostics(format, {
    diagnostics: semverFindings(diff),
    sources: diff.sources,
    files: [diff.new.source],
    language,
  });
}

/** What github and sarif show: the version findings, and a note (TW1103) on the line of each change. */
export function semverFindings(diff: SemverDiff): Diagnostic[] {
  return [...diff.diagnostics, ...diff.report.changes.map(changeNote)];
}

/** The JSON report; messages in `language`, catalogue texts left out (the diagnostics JSON does the same). */
export function semverDiffJson(diff: SemverDiff, language: Language = 'en') {
  return {
    version: 1,
    status: diff.status,
    old: diff.old,
    new: diff.new,
    level: diff.report.level,
    ...(diff.allowed === undefined ? {} : { allowed: diff.allowed }),
    ...(diff.suggested === undefined ? {} : { suggested: diff.suggested }),
    changes: diff.report.changes.map(({ i18n, ...change }) => ({
      ...change,
      message: i18n ? render(language, i18n) : change.message,
    })),
    diagnostics: diagnosticsReport({
      diagnostics: diff.diagnostics.map((d) => localizeDiagnostic(d, language)),
      sources: diff.sources,
    }).diagnostics,
  };
}

function renderSemverText(diff: SemverDiff, color: boolean, language: Language): string {
  const say = (text: Text) => render(language, text);
  const out: string[] = [];
  const side = (s: { source: string; version?: string }) => msg('changes.side', s);
  if (diff.status === 'new') {
    out.push(say(msg('changes.newPolicy', { side: side(diff.new), ref: diff.old.source.split(':')[0]! })));
  } else if (diff.status !== 'unreadable') {
    out.push(say(msg('changes.heading', { old: side(diff.old), new: side(diff.new) })));
    if (diff.report.changes.length === 0) out.push('', say(msg('changes.noChanges')));
    for (const kind of KINDS) {
      const changes = diff.report.changes.filter((c) => c.kind === kind);
      if (changes.length === 0) continue;
      out.push('', `### ${say(msg(`changes.${kind}`))}`, '', ...changes.map((c) => changeLine(c, language)));
    }
  }
  const findings =
    diff.diagnostics.length === 0
      ? ''
      : renderDiagnostics('text', {
          diagnostics: diff.diagnostics,
          sources: diff.sources,
          color,
          summary: false,
          language,
        });
  const verdict = verdictLine(diff, language);
  return [out.join('\n'), findings.trimEnd(), verdict].filter((part) => part !== '').join('\n\n') + '\n';
}

function changeLine(change: Change, language: Language): string {
  const message = escapeUnsafe(change.i18n ? render(language, change.i18n) : change.message);
  return render(language, msg('changes.line', { message, line: change.range?.start.line }));
}

function verdictLine(diff: SemverDiff, language: Language): string {
  const n = diff.report.changes.length;
  const counts = KINDS.map((kind) => ({
    kind,
    n: diff.report.changes.filter((c) => c.kind === kind).length,
  })).filter((c) => c.n > 0);
  const changes = msg('changes.count', { n, counts });
  const versions = { old: diff.old.version ?? '', new: diff.new.version ?? '' };
  switch (diff.status) {
    case 'ok':
      return render(
        language,
        n === 0
          ? msg('changes.verdictNone', { version: versions.new })
          : msg('changes.verdictOk', { changes, ...versions }),
      );
    case 'not-bumped':
      return render(
        language,
        msg('changes.verdictNotBumped', {
          changes,
          level: diff.report.level,
          suggested: diff.suggested ?? '',
        }),
      );
    case 'lowered':
      return render(language, msg('changes.verdictLowered', { changes }));
    default:
      return '';
  }
}

function changeNote(change: Change): Diagnostic {
  return diagnostic(
    'TW1103',
    msg('changes.note', { kind: change.kind, message: change.i18n ?? change.message }),
    {
      ...(change.file === undefined ? {} : { file: change.file }),
      ...(change.range === undefined ? {} : { range: change.range }),
      pointer: change.pointer,
    },
  );
}
