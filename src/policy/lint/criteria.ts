import { msg, render, type Text } from '../../i18n/text.js';
import { analyseCoverage, type Constraint, type Customer, type FactValue } from '../analysis/coverage.js';
import { type Domain, formatNumber, intervalText } from '../analysis/interval.js';
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
    context.report('TW0321', msg('tiers.coverageNotChecked', { reason: result.reason }), result.pointer, {
      help: msg('tiers.coverageNotCheckedHelp'),
    });
    return;
  }
  const say = new Wording(facts);
  const name = (level: number) => tiers.levels[level]!.id;
  if (result.sampled) {
    context.report(
      'TW0321',
      msg('tiers.coverageSampled', { limit: formatNumber(result.sampled.limit) }),
      '/tiers/levels',
      { part: 'key', help: msg('tiers.coverageSampledHelp') },
    );
  }
  result.gaps.forEach((gap, i) => {
    const last = i === result.gaps.length - 1;
    const region = say.constraints(gap.constraints);
    const example = say.example(gap.example);
    const message =
      gap.constraints.length === 0
        ? msg('tiers.noTierForAny', { example })
        : render('en', region) === render('en', say.customer(gap.example))
          ? msg('tiers.noTierForOne', { region })
          : msg('tiers.noTierFor', { region, example });
    context.report('TW0314', message, '/tiers/levels', {
      part: 'key',
      example: gap.example,
      help: msg('tiers.noTierHelp', { more: last && result.moreGaps }),
    });
  });
  for (const overlap of result.overlaps) {
    const level = tiers.levels[overlap.level]!;
    context.report(
      'TW0315',
      msg('tiers.alsoMatches', {
        tier: level.id,
        others: overlap.takenBy.map(name),
        example: say.example(overlap.example),
      }),
      `/tiers/levels/${overlap.level}/when`,
      { example: overlap.example, help: msg('tiers.alsoMatchesHelp') },
    );
  }
  for (const { level: i, takenBy, example } of result.unreachable) {
    const level = tiers.levels[i]!;
    const reason =
      takenBy.length === 0
        ? msg('tiers.noCustomerSatisfies')
        : level.otherwise
          ? msg('tiers.tiersAboveTakeAll')
          : msg('tiers.takenFirstBy', { others: takenBy.map(name), example: say.example(example) });
    context.report('TW0316', msg('tiers.neverReached', { tier: level.id, reason }), `/tiers/levels/${i}`, {
      example,
      help: msg(takenBy.length === 0 ? 'tiers.contradictionHelp' : 'tiers.takenFirstHelp'),
    });
  }
}

/** Facts, values and ranges the way the policy's author writes them, with the fact's unit. */
class Wording {
  constructor(private readonly facts: ReadonlyMap<string, FactInfo>) {}

  customer(customer: Customer): Text {
    return msg('tiers.both', {
      parts: Object.entries(customer).map(([fact, value]) =>
        msg('tiers.factIs', { fact, value: this.value(fact, value) }),
      ),
    });
  }

  /** The customer for ", e.g. spend12m = 30,000 CNY", or nothing when the tiers read no fact at all. */
  example(customer: Customer | undefined): Text | undefined {
    return customer && Object.keys(customer).length > 0 ? this.customer(customer) : undefined;
  }

  constraints(constraints: readonly Constraint[]): Text {
    return msg('tiers.both', { parts: constraints.map((c) => this.constraint(c)) });
  }

  private constraint(c: Constraint): Text {
    if (c.kind === 'range')
      return msg('tiers.factRange', {
        fact: c.fact,
        range: msg('tiers.rangeIn', { range: intervalText(c.interval), unit: this.unit(c.fact) }),
      });
    const values = c.values.map((v) => this.value(c.fact, v));
    if (values.length === 1)
      return msg(c.kind === 'oneOf' ? 'tiers.factIs' : 'tiers.factIsNot', {
        fact: c.fact,
        value: values[0]!,
      });
    return msg(c.kind === 'oneOf' ? 'tiers.factIn' : 'tiers.factNotIn', { fact: c.fact, values });
  }

  private value(fact: string, value: FactValue): Text {
    if (typeof value === 'number')
      return msg('tiers.quantity', { number: formatNumber(value), unit: this.unit(fact) });
    return msg('tiers.literal', { json: typeof value === 'string' ? JSON.stringify(value) : String(value) });
  }

  /** Units that read badly after a number ("3 count") are left out: the number says enough alone. */
  private unit(fact: string): string | undefined {
    const unit = this.facts.get(fact)?.unit;
    return !unit || SILENT_UNITS.has(unit) ? undefined : unit;
  }
}
