import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readAll, scratch } from './helpers.js';

/**
 * exceljs/exceljs#3064: the streaming reader can reach a worksheet before xl/workbook.xml and
 * throw "Cannot read properties of undefined (reading 'sheets')". The race is rare here, so it is
 * staged: the first readers constructed fail that way, later ones read the file.
 */
const file = scratch();
let workbook: string;

beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('客户');
  sheet.addRow(['客户编号', '近12个月消费金额']);
  sheet.addRow(['C1', 100]);
  workbook = file('race.xlsx');
  await book.xlsx.writeFile(workbook);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function racing(failures: number): void {
  const Original = ExcelJS.stream.xlsx.WorkbookReader;
  let made = 0;
  vi.spyOn(ExcelJS.stream.xlsx, 'WorkbookReader').mockImplementation(function (
    this: unknown,
    ...args: unknown[]
  ) {
    made++;
    if (made > failures) return new (Original as unknown as new (...a: unknown[]) => object)(...args);
    return {
      async *[Symbol.asyncIterator]() {
        // what _parseWorksheet throws when the model is not there yet
        yield* [];
        throw new TypeError("Cannot read properties of undefined (reading 'sheets')");
      },
    };
  } as never);
}

describe('xlsx: exceljs reaching a sheet before the workbook', () => {
  it('reads the file again from the start, and the rows are all there', async () => {
    racing(2);
    const records = await readAll(workbook);
    expect(records.map((r) => [r.row, r.fields.客户编号, r.problem?.code])).toEqual([[2, 'C1', undefined]]);
  });

  it('gives up with TW0601 when the race keeps happening', async () => {
    racing(100);
    const records = await readAll(workbook).catch((e: Error) => e);
    const message =
      records instanceof Error ? records.message : records.map((r) => r.problem?.message).join();
    expect(message).toMatch(/TW0601|cannot be read/);
  });
});
