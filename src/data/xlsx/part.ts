import { msg } from '../../i18n/text.js';
import type { WorkbookLimits } from './limits.js';
import type { WorkbookProblem } from './problem.js';
import { type XmlFault, type XmlHandler, XmlScanner } from './xml.js';
import { checkPart, partBytes, type ZipArchive } from './zip.js';

/** A handler that can find the part wrong in what it means, not only in its XML. */
export interface PartHandler extends XmlHandler {
  problem?: WorkbookProblem;
}

/** Shared by the parts read for one sheet: the whole file's inflation allowance. */
export interface PartContext {
  archive: ZipArchive;
  limits: WorkbookLimits;
  budget: { inflated: number };
}

/**
 * Reads one part through `handler`, yielding after each piece so that a caller can take what
 * the handler collected (a sheet's rows) as it goes. Returns why it stopped early, if it did.
 */
export async function* scanPart(
  context: PartContext,
  name: string,
  handler: PartHandler,
): AsyncGenerator<void, WorkbookProblem | undefined> {
  const entry = context.archive.entries.get(name);
  if (entry === undefined) return missingPart(name);
  const refused = checkPart(context.archive, entry, context.limits, context.budget);
  if (refused) return refused;
  const scanner = new XmlScanner(handler, context.limits.maxTagChars);
  const bytes = partBytes(context.archive, entry);
  try {
    for (;;) {
      const next = await bytes.next();
      if (next.done) {
        if (next.value) return next.value;
        break;
      }
      scanner.write(next.value);
      if (scanner.fault) return xmlProblem(scanner.fault, name);
      if (handler.problem) return handler.problem;
      yield;
    }
  } finally {
    await bytes.return(undefined);
  }
  scanner.end();
  if (scanner.fault) return xmlProblem(scanner.fault, name);
  return handler.problem;
}

/** A part read to its end, for the small parts read before any row. */
export async function readPart(
  context: PartContext,
  name: string,
  handler: PartHandler,
): Promise<WorkbookProblem | undefined> {
  const reading = scanPart(context, name, handler);
  for (;;) {
    const next = await reading.next();
    if (next.done) return next.value;
  }
}

export function missingPart(name: string): WorkbookProblem {
  return {
    code: 'TW0620',
    message: msg('data.xlsxMissingPart', { part: name }),
    help: msg('data.workbookUnreadableHelp'),
  };
}

export function xmlProblem(fault: XmlFault, part: string): WorkbookProblem {
  return {
    code: 'TW0620',
    message: msg('data.xlsxBadXml', { part, fault }),
    help: msg('data.workbookUnreadableHelp'),
  };
}

/** A path named by a relationship, from the folder of the part that names it. */
export function resolveTarget(from: string, target: string): string {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.join('/');
}
