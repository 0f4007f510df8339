import { t } from '../../i18n/text.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { RenderInput } from './input.js';

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

const KEY: Record<Severity, keyof Summary> = { error: 'errors', warning: 'warnings', info: 'infos' };

export function summarize(diagnostics: readonly Diagnostic[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) summary[KEY[d.severity]]++;
  return summary;
}

/** The checked files; a caller that did not list them gets the files findings name, in order. */
export function checkedFiles(input: RenderInput): string[] {
  if (input.files) return input.files;
  return [...new Set(input.diagnostics.flatMap((d) => (d.file === undefined ? [] : [d.file])))];
}

/** `checked 9 files: 2 errors, 3 warnings`, the last line of the text and GitHub outputs. */
export function summaryLine(input: RenderInput): string {
  const { errors, warnings, infos } = summarize(input.diagnostics);
  const files = checkedFiles(input).length;
  return t(input.language ?? 'en', 'diagnostics.checked', { files, errors, warnings, infos });
}
