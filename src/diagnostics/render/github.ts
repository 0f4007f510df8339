import { CODES } from '../codes.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import { formatExample } from './example.js';
import type { RenderInput } from './input.js';
import { linesOf } from './lines.js';
import { coveredRange, lengthsOf } from './range.js';
import { summaryLine } from './summary.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
/** GitHub truncates longer annotation titles. */
const MAX_TITLE = 255;

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which the runner turns
 * into annotations on the pull request's diff. Plain lines between them are ordinary log output.
 */
export function renderGithub(input: RenderInput): string {
  const lines = linesOf(input.sources);
  const commands = input.diagnostics.map((d) => command(d, lines(d.file)));
  return `${[...commands, summaryLine(input)].join('\n')}\n`;
}

function command(d: Diagnostic, lines: string[] | undefined): string {
  const properties: [string, string | number][] = [];
  if (d.file !== undefined) {
    properties.push(['file', d.file]);
    if (d.range) properties.push(...position(d, lines));
    else if (d.row !== undefined) properties.push(['line', d.row]);
  }
  const known = CODES[d.code as keyof typeof CODES];
  properties.push(['title', `${d.code} ${known?.title ?? ''}`.trim().slice(0, MAX_TITLE)]);
  const message = [
    d.message,
    ...(d.help === undefined ? [] : [`help: ${d.help}`]),
    ...(d.example === undefined ? [] : [`example: ${formatExample(d.example)}`]),
  ].join('\n');
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND[d.severity]} ${list}::${escapeData(message)}`;
}

/**
 * The runner drops col and endColumn when line and endLine differ (ValidateLinesAndColumns in
 * actions/runner), so a multi-line range gives lines only. Both ends are inclusive, as lines are.
 */
function position(d: Diagnostic, lines: string[] | undefined): [string, number][] {
  const { start, end } = coveredRange(d.range!, lengthsOf(lines));
  if (end.line !== start.line) {
    return [
      ['line', start.line],
      ['endLine', end.line],
    ];
  }
  const out: [string, number][] = [
    ['line', start.line],
    ['col', start.column],
    ['endLine', end.line],
  ];
  if (end.column !== undefined) out.push(['endColumn', end.column]);
  return out;
}

/** Escaping of the message, as @actions/core's command.ts does it; the runner reverses it. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A property value additionally must not hold the `,` between properties or the `:` of `::`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
