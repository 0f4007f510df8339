import pc from 'picocolors';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/text.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import { formatExample } from './example.js';
import { codeFrame } from './frame.js';
import type { RenderInput } from './input.js';
import { linesOf } from './lines.js';
import { summaryLine } from './summary.js';
import { charWidth, escapeUnsafe } from './width.js';

type Colors = ReturnType<typeof pc.createColors>;

/**
 * Human output in the style of rustc and Cedar: a headline with the code, the location, a code
 * frame with carets under the range, then `= help:` and `= example:` lines, and a summary.
 */
export function renderText(input: RenderInput): string {
  const colors = pc.createColors(input.color ?? false);
  const lines = linesOf(input.sources);
  const language = input.language ?? 'en';
  const blocks = input.diagnostics.map((d) => renderDiagnostic(d, lines(d.file), colors, language));
  const closing = input.summary === false ? [] : [summaryLine(input)];
  return `${[...blocks, ...closing].join('\n\n')}\n`;
}

function renderDiagnostic(
  d: Diagnostic,
  lines: string[] | undefined,
  colors: Colors,
  language: Language,
): string {
  const paint = severityColor(d.severity, colors);
  const gutter = (text: string) => colors.bold(colors.blue(text));
  const frame = lines && d.range ? codeFrame(lines, d.range, { gutter, caret: paint }) : undefined;
  const gutterWidth = frame?.gutterWidth ?? (d.range ? String(d.range.start.line).length : 1);
  const pad = ' '.repeat(gutterWidth);
  const out = [
    `${paint(`${t(language, `diagnostics.${d.severity}`)}[${d.code}]`)}${colors.bold(`: ${escapeUnsafe(d.message)}`)}`,
  ];
  if (d.file !== undefined) out.push(`${pad}${gutter('-->')} ${escapeUnsafe(location(d, language))}`);
  if (frame) out.push(gutter(`${pad} |`), ...frame.rows);
  const notes: [string, string][] = [];
  if (d.help !== undefined) notes.push([t(language, 'diagnostics.help'), d.help]);
  if (d.example !== undefined) notes.push([t(language, 'diagnostics.example'), formatExample(d.example)]);
  if (frame && notes.length > 0) out.push(gutter(`${pad} |`));
  for (const [label, text] of notes) {
    const prefix = `${pad} ${gutter('=')} ${colors.bold(`${label}:`)} `;
    // A multi-line help keeps its lines, each under the first one's text.
    const indent = ' '.repeat(gutterWidth + widthOf(label) + 5);
    const noteLines = text.split(/\r?\n/).map((part) => escapeUnsafe(part));
    out.push(noteLines.map((line, i) => (i === 0 ? prefix : indent) + line).join('\n'));
  }
  return out.join('\n');
}

function location(d: Diagnostic, language: Language): string {
  if (d.row !== undefined) {
    const file = d.file ?? '';
    return d.column === undefined
      ? t(language, 'diagnostics.rowAt', { file, row: d.row })
      : t(language, 'diagnostics.rowColumnAt', { file, row: d.row, column: d.column });
  }
  if (!d.range) return d.file ?? '';
  return `${d.file}:${d.range.start.line}:${d.range.start.column}`;
}

function severityColor(severity: Severity, colors: Colors): (text: string) => string {
  const color = { error: colors.red, warning: colors.yellow, info: colors.cyan }[severity];
  return (text) => colors.bold(color(text));
}

function widthOf(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}
