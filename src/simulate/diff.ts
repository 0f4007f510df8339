import { compilePolicy } from '../compile/policy.js';
import type { CustomerResult } from '../engine/evaluate.js';
import { runAsOf } from '../facts/derive.js';
import { sumMoney } from '../format/money.js';
import type { Policy } from '../policy/schema/policy.js';
import { customerAt } from './findings.js';
import { type Move, migrationMatrix } from './migration.js';
import { evaluatePopulations, type PopulationOptions } from './population.js';
import { describeMove } from './reason.js';
import { SimulationBuilder, sumService } from './simulate.js';
import type { Mover, PolicyDiff, PolicyRef, ServiceLoad } from './types.js';

export interface DiffOptions extends PopulationOptions {
  /** Movers listed (all are counted); 1,000 by default. */
  limit?: number;
  kpis?: readonly string[];
}

/**
 * Two policies over the same customers in one pass: who moves from which tier to which, what
 * the change costs in entitlements and service, and for each mover the reason. Tiers come from
 * the batch form, exactly as `eval` decides them (quotas ranked over everyone).
 */
export async function diffPolicies(
  from: { policy: Policy; file: string },
  to: { policy: Policy; file: string },
  options: DiffOptions,
): Promise<PolicyDiff> {
  const limit = options.limit ?? 1000;
  const builders = [from, to].map((p) => new SimulationBuilder(p.policy, options.kpis));
  const fromLevels = from.policy.tiers?.levels.map((l) => l.id) ?? [];
  const toLevels = to.policy.tiers?.levels.map((l) => l.id) ?? [];
  const order = [...toLevels, ...fromLevels.filter((t) => !toLevels.includes(t))];
  const rank = (tier: string | undefined) => (tier === undefined ? order.length : order.indexOf(tier));
  const revenueFact = Object.entries(to.policy.facts ?? {}).find(([, f]) => f.revenue)?.[0];
  const moves: Move[] = [];
  const movers: Mover[] = [];
  const explainers = [compilePolicy(from.policy), compilePolicy(to.policy)];
  // Movers are explained as of the run, as their tiers were decided (derived facts, `{ ago }`).
  const asOfs = [from.policy, to.policy].map((p) => runAsOf(p, options.asOf, options.now).asOf);
  const quota = [from, to].some((p) => p.policy.tiers?.method === 'quota');
  let moversTotal = 0;

  const runs = await evaluatePopulations(
    [from.policy, to.policy],
    {
      ...options,
      keep: [
        ...new Set([...builders[0]!.keep(), ...builders[1]!.keep(), ...(revenueFact ? [revenueFact] : [])]),
      ],
    },
    (views, results) => {
      builders.forEach((b, p) => {
        b.add(views[p]!, results[p]!);
      });
      const [a, b] = results as [(typeof results)[0], (typeof results)[0]];
      const picked: number[] = [];
      for (let i = 0; i < views[0]!.length; i++) {
        const f = fromLevels[a!.tier[i]!];
        const t = toLevels[b!.tier[i]!];
        const value = revenueFact ? views[1]!.facts[revenueFact]?.[i] : undefined;
        moves.push({
          from: f,
          to: t,
          revenue: typeof value === 'number' && !Number.isNaN(value) ? value : undefined,
        });
        if (f === t) continue;
        moversTotal++;
        if (movers.length + picked.length < limit) picked.push(i);
      }
      if (picked.length === 0) return;
      // Only movers are explained: the object path, once per side, for their reasons.
      const explained = [0, 1].map((p) =>
        quota
          ? undefined
          : explainers[p]!.evaluate(
              picked.map((i) => customerAt(views[p]!, i)),
              { explain: true, asOf: asOfs[p] },
            ),
      );
      picked.forEach((i, k) => {
        const fromTier = fromLevels[a!.tier[i]!];
        const toTier = toLevels[b!.tier[i]!];
        const fromScore = Number.isNaN(a!.score[i]!) ? undefined : a!.score[i];
        const toScore = Number.isNaN(b!.score[i]!) ? undefined : b!.score[i];
        movers.push({
          customer: views[0]!.keys[i]!,
          row: views[0]!.rows[i],
          from: fromTier,
          to: toTier,
          fromScore,
          toScore,
          direction: rank(toTier) < rank(fromTier) ? 'up' : 'down',
          reason: describeMove(
            from.policy,
            to.policy,
            explained[0]?.[k] as CustomerResult | undefined,
            explained[1]?.[k],
            {
              fromTier,
              toTier,
              fromScore,
              toScore,
            },
          ),
        });
      });
    },
  );
  const [sa, sb] = builders.map((b, p) => b.build(runs[p]!, options));
  const currency = sb!.currency ?? sa!.currency;
  const matrix = migrationMatrix(order, moves, currency);
  return {
    from: ref(from),
    to: ref(to),
    data: { customers: options.customers, transactions: options.transactions },
    asOf: sb!.asOf ?? sa!.asOf,
    currency,
    matrix,
    simulations: { from: sa!, to: sb! },
    deltas: {
      ...(sa!.totals.entitlementCost !== undefined || sb!.totals.entitlementCost !== undefined
        ? {
            entitlementCost: sumMoney(
              [sb!.totals.entitlementCost ?? 0, -(sa!.totals.entitlementCost ?? 0)],
              currency,
            ),
          }
        : {}),
      ...(revenueFact
        ? {
            revenueInTiers: Object.fromEntries(
              order.map((t) => [
                t,
                sumMoney(
                  [
                    sb!.tiers.find((x) => x.tier === t)?.revenue ?? 0,
                    -(sa!.tiers.find((x) => x.tier === t)?.revenue ?? 0),
                  ],
                  currency,
                ),
              ]),
            ),
          }
        : {}),
      service: subtractService(sb!.totals.service, sa!.totals.service),
    },
    movers,
    moversTotal,
    failed: runs[0]!.failed,
    diagnostics: [
      ...runs[0]!.diagnostics,
      ...runs[1]!.diagnostics.filter((d) => !runs[0]!.diagnostics.includes(d)),
    ],
  };
}

function ref(p: { policy: Policy; file: string }): PolicyRef {
  return {
    name: p.policy.metadata.name,
    version: p.policy.metadata.version,
    label: p.policy.metadata.labels,
    file: p.file,
  };
}

function subtractService(b: ServiceLoad, a: ServiceLoad): ServiceLoad {
  const negA: ServiceLoad = {
    hotline24x7: -a.hotline24x7,
    dedicatedStaff: -a.dedicatedStaff,
    contactsPerQuarter: Object.fromEntries(Object.entries(a.contactsPerQuarter).map(([k, v]) => [k, -v])),
  };
  return sumService([b, negA]);
}
