import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec } from '../data/index.js';
import type { ZoneCalendar } from '../facts/zone.js';
import { duckdb } from '../sql/dialect.js';
import {
  blankRow,
  type FastCell,
  fastCell,
  nativeNumber,
  numberCast,
  readsNumber,
  trimmedText,
} from './cells.js';
import { createDays, DAY_YEARS, readsIsoDays } from './days.js';
import { underMemoryLimit } from './duck.js';
import { CELL, convertSlowCells, lookupName } from './lookup.js';
import { HELPER, type Stage } from './stage.js';
import { dropRelation } from './table.js';
import { literal, tableValue } from './values.js';

/** Where a resolved column goes in the table: its value's column and, for a date, its wall-clock ms'. */
export interface Output {
  name: string;
  local?: string;
}

const SLOW = 'tw$slow';

/**
 * The stage converted into `table` as mapRecord converts each record: `tw_row`, each column's value
 * (the default for an empty cell; NULL for an empty or refused one), and HELPER.blank. The file is
 * read once, straight into the table, converting the plain cells; the others — few, in most
 * files — go to the HELPER.cells table, are converted by JavaScript once per distinct text, and
 * are set in place (by tw_row), so the table is written once. Few columns are
 * written because each costs: a table of a million rows takes a second or more per column.
 * Throws what DuckDB's reader throws (strict mode: a malformed row).
 */
