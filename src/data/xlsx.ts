import ExcelJS, { type Cell, type CellValue, type Row } from 'exceljs';
import { diagnostic } from '../diagnostics/make.js';
import { suggestion } from '../diagnostics/suggest.js';
import { msg } from '../i18n/text.js';
import { emptyFields, FieldBuilder, formatBytes, isBlankRow, oversizedCell } from './fields.js';
import { shiftDecimal } from './number.js';
import type { Reader, ReaderEvent } from './source.js';
import type { FieldValue, Limits, RawRecord } from './types.js';

export interface XlsxOptions {
  file: string;
  sheet?: string;
  limits: Limits;
}

const BATCH_ROWS = 256;

/** What exceljs's streaming reader has at run time but its type declarations leave out. */
interface StreamedSheet extends AsyncIterable<Row> {
  name: string;
  /** The sheet's XML stream; unread when a sheet is skipped, so it is closed by hand. */
  iterator?: { destroy?: () => void };
}
interface StreamedWorkbook extends AsyncIterable<StreamedSheet> {
  model?: { sheets?: { name: string; state?: string }[] };
  stream?: { destroy(): void };
}

/**
 * One sheet of a workbook, streamed with exceljs's WorkbookReader: rows are Excel's own row
 * numbers, the header is the first row with any value, and cells right of the header's last
 * column are not read. Shared strings are held in memory (xlsx keeps each distinct text once, so
 * this grows with distinct texts, not rows); a workbook whose sheets come before its shared
 * strings in the zip (as Excel writes them) is spooled to a temporary file first.
 */
export async function* readXlsx(options: XlsxOptions): Reader {
  for (let attempt = 1; ; attempt++) {
    const state = { yielded: false, race: false };
    yield* readOnce(options, state, attempt < MAX_ATTEMPTS);
    if (!state.race) return;
  }
}

/**
 * exceljs's streaming reader can reach a worksheet before it has parsed xl/workbook.xml when
 * that entry comes last in the zip (exceljs/exceljs#3064): a race, not a bad file. It happens
 * before the first row, so reading again from the start is safe.
 */
const MAX_ATTEMPTS = 5;

function isWorkbookRace(error: unknown): boolean {
  return error instanceof TypeError && /reading 'sheets'/.test(error.message);
}

async function* readOnce(
  options: XlsxOptions,
  state: { yielded: boolean; race: boolean },
  mayRetry: boolean,
): Reader {
  const { file, limits } = options;
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles say which numbers are dates and percentages.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as StreamedWorkbook;
  let found: string | undefined;
  let row = 0;
  try {
    for await (const sheet of workbook) {
      const wanted = options.sheet ?? firstSheet(workbook) ?? sheet.name;
      if (sheet.name !== wanted) {
        sheet.iterator?.destroy?.();
        continue;
      }
      found = sheet.name;
      let builder: FieldBuilder | undefined;
      let batch: ReaderEvent[] = [];
      for await (const excelRow of sheet) {
        row = excelRow.number;
        const cells = cellsOf(excelRow, builder?.headers.length);
        if (isBlankRow(cells)) continue;
        const oversized = oversizedCell(cells, limits.maxFieldBytes);
        if (oversized >= 0) {
          const d = diagnostic(
            'TW0606',
            msg('data.valueTooLong', { limit: formatBytes(limits.maxFieldBytes) }),
            {
              file,
              row,
              column: builder?.headers[oversized],
              help: msg('data.valueTooLongHelp'),
            },
          );
          batch.push(...record({ row, fields: emptyFields(), problem: d, fatal: !builder }));
          if (!builder) break;
        } else if (!builder) {
          const names = Array.from(cells, headerText);
          builder = new FieldBuilder(names);
          batch.push({ kind: 'header', names, row, sheet: sheet.name });
        } else {
          batch.push(...record({ row, fields: builder.build(cells) }));
        }
        if (batch.length >= BATCH_ROWS) {
          state.yielded = true;
          yield batch;
          batch = [];
        }
      }
      state.yielded = true;
      if (batch.length > 0) yield batch;
      break;
    }
  } catch (error) {
    if (mayRetry && !state.yielded && isWorkbookRace(error)) {
      state.race = true;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const d = diagnostic(
      'TW0601',
      msg('data.workbookUnreadable', { row: row > 0 ? row : undefined, detail: message }),
      {
        file,
        row: row > 0 ? row : undefined,
        help: msg('data.workbookUnreadableHelp'),
      },
    );
    yield record({ row: row + 1, fields: emptyFields(), problem: d, fatal: true });
    return;
  } finally {
    workbook.stream?.destroy();
  }
  if (found === undefined) {
    const names = (workbook.model?.sheets ?? []).map((s) => s.name);
    const d = options.sheet
      ? diagnostic('TW0601', msg('data.noSuchSheet', { sheet: options.sheet }), {
          file,
          help: suggestion(options.sheet, names, 'sheets'),
        })
      : diagnostic('TW0601', msg('data.noSheets'), { file });
    yield record({ row: 1, fields: emptyFields(), problem: d, fatal: true });
  }
}

function record(r: RawRecord): ReaderEvent[] {
  return [{ kind: 'record', record: r }];
}

/** The first visible sheet in the workbook's tab order, as Excel opens it. */
function firstSheet(workbook: StreamedWorkbook): string | undefined {
  const sheets = workbook.model?.sheets ?? [];
  return (sheets.find((s) => s.state === undefined || s.state === 'visible') ?? sheets[0])?.name;
}

function cellsOf(row: Row, width: number | undefined): FieldValue[] {
  const cells: FieldValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (width === undefined || column <= width) cells[column - 1] = cellValue(cell);
  });
  return cells;
}

function headerText(cell: FieldValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** A cell as the user sees it, as far as one of string, number, boolean and Date can say it. */
function cellValue(cell: Cell): FieldValue {
  const numFmt = typeof cell.numFmt === 'string' ? cell.numFmt : undefined;
  return plain(cell.value, numFmt);
}

function plain(value: CellValue, numFmt: string | undefined): FieldValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    // Excel stores 85% as 0.85; the text keeps what the user sees, and the fact's unit decides.
    if (!Number.isFinite(value)) return null;
    return numFmt && isPercentFormat(numFmt) ? `${shiftDecimal(value, 2)}%` : value;
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    // The streaming reader reads an error result (#DIV/0!) as a number and gets NaN.
    if (typeof result === 'number' && Number.isNaN(result)) return '#ERROR';
    // A formula never calculated (a file not saved by Excel) has no result: an empty cell.
    return result === undefined ? null : plain(result, numFmt);
  }
  if ('text' in value) return plain(value.text, numFmt);
  return null;
}

/** A number format that shows a percentage: a % outside quoted text and [colour] sections. */
function isPercentFormat(numFmt: string): boolean {
  return numFmt.replace(/"[^"]*"|\[[^\]]*]|\\./g, '').includes('%');
}
