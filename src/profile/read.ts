import { fastConverter, SLOW } from '../data/fast-convert.js';
import { type ColumnSpec, mapRecord, type ReadSummary, rowErrorPolicy } from '../data/index.js';
import type { Format } from '../data/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { openCustomers } from '../facts/customer-source.js';
import { ColumnTally, isEmptyCell } from './columns.js';
import type { ProfileFacts } from './detect.js';
import { DuplicateFinder } from './duplicates.js';
import { normalizeCompanyName, normalizePhones } from './normalize.js';
import type { ColumnProfile, MissingColumn, ProfileOptions, ProfileProgress } from './types.js';

export interface ReadPass {
  file: string;
  format: Format;
  encoding?: string;
  columns: ColumnProfile[];
  missingColumns: MissingColumn[];
  rows: { read: number; malformed: number; withInvalid: number; withoutKey: number; duplicateKey: number };
  /** Customer key → the row that holds the customer (the first with the key). */
  keyRows: Map<string, number>;
  duplicateKeys: { key: string; row: number; firstRow: number }[];
  names: DuplicateFinder;
  phones: DuplicateFinder;
  summary: ReadSummary;
  diagnostics: Diagnostic[];
  /** Reading stopped early: a problem that ends the file. */
  stopped: boolean;
}

/** Rows between progress reports, and between samples of a row's size for the byte estimate. */
const PROGRESS_EVERY = 8192;
const SAMPLE_EVERY = 64;

/**
 * One pass over the customer file: every mapped column's counts, invalid values, keys seen twice,
 * and the name, phone and activity values the duplicate and stale checks need. Cells are
 * converted as the columnar reader converts them (fastConverter); a row with a cell it cannot
 * settle goes through mapRecord and rowErrorPolicy in `report` mode, exactly as `eval` reads it.
 */
export async function readProfile(
  options: ProfileOptions,
  wanted: readonly ColumnSpec[],
  keyFact: string,
  chosen: ProfileFacts,
  totalBytes: number,
  hooks: {
    /** Each customer's value of the activity fact (undefined when empty or invalid). */
    activity?: (key: string, row: number, value: unknown) => void;
    onProgress?: (p: ProfileProgress) => void;
  } = {},
): Promise<ReadPass | { diagnostics: Diagnostic[] }> {
  const opened = await openCustomers(options, wanted, keyFact);
  if (!('source' in opened)) return { diagnostics: opened.diagnostics };
  const { source, columns } = opened;
  const examples = options.examples ?? 5;
  const tally = new ColumnTally(columns, examples);
  const rows = { read: 0, malformed: 0, withInvalid: 0, withoutKey: 0, duplicateKey: 0 };
  const policy = rowErrorPolicy('report');
  const converters = columns.map(fastConverter);
  const headers = columns.map((c) => c.column);
  const required = columns.map((c) => c.required === true);
  const at = (fact: string | undefined) =>
    fact === undefined ? -1 : columns.findIndex((c) => c.id === fact);
  const keyIndex = at(keyFact);
  const nameIndex = at(chosen.name);
  const phoneIndex = at(chosen.phone);
  const activityIndex = at(chosen.activity?.fact);
  const keyRows = new Map<string, number>();
  const duplicateKeys: ReadPass['duplicateKeys'] = [];
  const names = new DuplicateFinder(nameIndex >= 0 && columns[nameIndex]!.pii === true);
  const phones = new DuplicateFinder(true);
  const { activity, onProgress } = hooks;
  const cells: unknown[] = new Array(columns.length);
  let sampled = 0;
  let sampledBytes = 0;

  for await (const record of source.records()) {
    if (record.problem) {
      rows.malformed++;
      const decision = policy.admit(record, mapRecord(record, columns, source.file));
      if (decision.action === 'stop') break;
      continue;
    }
    rows.read++;
    const fields = record.fields;
    let clean = true;
    let invalid = false;
    for (let k = 0; k < converters.length; k++) {
      const raw = fields[headers[k]!];
      if (isEmptyCell(raw)) {
        tally.empty[k]!++;
        cells[k] = undefined;
        if (required[k]) clean = false;
        continue;
      }
      const value = converters[k]!(raw);
      if (value === SLOW) {
        tally.invalid[k]!++;
        cells[k] = undefined;
        clean = false;
        invalid = true;
      } else {
        tally.filled[k]!++;
        cells[k] = value;
      }
    }
    if (clean) policy.keepClean();
    else {
      const mapped = mapRecord(record, columns, source.file);
      if (invalid) {
        rows.withInvalid++;
        tally.addExamples(mapped.diagnostics, fields);
      }
      policy.admit(record, mapped);
    }
    if (rows.read % SAMPLE_EVERY === 1) {
      sampled++;
      sampledBytes += rowBytes(fields);
    }
    if (onProgress && rows.read % PROGRESS_EVERY === 0)
      onProgress({
        phase: 'read',
        done: rows.read,
        total: totalBytes,
        bytes: (rows.read * sampledBytes) / sampled,
      });

    const id = cells[keyIndex];
    if (id === undefined) {
      rows.withoutKey++;
      continue;
    }
    const key = String(id);
    const firstRow = keyRows.get(key);
    if (firstRow !== undefined) {
      rows.duplicateKey++;
      if (duplicateKeys.length < examples * 4) duplicateKeys.push({ key, row: record.row, firstRow });
      continue;
    }
    keyRows.set(key, record.row);
    const name = nameIndex >= 0 ? cells[nameIndex] : undefined;
    if (typeof name === 'string') {
      const normalized = normalizeCompanyName(name);
      if (normalized !== undefined) names.add(normalized, key, record.row, name);
    }
    const phone = phoneIndex >= 0 ? cells[phoneIndex] : undefined;
    if (typeof phone === 'string')
      for (const digits of normalizePhones(phone)) phones.add(digits, key, record.row, phone);
    if (activity && activityIndex >= 0) activity(key, record.row, cells[activityIndex]);
  }
  await source.close();
  names.seal();
  phones.seal();
  const summary = policy.summary();
  const wantedIds = new Set(columns.map((c) => c.id));
  const missingColumns = wanted
    .filter((w) => !wantedIds.has(w.id))
    .map((w) => ({
      fact: w.id,
      column: w.column,
      required: w.required === true,
      message: opened.diagnostics.find((d) => d.message.includes(`'${w.column}'`))?.message ?? '',
    }));
  return {
    file: source.file,
    format: source.format,
    encoding: source.encoding,
    columns: tally.result(rows.read),
    missingColumns,
    rows,
    keyRows,
    duplicateKeys,
    names,
    phones,
    summary,
    diagnostics: [...opened.diagnostics, ...policy.diagnostics()],
    stopped: summary.stopped,
  };
}

/** A row's size in UTF-8 as a CSV line, near enough for a progress bar. */
function rowBytes(fields: Readonly<Record<string, unknown>>): number {
  let bytes = 1;
  for (const key in fields) {
    const v = fields[key];
    bytes +=
      1 +
      (typeof v === 'string' ? Buffer.byteLength(v) : v === null || v === undefined ? 0 : String(v).length);
  }
  return bytes;
}
