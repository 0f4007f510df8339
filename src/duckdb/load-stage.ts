import type { DuckDBConnection } from '@duckdb/node-api';
import type { OnError } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import type { ZoneCalendar } from '../facts/zone.js';
import { msg } from '../i18n/text.js';
import { duckdb } from '../sql/dialect.js';
import {
  type CleanCheck,
  checkedView,
  cleanView,
  convertInto,
  distinctKeys,
  dropView,
  type FileView,
  type Output,
  settledView,
} from './convert.js';
import { settle } from './settle.js';
import { HELPER, type Stage } from './stage.js';
import { failedLoad, type LoadSummary } from './summary.js';
import { dropRelation } from './table.js';

export interface StagedLoad {
  table: string;
  outputs: readonly Output[];
  onError: OnError;
  maxDiagnostics: number;
  key?: { k: number; pii: boolean };
  needed: number[];
  zone: ZoneCalendar;
  /** Diagnostics before the file's (the mapping's). */
  early: Diagnostic[];
  /**
   * A Parquet file with nothing to report is read in place, through a view (cleanView): the query
   * reads it again rather than a copy of it in memory.
   */
  view?: boolean;
}

/**
 * A staged file converted into its table and settled. Undefined when DuckDB's CSV reader refused
 * the file (strict mode: a malformed row, a bad byte, a line too long): the JS reader is to read
 * it. A Parquet file or database table DuckDB cannot read is TW0601.
 */
export async function loadStaged(
  connection: DuckDBConnection,
  stage: Stage,
  load: StagedLoad,
): Promise<LoadSummary | undefined> {
  try {
    if (load.view && stage.reader === 'duckdb-parquet') {
      // An unreadable file is the table path's to report.
      const rows = await cleanView(connection, fileView(stage, load), checkOf(load)).catch(() => undefined);
      if (rows !== undefined) return loaded(stage, load, rows);
    }
    try {
      await convertInto(connection, stage, load.outputs, load.table, load.zone);
    } catch {
      await dropRelation(connection, load.table);
      await connection.run(`DROP TABLE IF EXISTS temp.${duckdb.ident(HELPER.cells(load.table))}`);
      if (stage.reader.startsWith('duckdb-csv')) return undefined;
      const format = stage.reader === 'duckdb-parquet' ? 'Parquet' : 'DuckDB';
      const unreadable = diagnostic('TW0601', msg('data.duckdbUnreadable', { format }), { file: stage.file });
      return failedLoad(load.table, [...load.early, unreadable], stage.reader);
    }
    const settled = await settle(connection, { ...load, stage });
    return {
      ...loaded(stage, load, settled.rowsLoaded),
      rowsDropped: settled.rowsRead - settled.rowsLoaded,
      diagnostics: [...load.early, ...stage.diagnostics, ...settled.diagnostics],
      failed: settled.failed,
    };
  } finally {
    await stage.close();
  }
}

/**
 * The file as a checked view whose rows are counted by the caller's own pass (LoadSummary.provisional),
 * or undefined where a view cannot be had: a file DuckDB reads in place (Parquet, a UTF-8 CSV),
 * a key to count. A counting run then reads the file once instead of twice, checks and all; a
 * file with something to report costs that pass more, and is then loaded as usual (`settle`).
 * A CSV's view numbers no rows until the count has passed (its window over every column would
 * cost the count a third more); the confirmed view holds the values alone, as cleanView's does.
 */
export async function provisionalLoad(
  connection: DuckDBConnection,
  stage: Stage,
  load: StagedLoad,
  settle: () => Promise<LoadSummary>,
): Promise<LoadSummary | undefined> {
  if (stage.reader !== 'duckdb-parquet' && stage.reader !== 'duckdb-csv') return undefined;
  if (load.key === undefined) return undefined;
  const view = fileView(stage, load);
  const row = stage.rowFromOrder === undefined ? stage.row : 'CAST(NULL AS BIGINT)';
  const made = await checkedView(connection, view, checkOf(load), row).catch(() => false);
  if (!made) return undefined;
  // The relation is the file itself: the view outlives the stage.
  await stage.close();
  return {
    ...loaded(stage, load, 0),
    provisional: {
      ok: HELPER.ok,
      async confirm(rows, bad) {
        if (bad > 0 || (await distinctKeys(connection, view)) !== rows) return undefined;
        await settledView(connection, view);
        return loaded(stage, load, rows);
      },
      async settle() {
        await dropView(connection, load.table);
        return settle();
      },
    },
  };
}

function fileView(stage: Stage, load: StagedLoad): FileView {
  return { stage, outputs: load.outputs, table: load.table, zone: load.zone };
}

function checkOf(load: StagedLoad): CleanCheck {
  return { key: load.key?.k, needed: load.needed };
}

/** A load of `rows` rows with nothing dropped and nothing to report but the header's (a file read in place). */
function loaded(stage: Stage, load: StagedLoad, rows: number): LoadSummary {
  return {
    table: load.table,
    rowsLoaded: rows,
    rowsDropped: 0,
    diagnostics: [...load.early, ...stage.diagnostics],
    columns: load.outputs.flatMap((o) => (o.local ? [o.name, o.local] : [o.name])),
    failed: false,
    reader: stage.reader,
  };
}
