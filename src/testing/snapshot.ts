import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { type Evaluate, runEvaluation } from '../engine/run.js';
import { msg, type Text } from '../i18n/text.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { POLICY_FILE } from '../policy/files.js';
import type { Policy } from '../policy/schema/policy.js';
import { maskValue } from '../privacy/mask.js';
import { type MigrationMatrix, migrationMatrix } from '../simulate/migration.js';

export interface SnapshotOptions {
  /** The customer file every decision is recorded for. */
  data: string;
  transactions?: string;
  asOf?: string;
  /** Where the snapshot lives; `<policy>.snap.json` beside the test file by default. */
  file?: string;
  update?: boolean;
  testFile: string;
  policyFile: string;
  evaluate: Evaluate;
}

export interface Decision {
  tier: string | null;
  score: number | null;
}

/** The file: one decision per customer, keys sorted so that a change shows as a small diff. */
export interface Snapshot {
  version: 1;
  policy: string;
  policyVersion: string;
  data: string;
  asOf?: string;
  customers: Record<string, Decision>;
}

export interface SnapshotChange {
  /** Masked when the policy marks its key as personal data. */
  customer: string;
  before?: Decision;
  after?: Decision;
}

export interface SnapshotOutcome {
  file: string;
  policy: string;
  /** written: there was none; unchanged; changed: fails until updated; updated: rewritten on request. */
  status: 'written' | 'unchanged' | 'changed' | 'updated' | 'error';
  changes: SnapshotChange[];
  matrix?: MigrationMatrix;
  diagnostics: Diagnostic[];
}

/**
 * Records every customer's decision on a sample data set, or compares with the record: what
 * changed is listed and summed up as a migration matrix, and fails until `update` is asked for.
 */
export async function snapshotPolicy(policy: Policy, options: SnapshotOptions): Promise<SnapshotOutcome> {
  const file =
    options.file ??
    join(dirname(options.testFile), basename(options.policyFile).replace(POLICY_FILE, '.snap.json'));
  const base = { file, policy: options.policyFile, changes: [] };
  const run = await runEvaluation(policy, {
    customers: options.data,
    transactions: options.transactions,
    asOf: options.asOf,
    evaluate: options.evaluate,
  });
  if (run.failed)
    return { ...base, status: 'error', diagnostics: run.diagnostics.filter((d) => d.severity === 'error') };
  const customers: Record<string, Decision> = Object.create(null);
  for (const r of [...run.results].sort((a, b) =>
    a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0,
  ))
    customers[r.customer] = { tier: r.tier ?? null, score: r.score ?? null };
  const current: Snapshot = {
    version: 1,
    policy: policy.metadata.name,
    policyVersion: policy.metadata.version,
    data: options.data,
    ...(run.asOf ? { asOf: run.asOf.date } : {}),
    customers,
  };
  const previous = await readSnapshot(file);
  if ('diagnostic' in previous) return { ...base, status: 'error', diagnostics: [previous.diagnostic] };
  const write = async (
    status: SnapshotOutcome['status'],
    changes: SnapshotChange[],
    matrix?: MigrationMatrix,
  ) => {
    try {
      await writeFileAtomic(file, `${JSON.stringify(current, null, 2)}\n`);
      return { ...base, status, changes, matrix, diagnostics: [] };
    } catch (error) {
      const d = diagnostic('TW0009', msg('testing.cannotWrite', { file, detail: (error as Error).message }), {
        file,
      });
      return { ...base, status: 'error' as const, diagnostics: [d] };
    }
  };
  if (previous.snapshot === undefined) return write('written', []);
  const key = Object.entries(policy.facts ?? {}).find(([, f]) => f.key);
  const show = (id: string) => (key?.[1].pii ? String(maskValue(id)) : id);
  const revenueFact = Object.entries(policy.facts ?? {}).find(([, f]) => f.revenue)?.[0];
  const changes: SnapshotChange[] = [];
  const moves = [];
  const ids = [...new Set([...Object.keys(previous.snapshot.customers), ...Object.keys(customers)])].sort();
  for (const id of ids) {
    const before = Object.hasOwn(previous.snapshot.customers, id)
      ? previous.snapshot.customers[id]
      : undefined;
    const after = customers[id];
    if (before && after) {
      const revenue = revenueFact ? run.facts.get(id)?.[revenueFact] : undefined;
      moves.push({
        from: before.tier ?? undefined,
        to: after.tier ?? undefined,
        ...(typeof revenue === 'number' ? { revenue } : {}),
      });
    }
    if (before?.tier !== after?.tier || before?.score !== after?.score)
      changes.push({ customer: show(id), ...(before ? { before } : {}), ...(after ? { after } : {}) });
  }
  if (changes.length === 0) return { ...base, status: 'unchanged', diagnostics: [] };
  const matrix = migrationMatrix(policy.tiers?.levels.map((l) => l.id) ?? [], moves);
  if (options.update) return write('updated', changes, matrix);
  return {
    ...base,
    status: 'changed',
    changes,
    matrix,
    diagnostics: [
      diagnostic('TW0905', msg('testing.snapshotDiffers', { n: changes.length, file }), {
        file,
        help: msg('testing.snapshotDiffersHelp'),
      }),
    ],
  };
}

async function readSnapshot(file: string): Promise<{ snapshot?: Snapshot } | { diagnostic: Diagnostic }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return {
      diagnostic: diagnostic(
        'TW0001',
        msg('testing.cannotRead', { file, detail: (error as Error).message }),
        {
          file,
        },
      ),
    };
  }
  try {
    const value = JSON.parse(text) as Snapshot;
    if (value?.version === 1 && typeof value.customers === 'object' && value.customers !== null)
      return { snapshot: value };
    return { diagnostic: unreadableSnapshot(file, msg('testing.notTierwiseSnapshot', { file })) };
  } catch (error) {
    return {
      diagnostic: unreadableSnapshot(
        file,
        msg('testing.notSnapshot', { file, detail: (error as Error).message }),
      ),
    };
  }
}

function unreadableSnapshot(file: string, message: Text): Diagnostic {
  return diagnostic('TW0905', message, {
    file,
    help: msg('testing.notSnapshotHelp'),
  });
}
