import pc from 'picocolors';
import type { Diagnostic, Severity } from '../diagnostic.js';
import { formatExample } from './example.js';
import { codeFrame } from './frame.js';
import type { RenderInput } from './input.js';
import { linesOf } from './lines.js';
import { summaryLine } from './summary.js';
import { escapeUnsafe } from './width.js';

type Colors = ReturnType<typeof pc.createColors>;

/**
 * Human output in the style of rustc and Cedar: a headline with the code, the location, a code
 * frame with carets under the range, then `= help:` and `= example:` lines, and a summary.
 */
export function renderText(input: RenderInput): string {
  const colors = pc.createColors(input.color ?? false);
  const lines = linesOf(input.sources);
  const blocks = input.diagnostics.map((d) => renderDiagnostic(d, lines(d.file), colors));
  const closing = input.summary === false ? [] : [summaryLine(input)];
  return `${[...blocks, ...closing].join('\n\n')}\n`;
}

function renderDiagnostic(d: Diagnostic, lines: string[] | undefined, colors: Colors): string {
  const paint = severityColor(d.severity, colors);
  const gutter = (text: string) => colors.bold(colors.blue(text));
  const frame = lines && d.range ? codeFrame(lines, d.range, { gutter, caret: paint }) : undefined;
  const gutterWidth = frame?.gutterWidth ?? (d.range ? String(d.range.start.line).length : 1);
  const pad = ' '.repeat(gutterWidth);
  const out = [`${paint(`${d.severity}[${d.code}]`)}${colors.bold(`: ${escapeUnsafe(d.message)}`)}`];
  if (d.file !== undefined) out.push(`${pad}${gutter('-->')} ${escapeUnsafe(location(d))}`);
  if (frame) out.push(gutter(`${pad} |`), ...frame.rows);
  const notes: [string, string][] = [];
  if (d.help !== undefined) notes.push(['help', d.help]);
  if (d.example !== undefined) notes.push(['example', formatExample(d.example)]);
  if (frame && notes.length > 0) out.push(gutter(`${pad} |`));
  for (const [label, text] of notes) {
    const prefix = `${pad} ${gutter('=')} ${colors.bold(`${label}:`)} `;
    // A multi-line help keeps its lines, each under the first one's text.
    const indent = ' '.repeat(gutterWidth + label.length + 5);
    const noteLines = text.split(/\r?\n/).map(escapeUnsafe);
    out.push(noteLines.map((line, i) => (i === 0 ? prefix : indent) + line).join('\n'));
  }
  return out.join('\n');
}

function location(d: Diagnostic): string {
  if (d.row !== undefined)
    return `${d.file} row ${d.row}${d.column === undefined ? '' : `, column ${d.column}`}`;
  if (!d.range) return d.file ?? '';
  return `${d.file}:${d.range.start.line}:${d.range.start.column}`;
}

function severityColor(severity: Severity, colors: Colors): (text: string) => string {
  const color = { error: colors.red, warning: colors.yellow, info: colors.cyan }[severity];
  return (text) => colors.bold(color(text));
}
