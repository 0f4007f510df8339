import type { Language } from '../../i18n/language.js';
import type { Diagnostic } from '../diagnostic.js';

export interface RenderInput {
  diagnostics: Diagnostic[];
  /** File → text, for code frames. */
  sources: Map<string, string>;
  color?: boolean;
  /** The files that were checked, clean ones included, for the summary. */
  files?: string[];
  /** The closing "checked N files" line; off where no files were checked (data diagnostics). */
  summary?: boolean;
  /**
   * Show at most this many findings of each code, then one line saying how many more: a file of
   * a million customers without a value must not print a million lines.
   */
  maxPerCode?: number;
  /** The language of messages, help and the words around them; English by default. */
  language?: Language;
}
