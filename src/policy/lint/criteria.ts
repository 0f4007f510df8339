import { analyseCoverage, type Constraint, type Customer, type FactValue } from '../analysis/coverage.js';
import { type Domain, describeInterval, formatNumber } from '../analysis/interval.js';
import { type FactInfo, factCatalogue } from '../catalogue.js';
import type { LintContext } from './context.js';
import { scoreGrid } from './thresholds.js';

/** Units that read badly after a number ("3 count"); the number says enough alone. */
const SILENT_UNITS = new Set(['count', 'ratio']);

/**
 * Criteria tiers (the first level whose condition holds wins): customers no tier takes, customers
 * two tiers match, and tiers never reached, each shown with a customer that proves it.
 */
export function criteriaCoverage(context: LintContext): void {
  const tiers = context.policy.tiers;
  if (tiers?.method !== 'criteria') return;
  const facts = factCatalogue(context.policy, 'tier');
  const grids = new Map<string, Domain>();
  if (facts.get('score')?.builtin) grids.set('score', scoreGrid(context.policy.score));
  const result = analyseCoverage({
    levels: tiers.levels,
    named: context.policy.conditions ?? {},
    facts,
    grids,
  });
  if (result.kind === 'invalid') return;
  if (result.kind === 'unsupported') {
    context.report(
      'TW0321',
      `gaps and overlaps between the criteria tiers were not checked, because ${result.reason}`,
      result.pointer,
      {
        help: 'the coverage analysis decides comparisons of a fact with a constant (value: 500000) exactly, and leaves anything else alone rather than guess',
      },
    );
    return;
  }
  const say = new Wording(facts);
  const name = (level: number) => `'${tiers.levels[level]!.id}'`;
  if (result.sampled) {
    context.report(
      'TW0321',
      `coverage analysis was cut short: the criteria tiers split customers into more than ${formatNumber(result.sampled.limit)} cases, so only a sample was checked; further gaps and overlaps may exist, and unreachable tiers are not reported`,
      '/tiers/levels',
      { part: 'key', help: 'fewer distinct thresholds per fact let the analysis check every case' },
    );
  }
  result.gaps.forEach((gap, i) => {
    const last = i === result.gaps.length - 1;
    const region = say.constraints(gap.constraints);
    const who =
      gap.constraints.length === 0
        ? `any customer${say.forExample(gap.example)}`
        : region === say.customer(gap.example)
          ? `a customer with ${region}`
          : `customers with ${region}${say.forExample(gap.example)}`;
    context.report('TW0314', `no tier matches ${who}`, '/tiers/levels', {
      part: 'key',
      example: gap.example,
      help:
        'widen a tier’s condition, add a tier for these customers, or end with a tier that has `otherwise: true`' +
        (last && result.moreGaps ? ' (there are more gaps than the ones shown)' : ''),
    });
  });
  for (const overlap of result.overlaps) {
    const level = tiers.levels[overlap.level]!;
    context.report(
      'TW0315',
      `tier '${level.id}' also matches customers that ${tierList(overlap.takenBy.map(name))} ${overlap.takenBy.length > 1 ? 'take' : 'takes'} first${say.forExample(overlap.example)}`,
      `/tiers/levels/${overlap.level}/when`,
      {
        example: overlap.example,
        help: 'tiers are tried best first and the first that matches wins; narrow this condition if that is not meant',
      },
    );
  }
  for (const { level: i, takenBy, example } of result.unreachable) {
    const level = tiers.levels[i]!;
    const reason =
      takenBy.length === 0
        ? 'no customer satisfies its condition'
        : level.otherwise
          ? 'the tiers above it take every customer'
          : `every customer it matches is taken first by ${tierList(takenBy.map(name))}${say.forExample(example)}`;
    context.report('TW0316', `tier '${level.id}' can never be reached: ${reason}`, `/tiers/levels/${i}`, {
      example,
      help:
        takenBy.length === 0
          ? 'its comparisons contradict each other; check the bounds and values'
          : 'move it above the tiers that take its customers, or narrow theirs',
    });
  }
}

function tierList(names: string[]): string {
  const noun = names.length > 1 ? 'tiers' : 'tier';
  const list =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return `${noun} ${list}`;
}

/** Facts, values and ranges the way the policy's author writes them, with the fact's unit. */
class Wording {
  constructor(private readonly facts: ReadonlyMap<string, FactInfo>) {}

  customer(customer: Customer): string {
    return Object.entries(customer)
      .map(([fact, value]) => `${fact} = ${this.value(fact, value)}`)
      .join(' and ');
  }

  /** ", e.g. spend12m = 30,000 CNY", or nothing when the tiers read no fact at all. */
  forExample(customer: Customer | undefined): string {
    const text = customer ? this.customer(customer) : '';
    return text ? `, e.g. ${text}` : '';
  }

  constraints(constraints: readonly Constraint[]): string {
    return constraints.map((c) => this.constraint(c)).join(' and ');
  }

  private constraint(c: Constraint): string {
    if (c.kind === 'range') return `${c.fact} ${this.withUnit(c.fact, describeInterval(c.interval))}`;
    const values = c.values.map((v) => this.value(c.fact, v));
    if (values.length === 1) return `${c.fact} ${c.kind === 'oneOf' ? '=' : '≠'} ${values[0]}`;
    return `${c.fact} ${c.kind === 'oneOf' ? 'in' : 'not in'} (${values.join(', ')})`;
  }

  private value(fact: string, value: FactValue): string {
    if (typeof value === 'number') return this.withUnit(fact, formatNumber(value));
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  }

  private withUnit(fact: string, text: string): string {
    const unit = this.facts.get(fact)?.unit;
    if (!unit || SILENT_UNITS.has(unit)) return text;
    return unit === 'percent' ? `${text}%` : `${text} ${unit}`;
  }
}
