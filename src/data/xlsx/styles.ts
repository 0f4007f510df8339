import { type PartContext, type PartHandler, readPart } from './part.js';
import type { WorkbookProblem } from './problem.js';
import type { Attributes } from './xml.js';

/** What a cell's number format says about its number: nothing, a date, or a percentage. */
export type CellFormat = 'date' | 'percent' | undefined;

/**
 * Excel's built-in number formats that are not in styles.xml: 9 and 10 are percentages; 14–22
 * are dates and times, 27–36 and 50–58 the East Asian dates (年月日) Chinese Excel writes.
 */
function builtIn(id: number): CellFormat {
  if (id === 9 || id === 10) return 'percent';
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
    return 'date';
  return undefined;
}

/** A custom format's kind: quoted text, [colours and conditions] and escaped characters aside. */
export function formatKind(code: string): CellFormat {
  const bare = code.replace(/"[^"]*"|\[[^\]]*]|\\./g, '');
  if (bare.includes('%')) return 'percent';
  // exceljs's rule, which the reader kept: a date or time letter anywhere in what is left.
  return /[ymdhsb]/i.test(bare.replace(/General/gi, '')) ? 'date' : undefined;
}

class StylesHandler implements PartHandler {
  readonly wantsText = false;
  readonly custom = new Map<number, CellFormat>();
  readonly cells: number[] = [];
  problem?: WorkbookProblem;
  private inCellXfs = false;

  constructor(private readonly limit: number) {}

  open(name: string, a: Attributes): void {
    if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) {
      if (this.custom.size < this.limit) this.custom.set(Number(a.numFmtId), formatKind(a.formatCode));
    } else if (name === 'cellXfs') {
      this.inCellXfs = true;
    } else if (name === 'xf' && this.inCellXfs && this.cells.length < this.limit) {
      // A style past the limit reads as General: formats are a hint, never a reason to refuse.
      this.cells.push(Number(a.numFmtId ?? 0));
    }
  }
  close(name: string): void {
    if (name === 'cellXfs') this.inCellXfs = false;
  }
  text(): void {}
}

/** The format kind of each cell style index (a cell's `s` attribute). */
export async function readStyles(
  context: PartContext,
  part: string,
): Promise<CellFormat[] | WorkbookProblem> {
  const handler = new StylesHandler(context.limits.maxListEntries);
  const problem = await readPart(context, part, handler);
  if (problem) return problem;
  return handler.cells.map((id) => (handler.custom.has(id) ? handler.custom.get(id) : builtIn(id)));
}
