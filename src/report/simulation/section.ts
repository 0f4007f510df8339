import type { Figure } from '../../format/figure.js';
import type { Language } from '../../i18n/language.js';
import { csvText as csvTable } from '../csv.js';
import { renderTable } from '../table.js';
import { t } from './text.js';

export interface Column {
  title: string;
  /** CNY, %, points, contacts / quarter: shown in the heading (% in the cells instead). */
  unit?: string;
  /** false: the unit goes to the CSV only, the section's title names it. */
  unitInTitle?: boolean;
  numeric?: boolean;
}

/** One part of a report as every format shows it: a heading, sentences, and a table. */
export interface Section {
  /** Stable, language-independent: the CSV's `section` and the HTML's element id. */
  id: string;
  title: string;
  lines: string[];
  columns: Column[];
  rows: Figure[][];
}

export function heading(column: Column): string {
  return column.unit && column.unit !== '%' && column.unitInTitle !== false
    ? `${column.title} (${column.unit})`
    : column.title;
}

export function tableText(title: string, sections: readonly Section[]): string {
  const out: string[] = [title, '='.repeat(Math.min(60, title.length * 2)), ''];
  for (const s of sections) {
    out.push(`== ${s.title} ==`, ...s.lines);
    if (s.rows.length > 0)
      out.push(
        renderTable(
          s.columns.map(heading),
          s.rows.map((row) => row.map((c) => c.text)),
          s.columns.map((c) => c.numeric === true),
        ),
      );
    out.push('');
  }
  return `${out.join('\n')}`;
}

/** GitHub-flavoured Markdown: a pipe or a line break in a label must not break the table. */
export function markdownCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\r?\n|\r/g, ' ');
}

export function markdownText(title: string, sections: readonly Section[]): string {
  const out: string[] = [`# ${markdownCell(title)}`, ''];
  for (const s of sections) {
    out.push(`## ${markdownCell(s.title)}`, '');
    for (const line of s.lines) out.push(markdownCell(line), '');
    if (s.rows.length === 0) continue;
    out.push(`| ${s.columns.map((c) => markdownCell(heading(c))).join(' | ')} |`);
    out.push(`| ${s.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`);
    for (const row of s.rows) out.push(`| ${row.map((c) => markdownCell(c.text)).join(' | ')} |`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

/**
 * One rectangular table for spreadsheets, a row per reported value: section, item (the row's
 * first cell), measure (the column), value and unit. Numbers go out as numbers, so a negative
 * change stays a number rather than a quoted '-5; text is quoted per RFC 4180.
 */
export function csvText(sections: readonly Section[], language: Language): string {
  const data: (string | number)[][] = [];
  for (const s of sections) {
    for (const line of s.lines) data.push([s.id, '', t('note', language), line, '']);
    for (const row of s.rows) {
      for (let j = 1; j < s.columns.length; j++) {
        const column = s.columns[j]!;
        const cell = row[j];
        data.push([
          s.id,
          row[0]?.text ?? '',
          column.title,
          cell?.value ?? cell?.text ?? '',
          column.unit ?? '',
        ]);
      }
    }
  }
  return csvTable(['section', 'item', 'measure', 'value', 'unit'], data);
}
