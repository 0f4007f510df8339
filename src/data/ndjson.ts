import { readFile } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { systemReason } from '../diagnostics/system-error.js';
import { msg, type Text } from '../i18n/text.js';
import { decodePieces, firstBadByte, type LineEnding, newlineByte } from './decode.js';
import { emptyFields, formatBytes, longerThan, oversizedCell } from './fields.js';
import {
  depthOf,
  jsonSyntaxFault,
  MAX_JSON_DEPTH,
  positionOf,
  underflowingElements,
  underflowingNumbers,
} from './json-syntax.js';
import { encodingProblem, ioProblem, lineTooLong } from './problems.js';
import type { Reader, ReaderEvent } from './source.js';
import type { Encoding, Fields, FieldValue, Limits, RawRecord } from './types.js';

export interface JsonOptions {
  file: string;
  encoding: Encoding;
  bomLength: number;
  limits: Limits;
  /** From detectLineEnding; LF by default. */
  lineEnding?: LineEnding;
  /** NDJSON: the bytes, when they come as a stream (a request body) rather than from `file`. */
  source?: AsyncIterable<Uint8Array>;
}

/** NDJSON (JSON Lines): one object per line, streamed; a record's row is its line number. */
export async function* readNdjson(options: JsonOptions): Reader {
  const { file, limits } = options;
  let line = 0;
  const newline = newlineByte(options.lineEnding);
  const separator = String.fromCharCode(newline);
  for await (const piece of decodePieces(
    file,
    options.encoding,
    options.bomLength,
    limits.maxRowBytes,
    undefined,
    newline,
    options.source,
  )) {
    if (piece.kind === 'text') {
      const lines = piece.text.split(separator);
      // A piece ends just after a newline, so the split leaves an empty last element.
      if (lines.at(-1) === '') lines.pop();
      const events: ReaderEvent[] = [];
      for (const text of lines) {
        line++;
        if (text.trim() === '') continue;
        const record = recordOfLine(text, line, file, limits);
        events.push({ kind: 'record', record });
        if (record.fatal) {
          yield events;
          return;
        }
      }
      if (events.length > 0) yield events;
      continue;
    }
    if (piece.kind === 'bad-bytes') yield fatal(encodingProblem(file, line + 1, piece, options.encoding));
    else if (piece.kind === 'line-too-long')
      yield fatal(lineTooLong(file, line + 1, line + 1, limits.maxRowBytes, false));
    else yield fatal(ioProblem(file, line + 1, piece.message));
    return;
  }
}

/**
 * A top-level JSON array of objects. JSON.parse needs the whole text, so the file is read whole
 * and limited to maxJsonBytes (64 MiB by default); NDJSON has no such limit. A record's row is
 * its element number, 1 for the first.
 */
export async function* readJsonArray(options: JsonOptions): Reader {
  const { file, limits } = options;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    yield fatal(ioProblem(file, 1, systemReason(error)));
    return;
  }
  if (bytes.length > limits.maxJsonBytes) {
    const d = diagnostic(
      'TW0601',
      msg('data.jsonTooLarge', { bytes: bytes.length, limit: formatBytes(limits.maxJsonBytes) }),
      { file, help: msg('data.jsonTooLargeHelp') },
    );
    yield fatal({ row: 1, fields: emptyFields(), problem: d, fatal: true });
    return;
  }
  const body = bytes.subarray(options.bomLength);
  let text: string;
  try {
    text = new TextDecoder(options.encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const offset = firstBadByte(body, options.encoding) + options.bomLength;
    yield fatal(encodingProblem(file, 1, { offset }, options.encoding));
    return;
  }
  let elements: unknown;
  try {
    elements = JSON.parse(text);
  } catch (error) {
    yield fatal({ row: 1, fields: emptyFields(), problem: fileNotJson(file, text, error), fatal: true });
    return;
  }
  if (!Array.isArray(elements)) {
    const d = diagnostic('TW0601', msg('data.notAnArray'), {
      file,
      help: msg('data.notAnArrayHelp'),
    });
    yield fatal({ row: 1, fields: emptyFields(), problem: d, fatal: true });
    return;
  }
  // JSON.parse reads 1e-400 as 0: such a number is kept as its text, which conversion refuses.
  const underflowing =
    text.includes('e-') || text.includes('E-')
      ? underflowingElements(text)
      : new Map<number, Map<string, string>>();
  const BATCH = 1000;
  for (let start = 0; start < elements.length; start += BATCH) {
    const events: ReaderEvent[] = [];
    for (let i = start; i < Math.min(elements.length, start + BATCH); i++) {
      const record = recordOfValue('element', elements[i], i + 1, file, limits);
      if (!record.problem)
        for (const [key, literal] of underflowing.get(i) ?? []) record.fields[key] = literal;
      events.push({ kind: 'record', record });
    }
    yield events;
  }
}

