import { joinPointer } from '../../diagnostics/pointer.js';
import { msg, type Text } from '../../i18n/text.js';
import { AGGREGATE_SHAPES, optionMisuses, typeMisfit } from '../aggregates.js';
import { isNumeric } from '../catalogue.js';
import type { Fact } from '../schema/facts.js';
import type { LintContext } from './context.js';

/** Each fact states one way to obtain it, and what it states fits its type. */
export function facts(context: LintContext): void {
  const entries = Object.entries(context.policy.facts ?? {});
  for (const [id, fact] of entries) checkFact(context, id, fact, joinPointer('/facts', id));
  const keys = entries.filter(([, f]) => f.key);
  if (context.policy.facts && keys.length === 0) {
    context.report('TW0211', msg('lint.noKeyFact'), '/facts', {
      part: 'key',
      help: msg('lint.noKeyFactHelp'),
    });
  }
  for (const [id, fact] of keys) if (fact.pii) personalKey(context, id);
  for (const [id] of keys.slice(1)) {
    context.report(
      'TW0211',
      msg('lint.twoKeyFacts', { first: keys[0]![0], second: id }),
      joinPointer('/facts', id, 'key'),
    );
  }
  const revenue = entries.filter(([, f]) => f.revenue);
  for (const [id] of revenue.slice(1)) {
    context.report(
      'TW0211',
      msg('lint.twoRevenueFacts', { first: revenue[0]![0], second: id }),
      joinPointer('/facts', id, 'revenue'),
    );
  }
}

/**
 * A key marked personal data (a phone number as the customer id) cannot be masked: masked, two
 * customers read alike and results no longer join back to anyone; shown, the personal data is in
 * every result, report and message. Refused, with the way out: a non-personal id as the key.
 */
function personalKey(context: LintContext, id: string): void {
  context.report('TW0710', msg('privacy.piiKey', { id }), joinPointer('/facts', id, 'pii'), {
    part: 'key',
    help: msg('privacy.piiKeyHelp', { id }),
  });
}

function checkFact(context: LintContext, id: string, fact: Fact, pointer: string): void {
  const at = (key: string) => joinPointer(pointer, key);
  const report = (key: string, message: Text, help?: Text) =>
    context.report('TW0211', message, at(key), { help, part: 'key' });
  if (fact.type === 'enum' && !fact.values)
    report('type', msg('lint.enumWithoutValues', { id }), msg('lint.enumWithoutValuesHelp'));
  if (fact.type !== 'enum' && fact.values)
    report('values', msg('lint.valuesNotEnum', { id, type: fact.type }));
  if (!isNumeric(fact.type)) {
    for (const key of ['min', 'max', 'unit'] as const) {
      if (fact[key] !== undefined) report(key, msg('lint.numericOnly', { key, id, type: fact.type }));
    }
    if (fact.revenue)
      context.report('TW0202', msg('lint.revenueNotNumber', { id, type: fact.type }), at('revenue'));
  }
  if (fact.min !== undefined && fact.max !== undefined && fact.min > fact.max) {
    context.report('TW0209', msg('lint.minAboveMax', { min: fact.min, max: fact.max }), at('min'));
  }
  if (fact.aggregate === undefined) {
    for (const key of ['from', 'of', 'window', 'per', 'excludeFirst', 'fractional'] as const) {
      if (fact[key] !== undefined)
        report(key, msg('lint.aggregateOnly', { key, id }), msg('lint.aggregateOnlyHelp'));
    }
  } else {
    if (AGGREGATE_SHAPES[fact.aggregate].needsField && fact.of === undefined) {
      report(
        'aggregate',
        msg('lint.aggregateNeedsField', { aggregate: fact.aggregate }),
        msg('lint.aggregateNeedsFieldHelp'),
      );
    }
    for (const misuse of optionMisuses(fact)) report(misuse.key, misuse.message, misuse.help);
    const misfit = typeMisfit(fact);
    if (misfit)
      context.report('TW0202', misfit.message, at(misfit.key), { help: misfit.help, part: 'value' });
  }
  if (fact.format !== undefined && fact.type !== 'date')
    report('format', msg('lint.formatDateOnly', { id, type: fact.type }));
  if (fact.default !== undefined && !fitsType(fact, fact.default)) {
    context.report(
      'TW0202',
      msg('lint.defaultWrongType', { json: JSON.stringify(fact.default), type: fact.type }),
      at('default'),
    );
  }
}

function fitsType(fact: Fact, value: unknown): boolean {
  switch (fact.type) {
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && (fact.values ?? []).includes(value);
    default:
      return typeof value === 'string';
  }
}
