import { stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { type AsOf, isAsOf, parseAsOf } from '../facts/asof.js';
import { withLogCustomers } from '../facts/customer-source.js';
import { customerColumns } from '../facts/customers.js';
import { missingLogDiagnostics } from '../facts/requirements.js';
import { DEFAULT_TIMEZONE } from '../facts/zone.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import { evaluatePopulation } from '../simulate/population.js';
import { CoverageTally } from './coverage.js';
import { chooseProfileFacts, type ProfileFacts } from './detect.js';
import { type ReadPass, readProfile } from './read.js';
import { isoIn, lastTransactions, StaleTally } from './stale.js';
import {
  type CoverageProfile,
  type DataProfile,
  DEFAULT_STALE_MONTHS,
  type ProfileOptions,
  type ProfileProgress,
  type ProfileRun,
} from './types.js';

export { DEFAULT_STALE_MONTHS };

/**
 * `tierwise data profile`: what the data says about itself before it decides tiers — seeds 003
 * and 004 warn that wrong data gives wrong tiers. One pass over the customer file counts each
 * mapped column's filled, empty and invalid cells, keys seen twice and likely duplicate customers
 * (names that normalise alike, the same phone under two keys); the transaction log (or an
 * activity fact) gives the stale customers; a second pass evaluates everyone on the fast path and
 * counts which tiers, rules, bands and cells the data reaches. Memory follows the customers (one
 * map entry per key, name and phone), never the rows' contents.
 */
export async function profileData(
  policy: Policy,
  given: ProfileOptions,
  onProgress?: (progress: ProfileProgress) => void,
): Promise<ProfileRun> {
  const options = withLogCustomers(policy, given);
  const failed = (diagnostics: Diagnostic[]): ProfileRun => ({ diagnostics, failed: true });
  const useTransactions = options.transactions !== undefined;
  const { keyFact, columns } = customerColumns(policy, useTransactions, { essential: false });
  if (!keyFact)
    return failed([
      diagnostic('TW0211', msg('facts.noKeyFact'), {
        pointer: '/facts',
      }),
    ]);
  const months = options.staleMonths ?? DEFAULT_STALE_MONTHS;
  if (!Number.isInteger(months) || months < 1)
    return failed([
      diagnostic('TW0850', msg('findings.staleMonths', { months }), {
        help: msg('findings.staleMonthsHelp'),
      }),
    ]);
  const chosen = chooseProfileFacts(policy, { ...options, useTransactions });
  if (Array.isArray(chosen)) return failed(chosen);
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const asOf = parseAsOf(options.asOf ?? 'today', { timezone, now: options.now });
  if (!isAsOf(asOf)) return failed(asOf);
  const limit = options.examples ?? 5;

  const stale = new StaleTally(
    chosen.activity?.kind ?? (useTransactions ? 'transactions' : 'none'),
    chosen.activity?.fact,
    months,
    asOf,
    limit * 4,
  );
  const read = await readProfile(options, columns, keyFact, chosen, await sizeOf(options.customers), {
    activity: chosen.activity ? (key, row, value) => stale.add(key, row, value) : undefined,
    onProgress,
  });
  if (!('keyRows' in read)) return failed(read.diagnostics);
  const diagnostics = [...read.diagnostics];
  // A profile reports what the data lacks rather than refusing to look at it.
  if (!useTransactions) diagnostics.push(...missingLogDiagnostics(policy, false));

  if (!chosen.activity && useTransactions) {
    const log = await lastTransactions(
      policy,
      options.transactions!,
      read.keyRows,
      asOf,
      { encoding: options.encoding, sheet: options.sheet },
      onProgress,
    );
    if ('failed' in log) return failed([...diagnostics, ...log.failed]);
    diagnostics.push(...log.diagnostics);
    for (const [key, row] of read.keyRows) stale.add(key, row, log.last.get(key));
  }
  const customers = read.keyRows.size;
  // Evaluation keeps its own register of keys; two of a million at once is a waste.
  read.keyRows.clear();

  const coverage = read.stopped
    ? undefined
    : await evaluateCoverage(policy, options, read, chosen, diagnostics, onProgress);
  return {
    profile: {
      policy: { name: policy.metadata.name, version: policy.metadata.version },
      file: read.file,
      format: read.format,
      encoding: read.encoding,
      asOf: asOfText(asOf),
      rows: { ...read.rows, customers },
      columns: read.columns,
      missingColumns: read.missingColumns,
      duplicateKeys: read.duplicateKeys,
      names: {
        ...read.names.result(chosen.name, columnOf(columns, chosen.name), limit * 4),
        chosenBy: chosen.chosenBy.name,
      },
      phones: {
        ...read.phones.result(chosen.phone, columnOf(columns, chosen.phone), limit * 4),
        chosenBy: chosen.chosenBy.phone,
      },
      stale: stale.result(),
      coverage,
      summary: read.summary,
      diagnostics,
    },
    diagnostics,
    failed: false,
  };
}

/**
 * Every customer through evaluatePopulation (the batch form: quotas ranked over everyone, the
 * transaction log joined), counting coverage chunk by chunk; the same pass fills in the first
 * member of each duplicate group, which the reading pass knew only by its row.
 */
async function evaluateCoverage(
  policy: Policy,
  options: ProfileOptions,
  read: ReadPass,
  chosen: ProfileFacts,
  diagnostics: Diagnostic[],
  onProgress?: (progress: ProfileProgress) => void,
): Promise<CoverageProfile | undefined> {
  const tally = new CoverageTally(policy);
  const customers = read.rows.read - read.rows.withoutKey - read.rows.duplicateKey;
  let done = 0;
  const run = await evaluatePopulation(
    policy,
    {
      customers: options.customers,
      transactions: options.transactions,
      asOf: options.asOf,
      now: options.now,
      onError: 'report',
      encoding: options.encoding,
      sheet: options.sheet,
      keep: Object.keys(policy.facts ?? {}),
      engine: options.engine,
    },
    (chunk, result) => {
      tally.add(chunk, result);
      const names = chosen.name === undefined ? undefined : chunk.facts[chosen.name];
      const phones = chosen.phone === undefined ? undefined : chunk.facts[chosen.phone];
      for (let i = 0; i < chunk.length; i++) {
        const row = chunk.rows[i]!;
        if (names && read.names.wants(row)) read.names.fill(row, chunk.keys[i]!, names[i]);
        if (phones && read.phones.wants(row)) read.phones.fill(row, chunk.keys[i]!, phones[i]);
      }
      done += chunk.length;
      onProgress?.({ phase: 'evaluate', done, total: customers });
    },
  );
  // Rows and cells were reported by the reading pass; keep what only evaluation finds, and of
  // the findings about single customers (unscorable, untiered) only the first few.
  let omitted = 0;
  let kept = 0;
  for (const d of run.diagnostics) {
    if (d.file === read.file) continue;
    if (d.file !== undefined) diagnostics.push(d);
    else if (d.code === 'TW0702' && d.severity === 'info')
      omitted += Number(/^(\d+) more/.exec(d.message)?.[1] ?? 0);
    else if (kept < CUSTOMER_FINDINGS) {
      diagnostics.push(d);
      kept++;
    } else omitted++;
  }
  if (omitted > 0)
    diagnostics.push(
      diagnostic('TW0702', msg('findings.moreNotListed', { n: omitted }), {
        severity: 'info',
        help: msg('findings.moreNotListedHelp'),
      }),
    );
  return run.failed ? undefined : tally.result();
}

/** Findings about single customers shown: the profile counts, eval lists. */
const CUSTOMER_FINDINGS = 5;

function asOfText(asOf: AsOf): DataProfile['asOf'] {
  return { date: asOf.date, instant: isoIn(asOf.instant, asOf.timezone), timezone: asOf.timezone };
}

function columnOf(
  columns: readonly { id: string; column: string }[],
  fact: string | undefined,
): string | undefined {
  return fact === undefined ? undefined : columns.find((c) => c.id === fact)?.column;
}

async function sizeOf(path: string | undefined): Promise<number> {
  if (path === undefined) return 0;
  return stat(path).then(
    (s) => s.size,
    () => 0,
  );
}