function recordOfLine(text: string, row: number, file: string, limits: Limits): RawRecord {
  // Fatal like a line too long to hold: the outcome must not depend on where the file's chunks fall.
  if (longerThan([text], limits.maxRowBytes)) return lineTooLong(file, row, row, limits.maxRowBytes, false);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) return tooDeep('line', file, row);
    // V8's message quotes the text around the error, personal data included: say where instead.
    const fault = jsonSyntaxFault(text);
    const at = fault ? positionOf(text, fault.offset) : { column: 1 };
    const expected = msg('data.jsonExpected', { what: fault?.expected ?? 'value' });
    return malformed(file, row, msg('data.jsonLineSyntax', { column: at.column, expected }), undefined, {
      help: msg('data.jsonSyntaxHelp'),
    });
  }
  const record = recordOfValue('line', value, row, file, limits);
  // JSON.parse reads 1e-400 as 0: such a number is kept as its text, which conversion refuses.
  if (!record.problem && (text.includes('e-') || text.includes('E-'))) {
    for (const [key, literal] of underflowingNumbers(text)) record.fields[key] = literal;
  }
  return record;
}

function recordOfValue(
  kind: 'line' | 'element',
  value: unknown,
  row: number,
  file: string,
  limits: Limits,
): RawRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return malformed(file, row, msg('data.notAnObject', { kind, got: describe(value) }));
  }
  const fields: Fields = emptyFields();
  const cells: FieldValue[] = [];
  // JSON.parse makes "__proto__" an own property; copying into a safe record keeps it one.
  for (const [key, cell] of Object.entries(value)) {
    // Copying a nested value into a cell recurses once per level: bounded before it is copied
    // (the record is level 1, so its cells may nest MAX_JSON_DEPTH - 1 levels).
    if (cell !== null && typeof cell === 'object' && depthOf(cell, MAX_JSON_DEPTH - 1) >= MAX_JSON_DEPTH)
      return tooDeep(kind, file, row);
    const field = fieldOf(cell);
    fields[key] = field;
    cells.push(field);
  }
  const oversized = oversizedCell(cells, limits.maxFieldBytes);
  if (oversized >= 0) {
    const column = Object.keys(fields)[oversized];
    return malformed(
      file,
      row,
      msg('data.valueTooLong', { limit: formatBytes(limits.maxFieldBytes) }),
      column,
    );
  }
  return { row, fields };
}

/** Nested objects and arrays are kept as their JSON text, so reading them as a number fails loudly. */
function fieldOf(cell: unknown): FieldValue {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean')
    return cell;
  return JSON.stringify(cell) ?? null;
}

function describe(value: unknown): 'null' | 'array' | 'string' | 'number' | 'boolean' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'string' | 'number' | 'boolean';
}

/** TW0601 for a .json file JSON.parse refused: where, and what was expected there. */
function fileNotJson(file: string, text: string, error: unknown): Diagnostic {
  // An engine whose JSON.parse recurses runs out of stack on deep nesting: never its message.
  if (!(error instanceof SyntaxError)) {
    return diagnostic('TW0630', msg('data.jsonTooDeep', { kind: 'element', limit: MAX_JSON_DEPTH }), {
      file,
      help: msg('data.jsonTooDeepHelp'),
    });
  }
  const fault = jsonSyntaxFault(text);
  const at = positionOf(text, fault?.offset ?? 0);
  const expected = msg('data.jsonExpected', { what: fault?.expected ?? 'value' });
  return diagnostic('TW0601', msg('data.jsonFileSyntax', { ...at, expected }), {
    file,
    help: msg('data.jsonSyntaxHelp'),
  });
}

/** TW0630: a record nested deeper than MAX_JSON_DEPTH; the record is skipped, reading goes on. */
function tooDeep(kind: 'line' | 'element', file: string, row: number): RawRecord {
  return malformed(file, row, msg('data.jsonTooDeep', { kind, limit: MAX_JSON_DEPTH }), undefined, {
    code: 'TW0630',
    help: msg('data.jsonTooDeepHelp'),
  });
}

function malformed(
  file: string,
  row: number,
  message: Text,
  column?: string,
  options: { code?: 'TW0606' | 'TW0630'; help?: Text } = {},
): RawRecord {
  return {
    row,
    fields: emptyFields(),
    problem: diagnostic(options.code ?? 'TW0606', message, {
      file,
      row,
      column,
      help: options.help ?? msg('data.oneObjectHelp'),
    }),
  };
}

function fatal(record: RawRecord): ReaderEvent[] {
  return [{ kind: 'record', record }];
}
