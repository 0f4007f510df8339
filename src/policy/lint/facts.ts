import { joinPointer } from '../../diagnostics/pointer.js';
import { isNumeric } from '../catalogue.js';
import type { Fact } from '../schema/facts.js';
import type { LintContext } from './context.js';

/** Transaction aggregates that read a field of each transaction (`of`). */
const NEEDS_FIELD = new Set(['sum', 'avg', 'min', 'max', 'dropStreakMonths']);

/** Each fact states one way to obtain it, and what it states fits its type. */
export function facts(context: LintContext): void {
  const entries = Object.entries(context.policy.facts ?? {});
  for (const [id, fact] of entries) checkFact(context, id, fact, joinPointer('/facts', id));
  const keys = entries.filter(([, f]) => f.key);
  if (context.policy.facts && keys.length === 0) {
    context.report(
      'TW0211',
      'no fact is marked `key: true`: evaluation cannot tell customers apart',
      '/facts',
      {
        part: 'key',
        help: 'mark the customer id fact, e.g. customerId: { type: string, column: 客户编号, key: true }',
      },
    );
  }
  for (const [id] of keys.slice(1)) {
    context.report(
      'TW0211',
      `more than one key fact ('${keys[0]![0]}' and '${id}')`,
      joinPointer('/facts', id, 'key'),
    );
  }
  const revenue = entries.filter(([, f]) => f.revenue);
  for (const [id] of revenue.slice(1)) {
    context.report(
      'TW0211',
      `more than one revenue fact ('${revenue[0]![0]}' and '${id}')`,
      joinPointer('/facts', id, 'revenue'),
    );
  }
}

function checkFact(context: LintContext, id: string, fact: Fact, pointer: string): void {
  const at = (key: string) => joinPointer(pointer, key);
  const report = (key: string, message: string, help?: string) =>
    context.report('TW0211', message, at(key), { help, part: 'key' });
  if (fact.type === 'enum' && !fact.values)
    report('type', `enum fact '${id}' lists no values`, 'add values: [high, medium, low]');
  if (fact.type !== 'enum' && fact.values)
    report('values', `values are for enum facts; '${id}' is ${fact.type}`);
  if (!isNumeric(fact.type)) {
    for (const key of ['min', 'max', 'unit'] as const) {
      if (fact[key] !== undefined)
        report(key, `${key} applies to number and integer facts; '${id}' is ${fact.type}`);
    }
    if (fact.revenue)
      context.report('TW0202', `revenue fact '${id}' must be a number, not ${fact.type}`, at('revenue'));
  }
  if (fact.min !== undefined && fact.max !== undefined && fact.min > fact.max) {
    context.report('TW0209', `min ${fact.min} is above max ${fact.max}`, at('min'));
  }
  if (fact.aggregate === undefined) {
    for (const key of ['from', 'of', 'window'] as const) {
      if (fact[key] !== undefined)
        report(
          key,
          `${key} describes an aggregate, but '${id}' has no \`aggregate\``,
          'add aggregate: sum (or count, avg, …)',
        );
    }
  } else if (NEEDS_FIELD.has(fact.aggregate) && fact.of === undefined) {
    report(
      'aggregate',
      `aggregate '${fact.aggregate}' needs the transaction field it reads`,
      'add of: amount',
    );
  }
  if (fact.format !== undefined && fact.type !== 'date')
    report('format', `format applies to date facts; '${id}' is ${fact.type}`);
  if (fact.default !== undefined && !fitsType(fact, fact.default)) {
    context.report(
      'TW0202',
      `default ${JSON.stringify(fact.default)} is not a valid ${fact.type}`,
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
