import { joinPointer } from '../../diagnostics/pointer.js';
import { suggestion } from '../../diagnostics/suggest.js';
import { msg } from '../../i18n/text.js';
import { type FactInfo, factCatalogue, isNumeric } from '../catalogue.js';
import type { Metric } from '../schema/scoring.js';
import { metricFact } from '../walk.js';
import type { LintContext } from './context.js';
import { checkRangeTable } from './range-table.js';

/** Every metric scores a known fact with a function that fits the fact's type. */
export function scoring(context: LintContext): void {
  const catalogue = factCatalogue(context.policy, 'tier');
  catalogue.delete('score');
  for (const [dimensionId, dimension] of Object.entries(context.policy.dimensions ?? {})) {
    for (const [metricId, metric] of Object.entries(dimension.metrics)) {
      const pointer = joinPointer('/dimensions', dimensionId, 'metrics', metricId);
      const factId = metricFact(metricId, metric);
      const fact = catalogue.get(factId);
      if (!fact) {
        context.report(
          'TW0201',
          msg('lint.metricUnknownFact', { metric: metricId, fact: factId }),
          metric.fact ? joinPointer(pointer, 'fact') : pointer,
          {
            part: metric.fact ? 'value' : 'key',
            help: suggestion(factId, catalogue.keys(), 'facts'),
          },
        );
        continue;
      }
      checkFunction(context, metric, pointer, factId, fact);
    }
  }
}

function checkFunction(
  context: LintContext,
  metric: Metric,
  pointer: string,
  factId: string,
  fact: FactInfo,
): void {
  const score = metric.score;
  const at = (...tokens: string[]) => joinPointer(pointer, 'score', ...tokens);
  const numeric = isNumeric(fact.type);
  const form = Object.keys(score)[0]!;
  if ((form === 'linear' || form === 'lowerIsBetter' || form === 'bands') && !numeric) {
    context.report(
      'TW0202',
      msg('lint.formScoresNumbers', { form, fact: factId, type: fact.type }),
      at(form),
      {
        part: 'key',
        help: fact.type === 'enum' || fact.type === 'boolean' ? msg('lint.formScoresNumbersHelp') : undefined,
      },
    );
    return;
  }
  if (score.linear && score.linear.from === score.linear.to) {
    context.report('TW0205', msg('lint.linearFlat', { value: score.linear.from }), at('linear'));
  }
  if (score.lowerIsBetter && score.lowerIsBetter.best >= score.lowerIsBetter.worst) {
    context.report(
      'TW0205',
      msg('lint.lowerIsBetterOrder', { best: score.lowerIsBetter.best, worst: score.lowerIsBetter.worst }),
      at('lowerIsBetter'),
      { help: msg('lint.lowerIsBetterOrderHelp') },
    );
  }
  if (score.bands) {
    checkRangeTable(context, score.bands, at('bands'), {
      fact,
      what: msg('lint.metric', { id: factId }),
      unit: fact.unit,
    });
  }
  if (score.categories) checkCategories(context, score.categories, at('categories'), factId, fact, metric);
}

function checkCategories(
  context: LintContext,
  categories: Record<string, number>,
  pointer: string,
  factId: string,
  fact: { type: string; values?: readonly string[] },
  metric: Metric,
): void {
  if (fact.type === 'number' || fact.type === 'integer' || fact.type === 'date') {
    context.report('TW0202', msg('lint.categoriesNeedValues', { fact: factId, type: fact.type }), pointer, {
      part: 'key',
      help: msg('lint.categoriesNeedValuesHelp'),
    });
    return;
  }
  const allowed =
    fact.type === 'boolean' ? ['true', 'false'] : fact.type === 'enum' ? [...(fact.values ?? [])] : undefined;
  if (!allowed) return;
  for (const key of Object.keys(categories)) {
    if (!allowed.includes(key)) {
      context.report(
        'TW0210',
        msg('lint.notValueOf', { value: key, fact: factId }),
        joinPointer(pointer, key),
        {
          part: 'key',
          help: suggestion(key, allowed, 'values'),
        },
      );
    }
  }
  const unscored = allowed.filter((v) => !(v in categories));
  if (unscored.length > 0 && metric.missing === undefined) {
    context.report('TW0210', msg('lint.unscoredValues', { values: unscored, fact: factId }), pointer, {
      part: 'key',
      help: msg('lint.unscoredValuesHelp'),
      example: { [factId]: unscored[0] },
    });
  }
}
