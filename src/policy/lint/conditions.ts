import { joinPointer } from '../../diagnostics/pointer.js';
import { suggestion } from '../../diagnostics/suggest.js';
import { msg, type Text } from '../../i18n/text.js';
import { type ConditionScope, type FactInfo, factCatalogue, isNumeric } from '../catalogue.js';
import { isDateOperator, readDateValue } from '../date-value.js';
import type { Condition, Operator } from '../schema/condition.js';
import { type ConditionSite, conditionNodes, conditionSites } from '../walk.js';
import type { LintContext } from './context.js';

const GROUP_KEYS = ['all', 'any', 'not', 'condition'] as const;
const LEAF_KEYS = ['fact', 'operator', 'value'] as const;
const ORDER_OPERATORS: readonly Operator[] = [
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
];

/** Shape, references and types of every condition: the checks json-rules-engine leaves to run time. */
export function conditions(context: LintContext): void {
  const named = new Set(Object.keys(context.policy.conditions ?? {}));
  for (const site of conditionSites(context.policy)) {
    const catalogue = factCatalogue(context.policy, scopeOf(site));
    for (const { pointer, node } of conditionNodes(site.condition, site.pointer)) {
      if (!checkShape(context, node, pointer)) continue;
      if (node.condition !== undefined && !named.has(node.condition)) {
        context.report(
          'TW0302',
          msg('lint.unknownNamedCondition', { name: node.condition }),
          joinPointer(pointer, 'condition'),
          {
            help: suggestion(node.condition, named, 'namedConditions'),
          },
        );
      }
      if (node.fact !== undefined) checkComparison(context, node, pointer, catalogue);
    }
  }
  checkNamedCycles(context);
}

function scopeOf(site: ConditionSite): ConditionScope {
  if (site.pointer.startsWith('/tiers')) return 'tier';
  if (site.pointer.startsWith('/classifiers')) return 'classifier';
  if (site.pointer.startsWith('/rerating')) return 'trigger';
  return 'named';
}

function checkShape(context: LintContext, node: Condition, pointer: string): boolean {
  const groups = GROUP_KEYS.filter((k) => node[k] !== undefined);
  const leaf = LEAF_KEYS.filter((k) => k in node);
  const fail = (message: Text) => {
    context.report('TW0301', message, pointer, { help: msg('lint.conditionShapeHelp') });
    return false;
  };
  if (groups.length > 1) return fail(msg('lint.conditionOneGroup', { keys: groups }));
  if (groups.length === 1 && leaf.length > 0)
    return fail(msg('lint.conditionGroupAndComparison', { group: groups[0]!, keys: leaf }));
  if (groups.length === 0) {
    const missing = LEAF_KEYS.filter((k) => !(k in node));
    if (missing.length > 0) return fail(msg('lint.comparisonMissing', { keys: missing }));
  }
  // json-rules-engine holds an empty group true for every customer — `any: []` included — which
  // is almost never what its author meant.
  if (node.any?.length === 0) return fail(msg('lint.emptyAny'));
  return true;
}

function checkComparison(
  context: LintContext,
  node: Condition,
  pointer: string,
  catalogue: Map<string, FactInfo>,
): void {
  const factId = node.fact!;
  const info = catalogue.get(factId);
  if (!info) {
    context.report('TW0201', msg('lint.unknownFact', { id: factId }), joinPointer(pointer, 'fact'), {
      help: suggestion(factId, catalogue.keys(), 'facts'),
    });
    return;
  }
  const operator = node.operator!;
  const valuePointer = joinPointer(pointer, 'value');
  if (info.type === 'date' || isDateOperator(operator)) {
    checkDateComparison(context, node, pointer, catalogue);
    return;
  }
  const reference = factReference(node.value);
  if (reference !== undefined) {
    checkReference(
      context,
      factId,
      info,
      reference,
      valuePointer,
      catalogue,
      (other) => isNumeric(info.type) === isNumeric(other.type),
    );
    return;
  }
  const mismatch = (expected: Text) =>
    context.report(
      'TW0202',
      msg('lint.operatorNeeds', {
        operator,
        type: info.type,
        fact: factId,
        expected,
        json: String(JSON.stringify(node.value)),
      }),
      valuePointer,
    );

  if (operator === 'contains' || operator === 'doesNotContain') {
    context.report(
      'TW0202',
      msg('lint.containsNeedsList', { operator, fact: factId, type: info.type }),
      joinPointer(pointer, 'operator'),
      { help: msg('lint.containsNeedsListHelp') },
    );
    return;
  }
  if (ORDER_OPERATORS.includes(operator)) {
    if (!isNumeric(info.type)) {
      context.report(
        'TW0202',
        msg('lint.orderNeedsNumbers', { operator, fact: factId, type: info.type }),
        joinPointer(pointer, 'operator'),
      );
    } else if (typeof node.value !== 'number') mismatch(msg('lint.aNumber'));
    return;
  }
  const values = operator === 'in' || operator === 'notIn' ? node.value : [node.value];
  if (!Array.isArray(values)) {
    mismatch(msg('lint.aListOfValues'));
    return;
  }
  values.forEach((value, i) => {
    const at = operator === 'in' || operator === 'notIn' ? joinPointer(valuePointer, i) : valuePointer;
    checkValue(context, factId, info, value, at);
  });
}

