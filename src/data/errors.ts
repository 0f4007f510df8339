import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RawRecord } from './types.js';

/**
 * `--on-error`: what a bad row (one with an error diagnostic) does.
 * - `fail`: reading stops at the first bad row; its diagnostics are the result.
 * - `skip`: bad rows are dropped and counted by code.
 * - `report`: bad rows are kept without their bad values, so the policy's missing-value rule
 *   applies to them, and the diagnostics are collected.
 * A row that could not be read at all (TW0606, TW0608) has no values to keep and is dropped under
 * `report` too; a problem that ends the file (an unclosed quote, a bad byte) stops every mode,
 * since the rows after it are unread.
 */
export const ON_ERROR = ['fail', 'skip', 'report'] as const;
export type OnError = (typeof ON_ERROR)[number];

export interface ReadSummary {
  /** Records read, blank rows not counted. */
  rowsRead: number;
  rowsKept: number;
  rowsSkipped: number;
  /** Diagnostics per code, every severity, whether or not they were collected. */
  byCode: Record<string, number>;
  /** Diagnostics counted but not collected because `maxDiagnostics` was reached. */
  diagnosticsOmitted: number;
  /** Reading stopped before the end of the file (fail mode, or a problem that ends the file). */
  stopped: boolean;
}

export type RowDecision =
  | { action: 'keep'; values: Record<string, unknown> }
  | { action: 'skip' }
  | { action: 'stop'; diagnostics: Diagnostic[] };

export interface RowErrorPolicy {
  /** Decides one record's fate from what mapRecord made of it. After `stop`, read no further. */
  admit(
    record: RawRecord,
    mapped: { values: Record<string, unknown>; diagnostics: Diagnostic[] },
  ): RowDecision;
  /**
   * The same as admit() for a record that was read without problems and mapped without
   * diagnostics, for readers that convert cells without building mapRecord's result.
   */
  keepClean(): void;
  /**
   * A row it kept that the reader then left out (no key; a later duplicate of a key): skipped
   * after all, so that rowsKept counts the customers read, as the DuckDB loader counts them.
   * `finding`: the code the reader reported the row by, counted in byCode (TW0607).
   */
  drop(finding?: string): void;
  /** Collected diagnostics, in row order (warnings and notes included, in every mode but skip). */
  diagnostics(): Diagnostic[];
  summary(): ReadSummary;
}

/** Collected diagnostics are capped so that a file of a million bad rows does not fill memory. */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

export function rowErrorPolicy(mode: OnError, maxDiagnostics = DEFAULT_MAX_DIAGNOSTICS): RowErrorPolicy {
  const collected: Diagnostic[] = [];
  const byCode: Record<string, number> = {};
  let rowsRead = 0;
  let rowsKept = 0;
  let rowsSkipped = 0;
  let omitted = 0;
  let stopped = false;

  const collect = (diagnostics: readonly Diagnostic[]): void => {
    for (const d of diagnostics) {
      byCode[d.code] = (byCode[d.code] ?? 0) + 1;
      if (mode === 'skip') continue;
      if (collected.length < maxDiagnostics) collected.push(d);
      else omitted++;
    }
  };

  return {
    admit(record, mapped) {
      if (stopped) throw new Error('rowErrorPolicy.admit called after it said stop');
      rowsRead++;
      collect(mapped.diagnostics);
      const bad = mapped.diagnostics.some((d) => d.severity === 'error');
      if (record.fatal || (bad && mode === 'fail')) {
        stopped = true;
        rowsSkipped++;
        return { action: 'stop', diagnostics: mapped.diagnostics.filter((d) => d.severity === 'error') };
      }
      if (record.problem || (bad && mode === 'skip')) {
        rowsSkipped++;
        return { action: 'skip' };
      }
      rowsKept++;
      return { action: 'keep', values: mapped.values };
    },
    keepClean() {
      if (stopped) throw new Error('rowErrorPolicy.keepClean called after it said stop');
      rowsRead++;
      rowsKept++;
    },
    drop(finding) {
      rowsKept--;
      rowsSkipped++;
      if (finding !== undefined) byCode[finding] = (byCode[finding] ?? 0) + 1;
    },
    diagnostics: () => [...collected],
    summary: () => ({
      rowsRead,
      rowsKept,
      rowsSkipped,
      byCode: { ...byCode },
      diagnosticsOmitted: omitted,
      stopped,
    }),
  };
}
