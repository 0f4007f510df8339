import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

/**
 * A tier state sent as text, as a file the state reader takes for the length of `run`: in a
 * private temporary folder, named by us (the reader picks the format by extension), removed
 * whatever happens. Diagnostics about it name it `state`, as the client knows it.
 */
export async function withStateFile<T extends { diagnostics: Diagnostic[] }>(
  text: string | undefined,
  format: 'csv' | 'ndjson' | 'json' | undefined,
  run: (path: string | undefined) => Promise<T>,
): Promise<T> {
  if (text === undefined) return run(undefined);
  const folder = await mkdtemp(join(tmpdir(), 'tierwise-state-'));
  const path = join(folder, `state.${format ?? 'csv'}`);
  try {
    await writeFile(path, text, { mode: 0o600 });
    const result = await run(path);
    result.diagnostics = result.diagnostics.map((d) => (d.file === path ? { ...d, file: 'state' } : d));
    return result;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
