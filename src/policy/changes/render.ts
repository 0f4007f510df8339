import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { type DiagnosticFormat, renderDiagnostics } from '../../diagnostics/render/index.js';
import { diagnosticsReport } from '../../diagnostics/render/json.js';
import { escapeUnsafe } from '../../diagnostics/render/width.js';
import type { SemverDiff } from './semver-diff.js';
import { type Change, KINDS } from './types.js';

const HEADINGS = { major: 'Major changes', minor: 'Minor changes', patch: 'Patch changes' } as const;

/**
 * `tierwise diff --semver` output. Text is a changelog grouped by level, then the version
 * finding with its code frame; json is one object; github and sarif carry the version finding
 * and a note (TW1103) on the line of each change, so a pull request shows them where they are.
 */
export function renderSemverDiff(format: DiagnosticFormat, diff: SemverDiff, color = false): string {
  if (format === 'json') return `${JSON.stringify(semverDiffJson(diff), null, 2)}\n`;
  if (format === 'text') return renderSemverText(diff, color);
  const diagnostics = [...diff.diagnostics, ...diff.report.changes.map(changeNote)];
  return renderDiagnostics(format, { diagnostics, sources: diff.sources, files: [diff.new.source] });
}

export function semverDiffJson(diff: SemverDiff) {
  return {
    version: 1,
    status: diff.status,
    old: diff.old,
    new: diff.new,
    level: diff.report.level,
    ...(diff.allowed === undefined ? {} : { allowed: diff.allowed }),
    ...(diff.suggested === undefined ? {} : { suggested: diff.suggested }),
    changes: diff.report.changes,
    diagnostics: diagnosticsReport({ diagnostics: diff.diagnostics, sources: diff.sources }).diagnostics,
  };
}

function renderSemverText(diff: SemverDiff, color: boolean): string {
  const out: string[] = [];
  const side = (s: { source: string; version?: string }) =>
    `${s.source}${s.version ? ` (${s.version})` : ''}`;
  if (diff.status === 'new') {
    out.push(`${side(diff.new)}: new policy, not in ${diff.old.source.split(':')[0]}; nothing to compare`);
  } else if (diff.status !== 'unreadable') {
    out.push(`Changes from ${side(diff.old)} to ${side(diff.new)}`);
    if (diff.report.changes.length === 0) out.push('', 'no changes to the effective policy');
    for (const kind of KINDS) {
      const changes = diff.report.changes.filter((c) => c.kind === kind);
      if (changes.length === 0) continue;
      out.push('', `### ${HEADINGS[kind]}`, '', ...changes.map(changeLine));
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
        });
  const verdict = verdictLine(diff);
  return [out.join('\n'), findings.trimEnd(), verdict].filter((part) => part !== '').join('\n\n') + '\n';
}

function changeLine(change: Change): string {
  const where = change.range ? ` (line ${change.range.start.line})` : '';
  return `- ${escapeUnsafe(change.message)}${where}`;
}

function verdictLine(diff: SemverDiff): string {
  const n = diff.report.changes.length;
  const counts = KINDS.map((k) => [k, diff.report.changes.filter((c) => c.kind === k).length] as const)
    .filter(([, count]) => count > 0)
    .map(([k, count]) => `${count} ${k}`);
  const changes = n === 0 ? 'no changes' : `${n} change${n === 1 ? '' : 's'} (${counts.join(', ')})`;
  switch (diff.status) {
    case 'ok':
      return n === 0
        ? `no changes: version ${diff.new.version} needs no bump`
        : `${changes}: version ${diff.old.version} → ${diff.new.version} is enough`;
    case 'not-bumped':
      return `${changes}: needs a ${diff.report.level} version, at least ${diff.suggested}`;
    case 'lowered':
      return `${changes}: version went down`;
    default:
      return '';
  }
}

function changeNote(change: Change): Diagnostic {
  return diagnostic('TW1103', `${change.kind}: ${change.message}`, {
    ...(change.file === undefined ? {} : { file: change.file }),
    ...(change.range === undefined ? {} : { range: change.range }),
    pointer: change.pointer,
  });
}
