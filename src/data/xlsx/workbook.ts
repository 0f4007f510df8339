import { msg } from '../../i18n/text.js';
import type { WorkbookLimits } from './limits.js';
import { type PartContext, type PartHandler, readPart, resolveTarget } from './part.js';
import type { WorkbookProblem } from './problem.js';
import { readSharedStrings } from './shared-strings.js';
import { type CellFormat, readStyles } from './styles.js';
import type { Attributes } from './xml.js';

/** What a sheet's cells need from the rest of the workbook, and where each sheet is. */
export interface Workbook {
  sheets: { name: string; state?: string; part?: string }[];
  date1904: boolean;
  sharedStrings: readonly string[];
  formats: readonly CellFormat[];
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

class RelationshipsHandler implements PartHandler {
  readonly wantsText = false;
  readonly found: Relationship[] = [];
  problem?: WorkbookProblem;

  constructor(private readonly limit: number) {}

  open(name: string, a: Attributes): void {
    if (name !== 'Relationship' || a.Target === undefined) return;
    if (this.found.length >= this.limit) this.problem ??= tooMany(this.limit);
    else this.found.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target });
  }
  close(): void {}
  text(): void {}
}

class WorkbookHandler implements PartHandler {
  readonly wantsText = false;
  readonly sheets: { name: string; state?: string; relationship?: string }[] = [];
  date1904 = false;
  problem?: WorkbookProblem;

  constructor(private readonly limit: number) {}

  open(name: string, a: Attributes): void {
    if (name === 'workbookPr') this.date1904 = a.date1904 === '1' || a.date1904 === 'true';
    if (name !== 'sheet' || a.name === undefined) return;
    if (this.sheets.length >= this.limit) this.problem ??= tooMany(this.limit);
    else this.sheets.push({ name: a.name, state: a.state, relationship: a['r:id'] ?? idOf(a) });
  }
  close(): void {}
  text(): void {}
}

/** The relationship id under any namespace prefix (`r:id` as most write it). */
function idOf(a: Attributes): string | undefined {
  const key = Object.keys(a).find((k) => k.endsWith(':id'));
  return key === undefined ? undefined : a[key];
}

function tooMany(limit: number): WorkbookProblem {
  return {
    code: 'TW0621',
    message: msg('data.xlsxTooManyEntries', { limit: limit.toLocaleString('en-US') }),
  };
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/**
 * The parts every sheet needs, read before any row in an order of our choosing (the zip's own
 * order put sheets before the workbook and raced exceljs/exceljs#3064): the workbook's list of
 * sheets, its number formats and its shared strings.
 */
export async function readWorkbook(
  context: PartContext,
  maxFieldChars: number,
): Promise<Workbook | WorkbookProblem> {
  const { limits } = context;
  const main = await mainPart(context, limits);
  if (typeof main !== 'string') return main;
  const book = new WorkbookHandler(limits.maxListEntries);
  const bookProblem = await readPart(context, main, book);
  if (bookProblem) return bookProblem;
  const relsName = resolveTarget(main, `_rels/${main.split('/').pop()}.rels`);
  const rels = new RelationshipsHandler(limits.maxListEntries);
  const relsProblem = await readPart(context, relsName, rels);
  if (relsProblem) return relsProblem;
  const related = (type: string, fallback: string): string | undefined => {
    const rel = rels.found.find((r) => r.type.endsWith(`/${type}`));
    const name = rel ? resolveTarget(main, rel.target) : resolveTarget(main, fallback);
    return context.archive.entries.has(name) ? name : undefined;
  };
  const stylesPart = related('styles', 'styles.xml');
  const formats = stylesPart ? await readStyles(context, stylesPart) : [];
  if (!Array.isArray(formats)) return formats;
  const stringsPart = related('sharedStrings', 'sharedStrings.xml');
  const sharedStrings = stringsPart ? await readSharedStrings(context, stringsPart, maxFieldChars) : [];
  if (!Array.isArray(sharedStrings)) return sharedStrings;
  const sheets = book.sheets.map((s) => {
    const rel = rels.found.find((r) => r.id === s.relationship);
    return { name: s.name, state: s.state, part: rel ? resolveTarget(main, rel.target) : undefined };
  });
  return { sheets, date1904: book.date1904, sharedStrings, formats };
}

/** The workbook part named by the package's relationships; xl/workbook.xml when they are absent. */
async function mainPart(context: PartContext, limits: WorkbookLimits): Promise<string | WorkbookProblem> {
  if (!context.archive.entries.has('_rels/.rels')) return 'xl/workbook.xml';
  const rels = new RelationshipsHandler(limits.maxListEntries);
  const problem = await readPart(context, '_rels/.rels', rels);
  if (problem) return problem;
  const main = rels.found.find((r) => OFFICE_DOCUMENT.test(r.type));
  return main ? resolveTarget('', main.target) : 'xl/workbook.xml';
}
