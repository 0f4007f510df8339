import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { openRecords } from '../../src/data/open.js';
import type { OpenOptions, RawRecord, RecordSource } from '../../src/data/types.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/** A temporary directory for one test file, removed after its tests. */
export function scratch(): (name: string, content?: string | Uint8Array) => string {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const path = join(dir, name);
    if (content !== undefined) writeFileSync(path, content);
    return path;
  };
}

export function isDiagnostic(value: RecordSource | Diagnostic): value is Diagnostic {
  return 'code' in value;
}

export async function open(path: string, options?: OpenOptions): Promise<RecordSource> {
  const source = await openRecords(path, options);
  if (isDiagnostic(source)) expect.fail(`expected ${path} to open, got ${source.code}: ${source.message}`);
  return source;
}

export async function readAll(path: string, options?: OpenOptions): Promise<RawRecord[]> {
  const source = await open(path, options);
  const records: RawRecord[] = [];
  for await (const record of source.records()) records.push(record);
  return records;
}

/** Records as plain data: row, then fields or the problem's code (and the problem's message). */
export function summarise(records: readonly RawRecord[]): unknown[] {
  return records.map((r) =>
    r.problem
      ? { row: r.row, code: r.problem.code, message: r.problem.message, fatal: r.fatal ?? false }
      : { row: r.row, fields: { ...r.fields } },
  );
}

/** Bytes from hex, for exact GBK test data: '客户' is BF CD BB A7. */
export function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

export function concat(...parts: (string | Uint8Array)[]): Uint8Array {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
}
