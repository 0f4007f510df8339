import { msg } from '../../i18n/text.js';
import type { FieldValue } from '../types.js';
import { booleanCell, numberCell } from './cell.js';
import type { WorkbookLimits } from './limits.js';
import type { PartHandler } from './part.js';
import type { WorkbookProblem } from './problem.js';
import { TextCollector } from './shared-strings.js';
import type { Workbook } from './workbook.js';
import type { Attributes } from './xml.js';

export interface SheetRow {
  /** Excel's own row number. */
  number: number;
  cells: FieldValue[];
}

const REFERENCE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/**
 * A worksheet's <sheetData>, row by row: each cell's value as the user sees it, in string, number,
 * boolean or Date. Rows and columns are numbered as Excel numbers them, and bounded as Excel
 * bounds them; cells right of `width` (the header's last column, once known) are not kept.
 */
export class SheetHandler implements PartHandler {
  /** Rows completed since the caller last took them. */
  rows: SheetRow[] = [];
  problem?: WorkbookProblem;
  width: number | undefined;
  private inData = false;
  private row: SheetRow | undefined;
  private lastRow = 0;
  private column = 0;
  private cell: { type?: string; style: number; column: number } | undefined;
  private capture: 'value' | 'inline' | undefined;
  private inPhonetic = false;
  private inInlineText = false;
  private hasValue = false;
  private readonly collector: TextCollector;

  constructor(
    private readonly book: Workbook,
    private readonly limits: WorkbookLimits,
    maxFieldChars: number,
  ) {
    this.collector = new TextCollector(maxFieldChars + 1);
  }

  get wantsText(): boolean {
    return this.capture === 'value' || (this.inInlineText && !this.inPhonetic);
  }

  /** The row being read, for a problem's position. */
  get at(): number {
    return this.row?.number ?? this.lastRow + 1;
  }

  open(name: string, a: Attributes, selfClosing: boolean): void {
    // After a problem the rest of the part is not read: the row it is in is never completed.
    if (this.problem) return;
    if (name === 'sheetData') this.inData = !selfClosing;
    else if (!this.inData) return;
    else if (name === 'row') this.openRow(a, selfClosing);
    else if (name === 'c') this.openCell(a, selfClosing);
    else if (this.cell === undefined) return;
    else if (name === 'v') this.startValue(selfClosing);
    else if (name === 'is') this.capture = 'inline';
    else if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && this.capture === 'inline' && !selfClosing) {
      this.hasValue = true;
      this.inInlineText = true;
    }
  }

  close(name: string): void {
    if (this.problem) return;
    if (name === 'sheetData') this.inData = false;
    else if (name === 'row') this.closeRow();
    else if (name === 'c') this.closeCell();
    else if (name === 'v' && this.capture === 'value') this.capture = undefined;
    else if (name === 'is') this.capture = undefined;
    else if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't') this.inInlineText = false;
  }

  text(piece: string): void {
    this.collector.add(piece);
  }

  private openRow(a: Attributes, selfClosing: boolean): void {
    const number = a.r === undefined ? this.lastRow + 1 : Number(a.r);
    if (!Number.isInteger(number) || number < 1 || number > this.limits.maxRows) {
      this.problem ??= this.beyond('row', a.r ?? String(number));
      return;
    }
    this.lastRow = number;
    this.column = 0;
    // A row without cells (a height, a style) holds nothing to read.
    this.row = selfClosing ? undefined : { number, cells: [] };
  }

  private closeRow(): void {
    if (this.row) this.rows.push(this.row);
    this.row = undefined;
  }

  private openCell(a: Attributes, selfClosing: boolean): void {
    if (this.row === undefined) return;
    let column = this.column + 1;
    if (a.r !== undefined) {
      const m = REFERENCE.exec(a.r);
      if (!m || Number(m[2]) !== this.row.number) {
        this.problem ??= {
          code: 'TW0620',
          message: msg('data.xlsxBadReference', { reference: a.r.slice(0, 20), row: this.row.number }),
          help: msg('data.workbookUnreadableHelp'),
          row: this.row.number,
        };
        return;
      }
      column = columnNumber(m[1]!);
    }
    if (column > this.limits.maxColumns) {
      this.problem ??= this.beyond('cell', a.r ?? String(column));
      return;
    }
    this.column = column;
    if (selfClosing) return;
    this.cell = { type: a.t, style: a.s === undefined ? 0 : Number(a.s), column };
    this.hasValue = false;
  }

  private startValue(selfClosing: boolean): void {
    if (selfClosing) return;
    this.capture = 'value';
    this.hasValue = true;
  }

  private closeCell(): void {
    const cell = this.cell;
    this.cell = undefined;
    this.capture = undefined;
    this.inInlineText = false;
    this.inPhonetic = false;
    const text = this.collector.take();
    if (!cell || !this.row || !this.hasValue) return;
    if (this.width !== undefined && cell.column > this.width) return;
    const value = this.valueOf(cell, text);
    if (value !== undefined) this.row.cells[cell.column - 1] = value;
  }

  private valueOf(
    cell: { type?: string; style: number; column: number },
    text: string,
  ): FieldValue | undefined {
    switch (cell.type) {
      case 's': {
        const index = Number(text);
        const strings = this.book.sharedStrings;
        if (text.trim() !== '' && Number.isInteger(index) && index >= 0 && index < strings.length)
          return strings[index]!;
        this.problem ??= {
          code: 'TW0620',
          message: msg('data.xlsxNoSuchString', { index: text.trim(), count: strings.length }),
          help: msg('data.workbookUnreadableHelp'),
          row: this.row?.number,
        };
        return undefined;
      }
      case 'b':
        return booleanCell(text);
      case 'str':
      case 'inlineStr':
      case 'e':
      case 'd':
        // A formula's text, an inline text, an error such as #DIV/0!, an ISO 8601 date.
        return text;
      default:
        return numberCell(text, this.book.formats[cell.style], this.book.date1904);
    }
  }

  private beyond(what: 'row' | 'cell', reference: string): WorkbookProblem {
    return {
      code: 'TW0623',
      message: msg('data.xlsxBeyondSheet', {
        what,
        reference: reference.slice(0, 20),
        rows: this.limits.maxRows.toLocaleString('en-US'),
        columns: this.limits.maxColumns.toLocaleString('en-US'),
      }),
      help: msg('data.workbookUnreadableHelp'),
      row: what === 'cell' ? this.row?.number : undefined,
    };
  }
}

/** A, B, …, Z, AA, …: the column's number, 1-based. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}
