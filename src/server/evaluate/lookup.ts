import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import type { AsOf } from '../../facts/asof.js';
import { findCustomer } from '../../facts/find-customer.js';
import { msg } from '../../i18n/text.js';
import type { Policy } from '../../policy/schema/policy.js';
import { maskValue } from '../../privacy/mask.js';
import { type Actor, isRefusal, type Refusal } from '../../registry/outcome.js';
import type { ServerDeps } from '../deps.js';
import { renamed } from '../population/data.js';
import type { EvaluateRequest } from '../schemas/evaluate.js';

/** Whether the request looks its customer up in a stored dataset rather than giving it. */
export const isLookup = (body: EvaluateRequest) =>
  body.dataset !== undefined || body.transactionsDataset !== undefined;

type LookupProblem =
  | 'whatif.transactionsNeedDataset'
  | 'whatif.datasetAndFacts'
  | 'whatif.lookupNeedsCustomer';

/** What a lookup request lacks or has too much of, before anything is read. */
export function lookupShapeProblems(body: EvaluateRequest): Diagnostic[] {
  const problem = (id: LookupProblem, pointer: string) => [diagnostic('TW1352', msg(id), { pointer })];
  if (body.dataset === undefined) return problem('whatif.transactionsNeedDataset', '/transactionsDataset');
  if (body.facts !== undefined) return problem('whatif.datasetAndFacts', '/facts');
  if (body.record !== undefined) return problem('whatif.datasetAndFacts', '/record');
  if (body.transactions !== undefined) return problem('whatif.datasetAndFacts', '/transactions');
  if (body.customer === undefined) return problem('whatif.lookupNeedsCustomer', '/customer');
  return [];
}

/**
 * The customer's facts from the stored datasets, read as `tierwise eval` reads those files at the
 * request's as-of: a 404 (TW1351) when the dataset has no such customer. Files are named as the
 * client knows them (`ds-3`), never by their path on the server.
 */
export async function lookUpCustomer(
  body: EvaluateRequest,
  policy: Policy,
  asOf: AsOf,
  deps: ServerDeps,
  actor: Actor,
): Promise<{ facts: Record<string, unknown>; row: number; diagnostics: Diagnostic[] } | Refusal> {
  const customers = await deps.datasetPath(body.dataset!, actor);
  if (isRefusal(customers)) return customers;
  const transactions =
    body.transactionsDataset === undefined
      ? undefined
      : await deps.datasetPath(body.transactionsDataset, actor);
  if (isRefusal(transactions)) return transactions;
  const names = new Map([[customers.path, body.dataset!]]);
  if (transactions) names.set(transactions.path, body.transactionsDataset!);
  const found = await findCustomer(policy, body.customer!, {
    customers: customers.path,
    transactions: transactions?.path,
    // The as-of evaluate settled (`today` is a date by now), so both read the same day.
    asOf: asOf.wholeDay ? asOf.date : body.asOf,
  });
  if (found.found) return { ...found.customer, diagnostics: renamed(found.diagnostics, names) };
  if (found.failed) return { refused: 'invalid', diagnostics: renamed(found.diagnostics, names) };
  const keyIsPii = Object.values(policy.facts ?? {}).some((f) => f.key && f.pii);
  const customer = keyIsPii ? String(maskValue(body.customer)) : body.customer!;
  return {
    refused: 'not-found',
    diagnostics: [
      diagnostic('TW1351', msg('whatif.customerNotFound', { customer, dataset: body.dataset! }), {
        pointer: '/customer',
        help: msg('whatif.customerNotFoundHelp'),
      }),
    ],
  };
}
