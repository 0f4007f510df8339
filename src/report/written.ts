import { formatBytes } from '../format/number.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/text.js';

/**
 * The line a command prints on stderr after writing a report to --out: where it went, in which
 * format and how large it is, so a script's log says what was produced.
 */
export function writtenLine(
  language: Language,
  written: { file: string; format: string; bytes: number },
): string {
  return `${t(language, 'report.wrote', { file: written.file, format: written.format, size: formatBytes(written.bytes) })}\n`;
}
