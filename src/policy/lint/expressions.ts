import { joinPointer } from '../../diagnostics/pointer.js';
import { suggestion } from '../../diagnostics/suggest.js';
import { msg, type Text } from '../../i18n/text.js';
import type { Span } from '../expr/ast.js';
import { checkExpression, type FactShape } from '../expr/check.js';
import { derivedFacts, isDerived } from '../expr/derived.js';
import { FUNCTIONS } from '../expr/functions.js';
import type { SyntaxProblem } from '../expr/parse.js';
import { fits } from '../expr/types.js';
import type { LintContext } from './context.js';

/** Keys that say where a fact's value is read from: a computed fact has none of them. */
const SOURCE_KEYS = [
  'column',
  'format',
  'aggregate',
  'from',
  'of',
  'window',
  'calendar',
  'key',
  'required',
] as const;
/** Values evaluation computes after the facts; an expression runs before them. */
const COMPUTED = new Set(['score', 'tier']);

/**
 * Derived facts: each expression reads, names only declared facts and listed functions, fits its
 * operators' kinds and units, gives what the fact declares, and no two derived facts read each
 * other in a circle. Findings point inside the expression text (file:line:col of the name).
 */
export function expressions(context: LintContext): void {
  const facts = context.policy.facts ?? {};
  const shapes = new Map<string, FactShape>(
    Object.entries(facts).map(([id, f]) => [id, { type: f.type, unit: f.unit, values: f.values }]),
  );
  const derived = derivedFacts(facts);
  const at = (id: string) => joinPointer('/facts', id, 'expr');
  const report = (
    code: Parameters<LintContext['report']>[0],
    id: string,
    message: Text,
    span?: Span,
    help?: Text,
  ) => context.report(code, message, at(id), { help, within: span });

  for (const [id, fact] of Object.entries(facts)) {
    if (!isDerived(fact)) continue;
    for (const key of SOURCE_KEYS) {
      if (fact[key] !== undefined)
        context.report('TW0227', msg('expr.exprWith', { key }), joinPointer('/facts', id, key), {
          part: 'key',
          help: msg('expr.exprWithHelp'),
        });
    }
  }
  for (const { id, problem } of derived.unreadable) {
    const { message, help } = syntaxText(problem);
    report('TW0220', id, message, problem.at, help);
  }
  if (derived.cycle) {
    const first = derived.cycle[0]!;
    report('TW0225', first, msg('expr.cycle', { chain: derived.cycle }), undefined, msg('expr.cycleHelp'));
  }
  for (const d of derived.ordered) {
    const personal = d.reads.find((r) => facts[r]?.pii);
    if (personal !== undefined && !d.fact.pii)
      context.report('TW0228', msg('expr.readsPersonal', { id: d.id, fact: personal }), at(d.id), {
        help: msg('expr.readsPersonalHelp'),
      });
    const checked = checkExpression(d.expr, shapes);
    for (const p of checked.problems) {
      let help = p.help;
      let message = p.message;
      if (p.code === 'TW0201' && p.unknown !== undefined && COMPUTED.has(p.unknown))
        message = msg('expr.computedNotInput', { id: p.unknown });
      else if (p.code === 'TW0201' && p.unknown !== undefined)
        help = suggestion(p.unknown, shapes.keys(), 'facts');
      else if (p.code === 'TW0221' && p.unknown !== undefined)
        help = suggestion(p.unknown, Object.keys(FUNCTIONS), 'functions');
      report(p.code, d.id, message, p.at, help);
    }
    const got = checked.type;
    if (!got) continue;
    if (!fits(d.fact.type, got)) {
      const integer = d.fact.type === 'integer' && got.kind === 'number';
      report(
        'TW0223',
        d.id,
        msg('expr.declaredType', { id: d.id, type: d.fact.type, got: integer ? 'number' : got.kind }),
        undefined,
        integer ? msg('expr.declaredIntegerHelp') : undefined,
      );
    } else if (d.fact.unit !== undefined && got.unit !== undefined && d.fact.unit !== got.unit) {
      report(
        'TW0226',
        d.id,
        msg('expr.declaredUnit', { id: d.id, unit: d.fact.unit, got: got.unit }),
        undefined,
        msg('expr.declaredUnitHelp'),
      );
    }
  }
}

function syntaxText(problem: SyntaxProblem): { message: Text; help?: Text } {
  const r = problem.reason;
  switch (r.key) {
    case 'syntax':
      return r.found === undefined
        ? { message: msg('expr.endsEarly'), help: msg('expr.syntaxHelp') }
        : { message: msg('expr.unexpected', { found: r.found }), help: msg('expr.syntaxHelp') };
    case 'nesting':
      return { message: msg('expr.nesting') };
    case 'empty':
      return { message: msg('expr.empty'), help: msg('expr.syntaxHelp') };
    case 'oneExpression':
      return { message: msg('expr.oneExpression'), help: msg('expr.oneExpressionHelp') };
    case 'tooLong':
      return { message: msg('expr.tooLong', { limit: r.limit }) };
    case 'notAllowed':
      return {
        message: msg('expr.notAllowed', { what: r.what }),
        help: msg(
          r.help === 'ternary'
            ? 'expr.ternaryHelp'
            : r.help === 'member'
              ? 'expr.memberHelp'
              : r.help === 'strictEquality'
                ? 'expr.strictEqualityHelp'
                : 'expr.notAllowedHelp',
        ),
      };
  }
}
