import type { Code } from '../../diagnostics/codes.js';
import type { Text } from '../../i18n/text.js';

/** Why a workbook cannot be read (further): becomes the reader's last, fatal record. */
export interface WorkbookProblem {
  code: Extract<Code, 'TW0620' | 'TW0621' | 'TW0622' | 'TW0623'>;
  message: Text;
  help?: Text;
  /** The sheet row being read, when it happened inside a sheet. */
  row?: number;
}

export function isProblem(value: unknown): value is WorkbookProblem {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}
