import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { msg } from '../../i18n/text.js';
import { type Actor, isRefusal, type Refusal } from '../../registry/outcome.js';
import type { ServerDeps } from '../deps.js';
import type { PopulationData } from '../schemas/population.js';

/** The files a population run reads, and what to call them in what the client reads. */
export interface PopulationFiles {
  customers?: string;
  transactions?: string;
  /** Path → the name the client knows it by (`data`, `ds-3`): a temporary path says nothing to them. */
  names: Map<string, string>;
  /** Removes what the request uploaded; nothing uploaded outlives its request. */
  cleanup(): Promise<void>;
}

/**
 * The request's customers and transactions as files the population readers take: a stored
 * dataset where the registry keeps it, uploaded text in a private temporary folder.
 */
export async function populationFiles(
  body: PopulationData,
  deps: Pick<ServerDeps, 'datasetPath'>,
  actor: Actor,
): Promise<PopulationFiles | Refusal> {
  const problems: Diagnostic[] = [];
  if (body.dataset !== undefined && body.data !== undefined)
    problems.push(diagnostic('TW1310', msg('server.dataAndDataset'), { pointer: '/data' }));
  if (body.transactionsDataset !== undefined && body.transactions !== undefined)
    problems.push(diagnostic('TW1310', msg('server.dataAndDataset'), { pointer: '/transactions' }));
  const none = [body.dataset, body.data, body.transactionsDataset, body.transactions].every(
    (x) => x === undefined,
  );
  if (none) problems.push(diagnostic('TW1310', msg('server.noData'), { pointer: '' }));
  if (problems.length > 0) return { refused: 'invalid', diagnostics: problems };

  const names = new Map<string, string>();
  let folder: string | undefined;
  const cleanup = async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  };
  const place = async (
    dataset: string | undefined,
    text: string | undefined,
    format: string | undefined,
    name: string,
  ): Promise<string | Refusal | undefined> => {
    if (dataset !== undefined) {
      const found = await deps.datasetPath(dataset, actor);
      if (isRefusal(found)) return found;
      names.set(found.path, dataset);
      return found.path;
    }
    if (text === undefined) return undefined;
    folder ??= await mkdtemp(join(tmpdir(), 'tierwise-upload-'));
    // The readers pick the format by extension; the name is ours, never the client's.
    const path = join(folder, `${name}.${format ?? 'csv'}`);
    await writeFile(path, text, { mode: 0o600 });
    names.set(path, name);
    return path;
  };
  const customers = await place(body.dataset, body.data, body.dataFormat, 'data');
  if (isRefusal(customers)) return customers;
  const transactions = await place(
    body.transactionsDataset,
    body.transactions,
    body.transactionsFormat,
    'transactions',
  );
  if (isRefusal(transactions)) {
    await cleanup();
    return transactions;
  }
  return { customers, transactions, names, cleanup };
}

/** A rendered report naming files as the client knows them: no server path leaves the server. */
export function renamedText(text: string, names: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [path, name] of names) out = out.replaceAll(JSON.stringify(path).slice(1, -1), name);
  return out;
}

/** Diagnostics name files as the client knows them. */
export function renamed(
  diagnostics: readonly Diagnostic[],
  names: ReadonlyMap<string, string>,
): Diagnostic[] {
  return diagnostics.map((d) =>
    d.file !== undefined && names.has(d.file) ? { ...d, file: names.get(d.file) } : d,
  );
}
