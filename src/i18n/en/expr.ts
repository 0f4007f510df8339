/**
 * Derived facts' expressions (src/policy/expr, src/policy/lint/expressions.ts): syntax, names,
 * kinds and units. Kinds arrive as number, boolean, string or date; units as the policy writes them.
 */
export const expr = {
  unexpected: (p: { found: string }) => `the expression cannot be read here: unexpected '${p.found}'`,
  endsEarly: 'the expression ends too early: an operand, a closing bracket or quote is missing',
  syntaxHelp: 'write arithmetic on facts, e.g. spend12m / orders12m or daysSince(lastPurchase)',
  nesting: 'the expression is nested too deeply',
  empty: 'the expression is empty',
  oneExpression: 'an expression is one formula; this is a second one',
  oneExpressionHelp: 'join the parts with an operator (+, -, *, /, &&, ||) or a function',
  notAllowed: (p: { what: string }) => `'${p.what}' is not part of the expression language`,
  ternaryHelp: 'write if(condition, then, else)',
  memberHelp: 'facts are read by name alone; there are no properties, methods or indexes',
  strictEqualityHelp: 'write == or !=',
  notAllowedHelp: 'operators: + - * / % < <= > >= == != && || !; functions: see docs/language.md#expressions',
  tooLong: (p: { limit: number }) => `the expression is longer than ${p.limit} characters`,
  wrongKind: (p: { where: string; expected: string[]; got: string }) =>
    `${p.where} takes ${p.expected.join(' or ')}, not ${p.got}`,
  compareKinds: (p: { op: string; left: string; right: string }) =>
    `${p.op} compares ${p.left} with ${p.right}`,
  unitMismatch: (p: { op: string; left: string; right: string }) =>
    `${p.op} on ${p.left} and ${p.right}: the units differ`,
  unitMismatchHelp: 'convert one side first (e.g. weeks × 7 for days), or divide to get a ratio',
  dateArithmeticHelp:
    'dates are not numbers: use daysSince(date), daysBetween(from, to), weeksSince, monthsSince',
  notEnumValue: (p: { value: string; values: string[] }) =>
    `'${p.value}' is not one of the values ${p.values.map((v) => `'${v}'`).join(', ')}`,
  unknownFunction: (p: { name: string }) => `unknown function '${p.name}'`,
  arity: (p: { name: string; signature: string; n: number }) =>
    `${p.name} is called with ${p.n} argument${p.n === 1 ? '' : 's'}: ${p.signature}`,
  argumentKinds: (p: { name: string; first: string; other: string }) =>
    `the arguments of ${p.name} must be of one kind: ${p.first} and ${p.other}`,
  roundDigits: (p: { max: number }) => `round keeps a whole number of digits from 0 to ${p.max}`,
  dateLiteral: "date() takes a date written as '2024-03-01' or '2024-03-01T09:00:00+08:00'",
  dateLiteralHelp: "e.g. date('2024-03-01')",
  notRealDate: (p: { text: string }) => `${p.text} is not a real date`,
  declaredType: (p: { id: string; type: string; got: string }) =>
    `fact '${p.id}' is declared ${p.type}, but its expression gives ${p.got}`,
  declaredIntegerHelp: 'wrap the expression in round(), floor() or ceil(), or declare type: number',
  declaredUnit: (p: { id: string; unit: string; got: string }) =>
    `fact '${p.id}' is declared in ${p.unit}, but its expression gives ${p.got}`,
  declaredUnitHelp: 'convert in the expression (days / 7 for weeks) or correct the unit',
  cycle: (p: { chain: string[] }) => `derived facts read each other in a circle: ${p.chain.join(' → ')}`,
  cycleHelp: 'one of them must be computed from data (a column or an aggregate)',
  computedNotInput: (p: { id: string }) =>
    `'${p.id}' is computed after the facts (score, tier); a fact cannot read it`,
  readsPersonal: (p: { id: string; fact: string }) =>
    `derived fact '${p.id}' reads personal data ('${p.fact}') but is not marked pii: its values would be shown`,
  readsPersonalHelp: 'add pii: true to the derived fact, so it is masked wherever it appears',
  exprWith: (p: { key: string }) => `a derived fact (expr) is computed, so it cannot also have ${p.key}`,
  exprWithHelp: 'remove the key, or make it a fact read from data and drop expr',
};
