import type { Language } from '../../engine/explain/explain.js';
import type { DataProfile } from '../../profile/types.js';
import { escapeJsonControls, terminalText } from '../control.js';
import { csvText as csvTable } from '../csv.js';
import { PROFILE_FORMATS, type ProfileFormat } from '../formats.js';
import { renderTable } from '../table.js';
import { profileHtml } from './html.js';
import { t } from './labels.js';
import { profileSections, type Section } from './sections.js';

export { PROFILE_FORMATS, type ProfileFormat };

/**
 * The data profile in one of five formats. Personal data was masked when the profile was made,
 * so every format shows the same masked values; html escapes everything it prints.
 */
export function renderProfile(
  format: ProfileFormat,
  profile: DataProfile,
  language: Language = 'en',
): string {
  if (format === 'json') return escapeJsonControls(`${JSON.stringify(profile, null, 2)}\n`);
  const sections = profileSections(profile, language);
  switch (format) {
    case 'csv':
      return csvText(sections, language);
    case 'md':
      return terminalText(markdownText(sections));
    case 'html':
      return profileHtml(sections, profile, language);
    default:
      return terminalText(tableText(sections));
  }
}

function tableText(sections: readonly Section[]): string {
  const out: string[] = [];
  for (const s of sections) {
    out.push(`== ${s.title} ==`);
    for (const line of s.lines) out.push(line);
    if (s.rows.length > 0) out.push(renderTable(s.header, s.rows, s.numeric));
    out.push('');
  }
  return `${out.join('\n')}`;
}

function markdownText(sections: readonly Section[]): string {
  const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const out: string[] = [];
  for (const s of sections) {
    out.push(`## ${s.title}`, '');
    for (const line of s.lines) out.push(`${cell(line)}`, '');
    if (s.rows.length === 0) continue;
    out.push(`| ${s.header.map(cell).join(' | ')} |`);
    out.push(`| ${s.header.map((_, i) => (s.numeric[i] ? '---:' : '---')).join(' | ')} |`);
    for (const row of s.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

/**
 * One rectangular table for spreadsheets: a row per reported value, as section, item (the first
 * cell of its table row), measure (the column heading) and value. Lines of text are measure `note`.
 */
function csvText(sections: readonly Section[], language: Language): string {
  const data: string[][] = [];
  for (const s of sections) {
    for (const line of s.lines) data.push([s.id, '', t('note', language), line]);
    for (const row of s.rows) {
      for (let j = 1; j < s.header.length; j++) data.push([s.id, row[0] ?? '', s.header[j]!, row[j] ?? '']);
    }
  }
  return csvTable(['section', 'item', 'measure', 'value'], data);
}
