import { collectClasses } from '../engine/classify.js';
import { topLevel } from '../engine/conditions/reference.js';
import type { Condition } from '../policy/schema/condition.js';
import type { Policy } from '../policy/schema/policy.js';
import { type Columns, rowFiller } from './batch.js';
import { type Computed, compileTest, type Test } from './conditions.js';

/** Which customers of a batch are in each class and carry each trigger's flag (1 = yes). */
export interface BatchOutcomes {
  classes: { classifier: string; cls: string; member: Uint8Array }[];
  flags: { flag: string; member: Uint8Array }[];
}

/**
 * The classes and flags BatchOutcomes lists, in its order: each classifier's rule classes and
 * `otherwise` once each, then each flag a trigger sets once. An engine that decides them itself
 * (the SQL query) gives them in this order.
 */
export function outcomeMembers(policy: Policy): {
  classes: { classifier: string; cls: string; pick: 'first' | 'all' }[];
  flags: string[];
} {
  const classes = Object.entries(policy.classifiers ?? {}).flatMap(([id, c]) =>
    [...new Set([...c.rules.map((r) => r.id), ...(c.otherwise ? [c.otherwise.id] : [])])].map((cls) => ({
      classifier: id,
      cls,
      pick: c.pick ?? 'first',
    })),
  );
  const flags = [
    ...new Set((policy.rerating?.triggers ?? []).flatMap((t) => (t.then.flag ? [t.then.flag] : []))),
  ];
  return { classes, flags };
}

/**
 * Classifiers and re-rating triggers over columns, for simulations: the same compiled
 * conditions and the same class-picking step (collectClasses) as compilePolicy, with the tier
 * and score the batch gave each customer. One row object is refilled per customer.
 */
export function compileBatchOutcomes(policy: Policy): {
  run(columns: Columns, tier: Int32Array, score: Float64Array): BatchOutcomes;
} {
  const named = policy.conditions ?? {};
  const test = (c: Condition): Test => compileTest(topLevel(c) as unknown as Condition, named);
  const classifiers = Object.entries(policy.classifiers ?? {}).map(([id, c]) => ({
    id,
    rules: c.rules.map((r) => test(r.when)),
  }));
  const triggers = (policy.rerating?.triggers ?? []).map((t) => ({ flag: t.then.flag, when: test(t.when) }));
  const members = outcomeMembers(policy);
  const flagIds = members.flags;
  const levels = (policy.tiers?.levels ?? []).map((l) => l.id);

  return {
    run(columns, tier, score) {
      const n = columns.length;
      const classes = members.classes.map(({ classifier, cls }) => ({
        classifier,
        cls,
        member: new Uint8Array(n),
      }));
      const classIndex = new Map(classes.map((c, k) => [`${c.classifier}\u0000${c.cls}`, k]));
      const flags = flagIds.map((flag) => ({ flag, member: new Uint8Array(n) }));
      if (classifiers.length === 0 && triggers.length === 0) return { classes, flags };
      const { row, fill } = rowFiller(policy, columns);
      for (let i = 0; i < n; i++) {
        fill(i);
        const computed: Computed = {
          score: Number.isNaN(score[i]!) ? undefined : score[i],
          tier: levels[tier[i]!],
          withTier: true,
        };
        const picked = collectClasses(policy, (id, k) => {
          const c = classifiers.find((x) => x.id === id)!;
          return c.rules[k]!(row, computed);
        });
        for (const [id, list] of Object.entries(picked))
          for (const cls of list) classes[classIndex.get(`${id}\u0000${cls}`)!]!.member[i] = 1;
        for (const t of triggers) {
          if (!t.flag || !t.when(row, computed)) continue;
          flags[flagIds.indexOf(t.flag)]!.member[i] = 1;
        }
      }
      return { classes, flags };
    },
  };
}