function checkValue(
  context: LintContext,
  factId: string,
  info: FactInfo,
  value: unknown,
  pointer: string,
): void {
  const expected = isNumeric(info.type) ? 'number' : info.type === 'boolean' ? 'boolean' : 'string';
  if (typeof value !== expected) {
    context.report(
      'TW0202',
      msg('lint.valueWrongType', {
        type: info.type,
        fact: factId,
        json: String(JSON.stringify(value)),
        expected,
      }),
      pointer,
    );
    return;
  }
  if (info.type === 'enum' && info.values && !info.values.includes(value as string)) {
    context.report('TW0304', msg('lint.notAValue', { value: String(value), fact: factId }), pointer, {
      help: suggestion(String(value), info.values, 'values'),
    });
  }
}

/**
 * A date fact is compared with before / onOrBefore / after / onOrAfter (or equal, notEqual, in,
 * notIn) and a date: written out, `{ ago: P90D }`, or another date fact. Numbers' operators would
 * compare the text of dates, which is not their order once offsets differ.
 */
function checkDateComparison(
  context: LintContext,
  node: Condition,
  pointer: string,
  catalogue: Map<string, FactInfo>,
): void {
  const factId = node.fact!;
  const info = catalogue.get(factId)!;
  const operator = node.operator!;
  const valuePointer = joinPointer(pointer, 'value');
  if (info.type !== 'date') {
    context.report(
      'TW0202',
      msg('lint.dateOperatorNeedsDate', { operator, fact: factId, type: info.type }),
      joinPointer(pointer, 'operator'),
    );
    return;
  }
  if (!isDateOperator(operator) && !['equal', 'notEqual', 'in', 'notIn'].includes(operator)) {
    context.report(
      'TW0202',
      msg('lint.orderNeedsNumbers', { operator, fact: factId, type: info.type }),
      joinPointer(pointer, 'operator'),
      { help: msg('lint.orderNeedsNumbersHelp') },
    );
    return;
  }
  const reference = factReference(node.value);
  if (reference !== undefined) {
    checkReference(
      context,
      factId,
      info,
      reference,
      valuePointer,
      catalogue,
      (other) => other.type === 'date',
    );
    return;
  }
  const list = operator === 'in' || operator === 'notIn';
  const values = list ? node.value : [node.value];
  if (!Array.isArray(values)) {
    context.report(
      'TW0202',
      msg('lint.dateValueExpected', { json: String(JSON.stringify(node.value)) }),
      valuePointer,
      {
        help: msg('lint.dateValueHelp'),
      },
    );
    return;
  }
  values.forEach((value, i) => {
    if (readDateValue(value)) return;
    context.report(
      'TW0202',
      msg('lint.dateValueExpected', { json: String(JSON.stringify(value)) }),
      list ? joinPointer(valuePointer, i) : valuePointer,
      { help: msg('lint.dateValueHelp') },
    );
  });
}

/** `value: { fact: other }`: the other fact exists, and its type can be compared with this one's. */
function checkReference(
  context: LintContext,
  factId: string,
  info: FactInfo,
  reference: string,
  valuePointer: string,
  catalogue: Map<string, FactInfo>,
  comparable: (other: FactInfo) => boolean,
): void {
  const other = catalogue.get(reference);
  if (!other) {
    context.report('TW0201', msg('lint.unknownFact', { id: reference }), joinPointer(valuePointer, 'fact'), {
      help: suggestion(reference, catalogue.keys(), 'facts'),
    });
  } else if (!comparable(other)) {
    context.report(
      'TW0202',
      msg('lint.comparedTypes', { fact: factId, type: info.type, other: reference, otherType: other.type }),
      valuePointer,
    );
  }
}

function factReference(value: unknown): string | undefined {
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { fact?: unknown }).fact === 'string'
  ) {
    return (value as { fact: string }).fact;
  }
  return undefined;
}

/** A named condition that reaches itself would send json-rules-engine into endless recursion. */
function checkNamedCycles(context: LintContext): void {
  const named = context.policy.conditions ?? {};
  const edges = new Map(
    Object.keys(named).map((name) => [
      name,
      [...new Set([...conditionNodes(named[name]!, '')].map((n) => n.node.condition))].filter(
        (c): c is string => c !== undefined && c in named,
      ),
    ]),
  );
  // Depth-first search with three colours: linear in names and references, whatever the nesting.
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    state.set(name, 'open');
    path.push(name);
    for (const next of edges.get(name) ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of edges.keys()) {
    if (state.has(name)) continue;
    const cycle = visit(name);
    if (cycle) {
      context.report(
        'TW0301',
        msg('lint.conditionCycle', { name: cycle[0]!, cycle }),
        joinPointer('/conditions', cycle[0]!),
        { part: 'key' },
      );
      return;
    }
  }
}
