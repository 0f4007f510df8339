import { diagnostic } from '../diagnostics/make.js';
import { suggestion } from '../diagnostics/suggest.js';
import { msg } from '../i18n/text.js';
import { emptyFields, FieldBuilder, formatBytes, isBlankRow, oversizedCell } from './fields.js';
import type { Reader, ReaderEvent } from './source.js';
import type { FieldValue, Limits, RawRecord } from './types.js';
import { DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from './xlsx/limits.js';
import { missingPart, scanPart } from './xlsx/part.js';
import { isProblem, type WorkbookProblem } from './xlsx/problem.js';
import { SheetHandler, type SheetRow } from './xlsx/sheet.js';
import { readWorkbook, type Workbook } from './xlsx/workbook.js';
import { openZip } from './xlsx/zip.js';

export interface XlsxOptions {
  file: string;
  sheet?: string;
  limits: Limits;
  /** Tests pass smaller ones; see DEFAULT_WORKBOOK_LIMITS. */
  workbookLimits?: WorkbookLimits;
}

/**
 * One sheet of a workbook, streamed: rows are Excel's own row numbers, the header is the first
 * row with any value, and cells right of the header's last column are not kept. The zip is read
 * from its central directory, the workbook's list of sheets, its styles and shared strings
 * first, then only the sheet asked for; every part is held to the limits of DEFAULT_WORKBOOK_LIMITS
 * before and while it inflates. Shared strings are held in memory (each distinct text once).
 */
export async function* readXlsx(options: XlsxOptions): Reader {
  const { file, limits } = options;
  const workbookLimits = options.workbookLimits ?? DEFAULT_WORKBOOK_LIMITS;
  let handler: SheetHandler | undefined;
  let reading: ReturnType<typeof scanPart> | undefined;
  try {
    const archive = await openZip(file, workbookLimits);
    if (isProblem(archive)) return yield fatal(file, archive);
    const context = { archive, limits: workbookLimits, budget: { inflated: 0 } };
    const book = await readWorkbook(context, limits.maxFieldBytes);
    if (isProblem(book)) return yield fatal(file, book);
    const sheet = chooseSheet(book, options.sheet);
    if (sheet === undefined) return yield noSheet(file, book, options.sheet);
    if (sheet.part === undefined) return yield fatal(file, missingPart(`${sheet.name} (sheet)`));
    handler = new SheetHandler(book, workbookLimits, limits.maxFieldBytes);
    const rows = new RowsToRecords(file, sheet.name, limits, handler);
    reading = scanPart(context, sheet.part, handler);
    for (;;) {
      const next = await reading.next();
      const batch = rows.take(handler.rows);
      handler.rows = [];
      if (next.done) {
        if (next.value && !rows.stopped)
          batch.push(...fatal(file, { ...next.value, row: next.value.row ?? handler.at }));
        if (batch.length > 0) yield batch;
        return;
      }
      if (batch.length > 0) yield batch;
      if (rows.stopped) return;
    }
  } catch (error) {
    // Reading the file itself failed (a disk error): the rows before stand.
    const row = handler?.at;
    const detail = (error as NodeJS.ErrnoException).code ?? String(error);
    const d = diagnostic('TW0601', msg('data.workbookUnreadable', { row, detail }), {
      file,
      row,
      help: msg('data.workbookUnreadableHelp'),
    });
    yield record({ row: row ?? 1, fields: emptyFields(), problem: d, fatal: true });
  } finally {
    // Also when the caller stops early (close()): the sheet's file stream is released now.
    await reading?.return(undefined);
  }
}

/** Sheet rows into the reader's events: the header row, then records and row problems. */
class RowsToRecords {
  stopped = false;
  private builder: FieldBuilder | undefined;

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly limits: Limits,
    private readonly handler: SheetHandler,
  ) {}

  take(rows: readonly SheetRow[]): ReaderEvent[] {
    const batch: ReaderEvent[] = [];
    for (const { number: row, cells } of rows) {
      if (this.stopped) break;
      if (isBlankRow(cells)) continue;
      const builder = this.builder;
      const oversized = oversizedCell(cells, this.limits.maxFieldBytes);
      if (oversized >= 0) {
        const d = diagnostic(
          'TW0606',
          msg('data.valueTooLong', { limit: formatBytes(this.limits.maxFieldBytes) }),
          { file: this.file, row, column: builder?.headers[oversized], help: msg('data.valueTooLongHelp') },
        );
        // Before the header, nothing can be read: the header itself is unreadable.
        batch.push(...record({ row, fields: emptyFields(), problem: d, fatal: !builder }));
        this.stopped = !builder;
      } else if (!builder) {
        const names = Array.from(cells, headerText);
        this.builder = new FieldBuilder(names);
        this.handler.width = names.length;
        batch.push({ kind: 'header', names, row, sheet: this.sheet });
      } else {
        batch.push(...record({ row, fields: builder.build(cells) }));
      }
    }
    return batch;
  }
}

function record(r: RawRecord): ReaderEvent[] {
  return [{ kind: 'record', record: r }];
}

function fatal(file: string, problem: WorkbookProblem): ReaderEvent[] {
  const d = diagnostic(problem.code, problem.message, { file, row: problem.row, help: problem.help });
  return record({ row: problem.row ?? 1, fields: emptyFields(), problem: d, fatal: true });
}

/** The sheet asked for, or the first visible one in the workbook's tab order, as Excel opens it. */
function chooseSheet(book: Workbook, name: string | undefined): Workbook['sheets'][number] | undefined {
  if (name !== undefined) return book.sheets.find((s) => s.name === name);
  return book.sheets.find((s) => s.state === undefined || s.state === 'visible') ?? book.sheets[0];
}

function noSheet(file: string, book: Workbook, name: string | undefined): ReaderEvent[] {
  const d = name
    ? diagnostic('TW0601', msg('data.noSuchSheet', { sheet: name }), {
        file,
        help: suggestion(
          name,
          book.sheets.map((s) => s.name),
          'sheets',
        ),
      })
    : diagnostic('TW0601', msg('data.noSheets'), { file });
  return record({ row: 1, fields: emptyFields(), problem: d, fatal: true });
}

function headerText(cell: FieldValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}
