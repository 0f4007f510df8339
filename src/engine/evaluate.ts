import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { type AsOf, asOfKey } from '../facts/asof.js';
import { hasDateValues, resolveDates } from '../facts/date-values.js';
import { deriveContext, type FactPlan, factPlan, interpretFacts } from '../facts/derive.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import type { Entitlements, Sla } from '../policy/schema/service.js';
import { conditionSites } from '../policy/walk.js';
import { type Outcomes, outcomes } from './classify.js';
import { ReferenceConditions } from './conditions/reference.js';
import type { SiteResult } from './conditions/trace.js';
import { type Decision, noTierDiagnostic } from './decision.js';
import { defaultsApplier } from './defaults.js';
import { planScorecard, type ScoreBreakdown, scoreCustomer } from './scoring/scorecard.js';
import { NO_TIERS, TIERLESS_DECISION } from './tierless.js';
import { decideCriteria } from './tiers/criteria.js';
import { decideMatrix } from './tiers/matrix.js';
import { decideQuota, type Ranked, rankValue } from './tiers/quota.js';
import { decideThresholds } from './tiers/thresholds.js';

/** One customer as evaluation sees it: typed fact values, undefined where the data has none. */
export interface CustomerInput {
  id: string;
  facts: Readonly<Record<string, unknown>>;
  /** Where the customer came from, for messages: the row of the customer file. */
  row?: number;
}

export interface CustomerResult extends Outcomes {
  customer: string;
  row?: number;
  /** The rounded total the tiers compare; undefined for unscored policies or unscorable customers. */
  score?: number;
  breakdown?: ScoreBreakdown;
  tier?: string;
  decision: Decision;
  sla?: Sla;
  entitlements?: Entitlements;
  diagnostics: Diagnostic[];
}

/**
 * The reference evaluation: obviously right rather than fast. Conditions run on
 * json-rules-engine; scoring, tiers and outcomes follow docs/language.md step by step. The
 * compiled path (src/compile) must give the same results.
 */
export class ReferenceEvaluator {
  private readonly plan;
  private readonly withDefaults: ReturnType<typeof defaultsApplier>;
  private readonly facts: FactPlan;
  /** Conditions per as-of: the dates they compare with are instants found from it. */
  private readonly phases = new Map<string, Phases>();
  private readonly datesCompared: boolean;

  constructor(readonly policy: Policy) {
    this.withDefaults = defaultsApplier(policy);
    this.facts = factPlan(policy);
    this.plan = planScorecard(policy);
    this.datesCompared = hasDateValues(policy);
  }

  private conditions(asOf: AsOf | undefined): Phases {
    const key = !this.datesCompared ? '' : asOf ? asOfKey(asOf) : 'today';
    let phases = key === 'today' ? undefined : this.phases.get(key);
    if (!phases) {
      const policy = resolveDates(this.policy, asOf);
      const sites = conditionSites(policy).filter((s) => !s.pointer.startsWith('/conditions/'));
      phases = {
        policy,
        tier: new ReferenceConditions(
          policy,
          sites.filter((s) => s.pointer.startsWith('/tiers/')),
        ),
        later: new ReferenceConditions(
          policy,
          sites.filter((s) => !s.pointer.startsWith('/tiers/')),
        ),
      };
      if (key !== 'today') {
        if (this.phases.size > 16) this.phases.clear();
        this.phases.set(key, phases);
      }
    }
    return phases;
  }

  /**
   * `asOf`: what derived facts measure from (daysSince, …) and date conditions compare with;
   * today in the policy's zone when not given.
   */
  async evaluate(input: readonly CustomerInput[], options: { asOf?: AsOf } = {}): Promise<CustomerResult[]> {
    const prepare = interpretFacts(this.facts, deriveContext(this.facts, options.asOf));
    const phases = this.conditions(options.asOf);
    const tiers = phases.policy.tiers ?? NO_TIERS;
    const customers = input.map((c) => ({ ...c, facts: prepare(this.withDefaults(c.facts)) }));
    const partial: { score?: ScoreBreakdown; decision: Decision; diagnostics: Diagnostic[] }[] = [];
    for (const customer of customers) {
      const scored = this.plan ? scoreCustomer(this.plan, customer.facts, customer.id) : { diagnostics: [] };
      const score = scored.breakdown;
      let decision: Decision;
      if (!this.policy.tiers) decision = TIERLESS_DECISION;
      else if (this.plan && !score && tiers.method !== 'criteria' && tiers.method !== 'matrix') {
        decision = { method: 'none', reason: msg('explain.notScored') };
      } else if (tiers.method === 'thresholds') decision = decideThresholds(tiers.levels, score!.total);
      else if (tiers.method === 'matrix')
        decision = decideMatrix(tiers, customer.facts, score, phases.policy);
      else if (tiers.method === 'criteria') {
        const results = await guarded(
          phases.tier,
          withScore(customer.facts, score),
          customer.id,
          scored.diagnostics,
        );
        decision = results
          ? decideCriteria(tiers.levels, results)
          : { method: 'none', reason: msg('explain.conditionFailed') };
      } else decision = { method: 'none', reason: msg('explain.quotaPending') };
      partial.push({ score, decision, diagnostics: scored.diagnostics });
    }
    if (tiers.method === 'quota') {
      const rankBy = tiers.quota?.rankBy ?? 'score';
      const population: Ranked[] = customers.map((c, i) => ({
        key: c.id,
        rankValue: rankValue(rankBy === 'score' ? partial[i]!.score?.total : c.facts[rankBy]),
        tieBreak: (tiers.quota?.tieBreak ?? []).map((k) => c.facts[k.fact]),
      }));
      decideQuota(tiers, population).forEach((decision, i) => {
        partial[i]!.decision = decision;
      });
    }
    const results: CustomerResult[] = [];
    for (const [i, customer] of customers.entries()) {
      const { score, decision, diagnostics } = partial[i]!;
      const level = decision.method === 'none' ? undefined : tiers.levels[decision.level];
      const facts = { ...withScore(customer.facts, score), tier: level?.id };
      const later = outcomes(
        this.policy,
        (await guarded(phases.later, facts, customer.id, diagnostics)) ?? new Map(),
      );
      if (!level && diagnostics.length === 0 && this.policy.tiers)
        diagnostics.push(noTierDiagnostic(customer.id, decision, customer.row));
      results.push({
        customer: customer.id,
        row: customer.row,
        score: score?.total,
        breakdown: score,
        tier: level?.id,
        decision,
        sla: level?.sla,
        entitlements: level?.entitlements,
        ...later,
        diagnostics: diagnostics.map((d) => (customer.row === undefined ? d : { ...d, row: customer.row })),
      });
    }
    return results;
  }
}

interface Phases {
  /** The policy with its dates as instants for this as-of. */
  policy: Policy;
  tier: ReferenceConditions;
  later: ReferenceConditions;
}

/** json-rules-engine throws on values its operators cannot take; that is the customer's problem, not a crash. */
async function guarded(
  conditions: ReferenceConditions,
  facts: Readonly<Record<string, unknown>>,
  customer: string,
  diagnostics: Diagnostic[],
): Promise<Map<string, SiteResult> | undefined> {
  try {
    return await conditions.evaluate(facts);
  } catch (error) {
    diagnostics.push(
      diagnostic('TW0703', msg('explain.conditionsBroken', { customer, error: (error as Error).message })),
    );
    return undefined;
  }
}

function withScore(
  facts: Readonly<Record<string, unknown>>,
  score: ScoreBreakdown | undefined,
): Record<string, unknown> {
  return score ? { ...facts, score: score.total } : { ...facts };
}