export async function convertInto(
  connection: DuckDBConnection,
  stage: Stage,
  outputs: readonly Output[],
  table: string,
  zone: ZoneCalendar,
): Promise<void> {
  const target = duckdb.ident(table);
  const cellsTable = duckdb.ident(HELPER.cells(table));
  const days = stage.columns.some(readsIsoDays);
  if (days) await createDays(connection, HELPER.days(table), zone, await dayYears(connection, stage));
  // The days join may read the file as its build side, in any order; a plain scan keeps the file's
  // (preserve_insertion_order, on in openDuck), so rowid is the record's place.
  const byOrder = stage.rowFromOrder !== undefined && !days;
  const row = byOrder ? 'CAST(NULL AS BIGINT)' : stage.row;
  try {
    await dropRelation(connection, table);
    await connection.run(`CREATE TABLE ${target} AS ${readSql(stage, outputs, table, zone, row)}`);
  } finally {
    if (days) await connection.run(`DROP TABLE IF EXISTS temp.${duckdb.ident(HELPER.days(table))}`);
  }
  if (byOrder) await connection.run(`UPDATE ${target} SET tw_row = rowid + ${stage.rowFromOrder}`);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${cellsTable} AS SELECT tw_row AS row, c.k AS k, c.raw AS raw, c.code AS code FROM (SELECT tw_row, UNNEST(${duckdb.ident(SLOW)}) AS c FROM ${target} WHERE ${duckdb.ident(SLOW)} IS NOT NULL)`,
  );
  await connection.run(`ALTER TABLE ${target} DROP COLUMN ${duckdb.ident(SLOW)}`);
  const converted = await convertSlowCells(connection, stage.columns, table, zone);
  try {
    for (const k of converted) await setConverted(connection, stage.columns[k]!, k, outputs[k]!, table, zone);
  } finally {
    for (const k of stage.columns.keys())
      await connection.run(`DROP TABLE IF EXISTS temp.${duckdb.ident(lookupName(table, k))}`);
  }
}

/** What a checked view checks besides the cells: the key column, and the columns a row must have. */
export interface CleanCheck {
  key?: number;
  needed: readonly number[];
}

/**
 * The file as a view, without a copy, with two columns besides the values (HELPER.ok, HELPER.key):
 * whether the row has nothing to report (every non-empty cell on the fast path, hence no bad cell;
 * not blank; required and needed values present), and the hash of its key. A count over them
 * (viewCounts) says whether the view holds what the table path would load; only then may it be
 * read as the customers. `row`: the row number (a CSV's costs a window over every column, which
 * DuckDB computes even when nothing reads it: a count that needs none passes NULL). False when
 * no count can tell (no needed column: a blank row would pass). The relation must outlive the
 * view (a file; not an attached database).
 */
export async function checkedView(
  connection: DuckDBConnection,
  view: FileView,
  check: CleanCheck,
  row = view.stage.row,
): Promise<boolean> {
  if (check.needed.length === 0) return false;
  const { stage, table, zone } = view;
  if (stage.columns.some(readsIsoDays))
    await createDays(connection, HELPER.days(table), zone, await dayYears(connection, stage));
  await dropRelation(connection, table);
  await connection.run(viewSql(view, row, check));
  return true;
}

/** A staged file read in place: which file, its columns' names, the view's name and the zone. */
export interface FileView {
  stage: Stage;
  outputs: readonly Output[];
  table: string;
  zone: ZoneCalendar;
}

/**
 * A checked view once its counts passed: the values alone, rows numbered, as the customers table
 * (whoever reads it with `*` sees no helper column). Its days table stays.
 */
export async function settledView(connection: DuckDBConnection, view: FileView): Promise<void> {
  await connection.run(viewSql(view, view.stage.row));
}

function viewSql({ stage, outputs, table, zone }: FileView, row: string, check?: CleanCheck): string {
  return `CREATE OR REPLACE VIEW ${duckdb.ident(table)} AS ${readSql(stage, outputs, table, zone, row, { view: check })}`;
}

/** What a checked view holds: its rows, those with something to report, and its distinct keys. */
interface ViewCounts {
  rows: number;
  bad: number;
  distinct: number;
}

/** The view's rows, bad rows and distinct keys in one pass, under the key pass's limit (distinctKeys). */
async function viewCounts(connection: DuckDBConnection, view: FileView): Promise<ViewCounts> {
  const { ok, key } = HELPER;
  return underMemoryLimit(connection, keyPassLimit(view), async () => {
    const reader = await connection.runAndReadAll(
      `SELECT count(*), count(*) FILTER (WHERE NOT ${duckdb.ident(ok)}), count(DISTINCT ${duckdb.ident(key)}) FROM ${duckdb.ident(view.table)}`,
    );
    const [rows = 0, bad = 0, distinct = 0] = (reader.getRowsJS()[0] ?? []).map(Number);
    return { rows, bad, distinct };
  });
}

/**
 * The checked view's distinct keys (a missing key is none): its only pass over them when a count
 * read its rows already. Its hash table grows with the file, so it runs under a small memory
 * limit, which DuckDB meets by partitioning the table and spilling what does not fit: peak memory
 * then stays flat in the customer count, and the pass is faster besides (10M rows on 2 cores:
 * Parquet 229 MiB and 0.8 s under 64 MiB, against 650 MiB and 1.3 s under DuckDB's default;
 * CSV 560 MiB and 3.2 s under 256 MiB, against 1,120 MiB and 3.8 s). A CSV's reader needs more:
 * its buffers take 32 MiB a thread.
 */
export async function distinctKeys(connection: DuckDBConnection, view: FileView): Promise<number> {
  return underMemoryLimit(connection, keyPassLimit(view), async () => {
    const reader = await connection.runAndReadAll(
      `SELECT count(DISTINCT ${duckdb.ident(HELPER.key)}) FROM ${duckdb.ident(view.table)}`,
    );
    return Number(reader.getRowsJS()[0]?.[0] ?? 0);
  });
}

const MiB = 2 ** 20;

function keyPassLimit(view: FileView): number {
  return view.stage.reader === 'duckdb-csv' ? 256 * MiB : 64 * MiB;
}

/**
 * Keys are told apart by their hash: equal counts prove every key distinct, and a collision only
 * costs the table path.
 */
function isClean(counts: ViewCounts): boolean {
  return counts.bad === 0 && counts.distinct === counts.rows;
}

/** A checked view and what it needs (the days table), dropped. */
export async function dropView(connection: DuckDBConnection, table: string): Promise<void> {
  await dropRelation(connection, table);
  await connection.run(`DROP TABLE IF EXISTS temp.${duckdb.ident(HELPER.days(table))}`);
}

/**
 * The file as a checked view when it has nothing to report: one pass that only counts, far
 * cheaper than writing the table. A file with something to report is undefined, and converted
 * into a table as usual. The rows it holds, else.
 */
export async function cleanView(
  connection: DuckDBConnection,
  view: FileView,
  check: CleanCheck,
): Promise<number | undefined> {
  if (!(await checkedView(connection, view, check))) return undefined;
  const counts = await viewCounts(connection, view);
  if (isClean(counts)) {
    await settledView(connection, view);
    return counts.rows;
  }
  await dropView(connection, view.table);
  return undefined;
}

/**
 * The years the days table covers: those of the DATE columns read as ISO days (Parquet keeps
 * their extremes, so this costs no scan), else DAY_YEARS' from 1970 on.
 */
async function dayYears(
  connection: DuckDBConnection,
  stage: Stage,
): Promise<{ first: number; last: number }> {
  const columns = stage.columns.flatMap((spec, k) =>
    readsIsoDays(spec) ? [stage.dates?.[stage.cells[k]!]] : [],
  );
  const text = { first: DAY_YEARS.textFirst, last: DAY_YEARS.last };
  if (columns.some((c) => c === undefined)) return text;
  const extremes = columns.flatMap((c) => [`min(year(${c}))`, `max(year(${c}))`]);
  const reader = await connection.runAndReadAll(`SELECT ${extremes.join(', ')} FROM ${stage.relation}`);
  const years = (reader.getRowsJS()[0] ?? []).filter((y) => y !== null).map(Number);
  if (years.length === 0) return { first: 0, last: -1 };
  return { first: Math.min(...years), last: Math.max(...years) };
}

/**
 * The one read of the file: each row numbered as the file is scanned (before any join), plain
 * cells converted (ISO dates by their day), blank rows flagged, and the cells left to
 * JavaScript listed in SLOW. `view`: the values with the columns a count checks them by
 * (checkedView).
 */
function readSql(
  stage: Stage,
  outputs: readonly Output[],
  table: string,
  zone: ZoneCalendar,
  row: string,
  mode: 'table' | { view?: CleanCheck } = 'table',
): string {
  const clean = mode !== 'table';
  const native = nativeColumns(stage);
  // A number column is scanned as its DOUBLE (a<i>); its text is only written for a cell to report.
  const text = (i: number) => (native.has(i) ? `CAST(a${i} AS VARCHAR)` : `a${i}`);
  const raw = (k: number) => text(stage.cells[k]!);
  const missing = (k: number) =>
    native.has(stage.cells[k]!) ? `(a${stage.cells[k]} IS NULL)` : `(${raw(k)} IS NULL OR ${raw(k)} = '')`;
  // Numeric cells are cast once, here, and read as n<k> by the fast path.
  const cast = stage.columns.flatMap((spec, k) =>
    readsNumber(spec) && !native.has(stage.cells[k]!) ? [k] : [],
  );
  const casts = cast.map((k) => `${numberCast(stage.all[stage.cells[k]!]!)} AS n${k}`);
  // A file checked clean (cleanView) has every non-empty cell on the fast path: its value needs no
  // test. Its text is trimmed where it is read: a view computes only the columns a query reads, so
  // names and phones a policy never looks at cost nothing (the table path sends a cell with space
  // to trim to convertValue instead).
  const fastOf = (spec: ColumnSpec, k: number): FastCell | undefined => {
    if (native.has(stage.cells[k]!)) return nativeNumber(spec, `a${stage.cells[k]}`);
    if (clean && spec.type === 'string') return { when: 'TRUE', value: trimmedText(raw(k)) };
    return fastCell(spec, raw(k), `n${k}`);
  };
  function cellValue(spec: ColumnSpec, k: number): string {
    const fast = fastOf(spec, k);
    if (!clean) return settledWhen(spec, fast);
    return fast?.value ?? literal(spec.type, undefined);
  }
  const scanned = stage.all.map((cell, i) => `${native.has(i) ? stage.native![i] : cell} AS a${i}`);
  const scan = `(SELECT ${[`${row} AS tw_row`, ...scanned, ...casts].join(', ')} FROM ${stage.relation}) r`;
  const days = duckdb.ident(HELPER.days(table));
  const joins = stage.columns.flatMap((spec, k) =>
    readsIsoDays(spec) ? [`LEFT JOIN ${days} d${k} ON d${k}.text = r.${raw(k)}`] : [],
  );
  const inner = [
    'tw_row',
    ...stage.all.map((_, i) => `a${i}`),
    ...stage.columns.map((spec, k) =>
      readsIsoDays(spec)
        ? `d${k}.start_ms AS f${k}, d${k}.local_ms AS l${k}`
        : `${cellValue(spec, k)} AS f${k}`,
    ),
  ];
  if (clean) {
    // A text cell of spaces alone is empty once trimmed.
    const empty = (spec: ColumnSpec, k: number) =>
      spec.type === 'string' && !native.has(stage.cells[k]!) ? `(f${k} IS NULL)` : missing(k);
    const values = [
      'tw_row',
      ...stage.columns.flatMap((spec, k) => plainCells(spec, empty(spec, k), k, outputs[k]!, zone)),
    ];
    if (mode.view === undefined)
      return `SELECT ${values.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${scan} ${joins.join(' ')})`;
    const { key, needed } = mode.view;
    // The fast path's tests read the casts.
    inner.push(...cast.map((k) => `n${k}`));
    // Every cell empty or on the fast path, required and needed ones present. A text key's
    // presence is left to the pass over keys (its hash is NULL without one), so that a count
    // reads no key at all; a blank row has no key, so it fails that pass.
    const ok = stage.columns.flatMap((spec, k) => {
      const present = spec.required || needed.includes(k);
      // Any text is a string's value; one that must be there must hold more than space.
      if (spec.type === 'string' && !native.has(stage.cells[k]!))
        return present && k !== key ? [`(f${k} IS NOT NULL)`] : [];
      const fast = readsIsoDays(spec) ? `f${k} IS NOT NULL` : (fastOf(spec, k)?.when ?? 'FALSE');
      return [present ? `(NOT ${missing(k)} AND ${fast})` : `(${missing(k)} OR ${fast})`];
    });
    values.push(
      `coalesce(${ok.join(' AND ') || 'TRUE'}, FALSE) AS ${duckdb.ident(HELPER.ok)}`,
      `${key === undefined ? 'NULL' : `CASE WHEN f${key} IS NOT NULL THEN hash(f${key}) END`} AS ${duckdb.ident(HELPER.key)}`,
    );
    return `SELECT ${values.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${scan} ${joins.join(' ')})`;
  }
  const settled = stage.columns.map((_, k) => `f${k} IS NOT NULL`).join(' OR ') || 'FALSE';
  // A row with a value is not blank: only the others are checked cell by cell.
  const blank = `CASE WHEN ${settled} THEN FALSE ELSE ${blankRow(stage.all.map((_, i) => text(i)))} END`;
  const unsettled = stage.columns.map((spec, k) => unsettledCell(spec, raw(k), missing(k), k));
  const slow = `CASE WHEN ${blank} THEN NULL WHEN ${unsettled.map((u) => u.when).join(' OR ')} THEN list_filter([${unsettled.map((u) => u.cell).join(', ')}], c -> c IS NOT NULL) END`;
  const outer = [`tw_row`, `${blank} AS ${duckdb.ident(HELPER.blank)}`];
  for (const [k, spec] of stage.columns.entries())
    outer.push(...plainCells(spec, missing(k), k, outputs[k]!, zone));
  outer.push(`${slow} AS ${duckdb.ident(SLOW)}`);
  return `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${scan} ${joins.join(' ')})`;
}

/** Column k's cells convertValue read: their values into the table, their error codes into the cells table. */
async function setConverted(
  connection: DuckDBConnection,
  spec: ColumnSpec,
  k: number,
  out: Output,
  table: string,
  zone: ZoneCalendar,
): Promise<void> {
  const target = duckdb.ident(table);
  const cells = duckdb.ident(HELPER.cells(table));
  const lookup = duckdb.ident(lookupName(table, k));
  const empty = emptyValues(spec, zone);
  const sets = [
    `${duckdb.ident(out.name)} = CASE lk.state WHEN ${CELL.value} THEN lk.v WHEN ${CELL.missing} THEN ${empty.value} END`,
  ];
  if (out.local)
    sets.push(
      `${duckdb.ident(out.local)} = CASE lk.state WHEN ${CELL.value} THEN lk.local WHEN ${CELL.missing} THEN ${empty.local} END`,
    );
  const matched = `(SELECT c.row, lk.* FROM ${cells} c JOIN ${lookup} lk ON lk.raw = c.raw WHERE c.k = ${k})`;
  await connection.run(
    `UPDATE ${target} SET ${sets.join(', ')} FROM ${matched} lk WHERE ${target}.tw_row = lk.row`,
  );
  await connection.run(
    `UPDATE ${cells} SET code = CASE lk.state WHEN ${CELL.missing} THEN ${empty.error} WHEN ${CELL.refused} THEN lk.code END FROM ${lookup} lk WHERE ${cells}.k = ${k} AND ${cells}.raw = lk.raw`,
  );
}

/** The cell's value when SQL settles it (fastCell), else NULL. */
function settledWhen(spec: ColumnSpec, fast: FastCell | undefined): string {
  return fast
    ? `CASE WHEN ${fast.when} THEN ${fast.value} ELSE ${literal(spec.type, undefined)} END`
    : literal(spec.type, undefined);
}

/**
 * The file's columns scanned as numbers (Stage.native): those of a number type that only number
 * facts read. A number column a text fact reads (a phone number as BIGINT) is read as its text.
 */
function nativeColumns(stage: Stage): Set<number> {
  const native = new Set<number>();
  stage.native?.forEach((expression, i) => {
    const readers = stage.columns.filter((_, k) => stage.cells[k] === i);
    if (expression !== undefined && readers.length > 0 && readers.every(readsNumber)) native.add(i);
  });
  return native;
}

/**
 * A cell SQL did not settle, as an entry of the row's list: one only convertValue reads (its
 * text), or an empty required one (TW0605).
 */
function unsettledCell(
  spec: ColumnSpec,
  raw: string,
  missing: string,
  k: number,
): { when: string; cell: string } {
  const slow = `(NOT ${missing} AND f${k} IS NULL)`;
  const when = spec.required ? `(${slow} OR ${missing})` : slow;
  const code = spec.required ? `CASE WHEN ${slow} THEN NULL ELSE 'TW0605' END` : 'CAST(NULL AS VARCHAR)';
  return { when, cell: `CASE WHEN ${when} THEN {'k': ${k}, 'raw': ${raw}, 'code': ${code}} END` };
}

/** A column as the file is read: plain and empty cells settled, the others NULL until converted. */
function plainCells(spec: ColumnSpec, missing: string, k: number, out: Output, zone: ZoneCalendar): string[] {
  const empty = emptyValues(spec, zone);
  const columns = [`CASE WHEN ${missing} THEN ${empty.value} ELSE f${k} END AS ${duckdb.ident(out.name)}`];
  if (out.local) {
    const local = readsIsoDays(spec) ? `l${k}` : 'CAST(NULL AS BIGINT)';
    columns.push(`CASE WHEN ${missing} THEN ${empty.local} ELSE ${local} END AS ${duckdb.ident(out.local)}`);
  }
  return columns;
}

/** What an empty cell gives (mapRecord): TW0605 when required, else the default (NULL without one). */
function emptyValues(spec: ColumnSpec, zone: ZoneCalendar): { value: string; local: string; error: string } {
  const value = spec.required ? undefined : tableValue(spec.type, spec.default, zone);
  const local = typeof value === 'number' && spec.type === 'date' ? value + zone.offsetAt(value) : undefined;
  return {
    value: literal(spec.type, value),
    local: literal('date', local),
    error: spec.required ? "CAST('TW0605' AS VARCHAR)" : 'CAST(NULL AS VARCHAR)',
  };
}
