import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import type { CustomerResult } from '../../engine/evaluate.js';
import { type AsOf, isAsOf, parseAsOf } from '../../facts/asof.js';
import { derivedFactsAdder } from '../../facts/derive.js';
import { DEFAULT_TIMEZONE } from '../../facts/zone.js';
import type { Language } from '../../i18n/language.js';
import { msg } from '../../i18n/text.js';
import type { Policy } from '../../policy/schema/policy.js';
import { maskValue } from '../../privacy/mask.js';
import { type ApplicableOverride, applyOverride, overrideDecidedBy } from '../../registry/overrides/apply.js';
import { customerJson } from '../../report/results.js';
import { InputBuilder } from '../../testing/inputs.js';
import type { EvaluateRequest } from '../schemas/evaluate.js';
import { decidedBy } from './decided-by.js';
import { type PreparedPolicy, REQUEST_PLACE } from './evaluators.js';

/** The request's as-of in the policy's zone (`today` when not given), or why it cannot be read. */
export function requestAsOf(policy: Policy, text: string | undefined, now: number): AsOf | Diagnostic[] {
  const parsed = parseAsOf(text ?? 'today', { timezone: policy.metadata.timezone ?? DEFAULT_TIMEZONE, now });
  return isAsOf(parsed) ? parsed : parsed.map((d) => ({ ...d, pointer: '/asOf' }));
}

/** A policy whose tiers rank the population has nothing to say about customers one by one. */
export function rankingProblem(policy: Policy): Diagnostic | undefined {
  if (policy.tiers?.method !== 'quota') return undefined;
  return diagnostic('TW1313', msg('server.quotaNeedsPopulation'));
}

/** The customer parts of the request that cannot go together, before anything is read. */
export function customerShapeProblems(body: EvaluateRequest): Diagnostic[] {
  if (body.facts !== undefined && body.record !== undefined)
    return [diagnostic('TW1309', msg('server.factsAndRecord'), { pointer: '/record' })];
  if (body.facts === undefined && body.record === undefined)
    return [diagnostic('TW1309', msg('server.noCustomer'), { pointer: '' })];
  if (body.transactions !== undefined && body.record === undefined)
    return [diagnostic('TW1309', msg('server.transactionsNeedRecord'), { pointer: '/transactions' })];
  return [];
}

export interface OneResult {
  result: CustomerResult;
  /** The customer's result as `eval --format json` writes it, masked, plus the tier's labels. */
  json: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

/**
 * One customer through the policy, read as `tierwise test` reads a case (facts typed as written;
 * a record through the policy's column specs; transactions through its aggregates at the as-of).
 */
export async function evaluateOne(
  prepared: PreparedPolicy,
  body: EvaluateRequest,
  asOf: AsOf,
  language: Language,
  override?: OverrideLookup,
): Promise<OneResult | Diagnostic[]> {
  const { policy } = prepared;
  // A builder keeps an aggregate plan per as-of text it is given: one for this request only, so
  // as-of values without end cannot fill the cached policy's memory.
  const inputs = body.transactions ? new InputBuilder(policy) : prepared.inputs;
  const input = inputs.build(
    { customer: body.customer, facts: body.facts, record: body.record, transactions: body.transactions },
    'customer',
    REQUEST_PLACE,
    asOf.wholeDay ? asOf.date : body.asOf,
  );
  if (Array.isArray(input)) return input.map(({ file: _file, ...d }) => d);
  const [computed] = await prepared.evaluate([input], { explain: body.explain === true, asOf });
  const found = override ? await override(computed!.customer) : undefined;
  const applied = found ? applyOverride(policy, computed!, found) : undefined;
  const result = applied && 'result' in applied ? applied.result : computed!;
  const note = applied && 'note' in applied ? applied.note : undefined;
  const facts = new Map([[input.id, derivedFactsAdder(policy, asOf)(input.facts)]]);
  const json: Record<string, unknown> = customerJson(
    {
      policy,
      results: [result],
      facts,
      distribution: prepared.empty,
      diagnostics: [],
      explain: body.explain,
      language,
      ...(note ? { overridden: new Map([[result.customer, note]]) } : {}),
    },
    result,
  );
  const level = policy.tiers?.levels.find((l) => l.id === result.tier);
  json.tierLabel = level?.label;
  const computedBy = decidedBy(policy, computed!.decision, language);
  json.decidedBy = note ? overrideDecidedBy(note, computedBy) : computedBy;
  delete json.row;
  const notApplied = applied && 'diagnostic' in applied ? [applied.diagnostic] : [];
  return { result, json, diagnostics: [...prepared.notes, ...result.diagnostics, ...notApplied] };
}

/** The approved override of a customer, if one decides their tier (the registry's, at the request's time). */
export type OverrideLookup = (customer: string) => Promise<ApplicableOverride | undefined>;

const personalKey = new WeakMap<PreparedPolicy, boolean>();

/** Whether the policy's key fact is personal data: asked once per policy, not per row of a batch. */
function keyIsPersonal(prepared: PreparedPolicy): boolean {
  let known = personalKey.get(prepared);
  if (known === undefined) {
    const keyFact = Object.entries(prepared.policy.facts ?? {}).find(([, f]) => f.key)?.[0];
    known = keyFact !== undefined && prepared.pii.has(keyFact);
    personalKey.set(prepared, known);
  }
  return known;
}

/** What the decision log keeps of a result: its outcome, the customer masked when the key is personal data. */
export function loggedResult(
  prepared: PreparedPolicy,
  json: Record<string, unknown>,
): Record<string, unknown> {
  const customer = keyIsPersonal(prepared) ? maskValue(json.customer) : json.customer;
  const { tier, score, decidedBy: decided, sla, entitlements, classes, flags, override } = json;
  return { customer, tier, score, decidedBy: decided, sla, entitlements, classes, flags, override };
}
