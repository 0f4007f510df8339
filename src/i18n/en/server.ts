/**
 * The HTTP server (src/server): why a request was refused before, or beside, the library's own
 * findings. Paths, methods, content types and token roles arrive as they are.
 */
export const server = {
  noToken: 'this request needs a bearer token',
  noTokenHelp: 'send the header Authorization: Bearer <secret> with a token from `tierwise token create`',
  badToken: 'the bearer token is not known, or it has been revoked',
  badTokenHelp: 'ask an admin for a new token (`tierwise token create`)',
  roleTooLow: (p: { role: string; needed: string }) =>
    `${/^[aeiou]/.test(p.role) ? 'an' : 'a'} ${p.role} token may not do this: it needs the role ${p.needed} or higher`,
  businessUnitDenied: (p: { businessUnit: string }) =>
    `the token may not touch the business unit ${p.businessUnit}`,
  noRoute: (p: { method: string; path: string }) => `there is no endpoint ${p.method} ${p.path}`,
  noRouteHelp: 'GET /openapi.json lists every endpoint',
  wrongMethod: (p: { method: string; path: string; allowed: string }) =>
    `${p.path} does not answer ${p.method}; it answers ${p.allowed}`,
  tooLarge: (p: { limit: string }) => `the request body is larger than the limit of ${p.limit}`,
  tooLargeHelp: 'send fewer customers per request, or stream them to POST /v1/evaluate/batch',
  badJson: (p: { line: number; column: number; expected: string }) =>
    `the request body is not JSON: at line ${p.line}, column ${p.column}, expected ${p.expected}`,
  notUtf8: 'the request body is not UTF-8 text, as JSON must be',
  emptyBody: 'the request has no body',
  contentType: (p: { got: string; accepted: readonly string[] }) =>
    `a body of type ${p.got} is not read here; send ${p.accepted.join(' or ')}`,
  noDecision: (p: { id: string }) => `there is no decision ${p.id}`,
  noCustomer: 'give the customer as facts, or as a record (with its transactions)',
  factsAndRecord: 'give facts or a record, not both',
  transactionsNeedRecord: 'transactions go with a record: with facts, give the aggregate facts themselves',
  choosePolicy:
    'name the policy: a `version`, or a `businessUnit` (with `policy` and `at` when needed), not both',
  quotaNeedsPopulation:
    'the policy ranks customers against each other (quota tiers): one customer has no rank; simulate the whole population',
  dataAndDataset: 'give a stored dataset or uploaded data, not both',
  noData: 'give a stored dataset (`dataset`) or upload the customers (`data`)',
  internal: (p: { reference: string }) =>
    `the server could not answer this request (reference ${p.reference})`,
  unavailable: (p: { reference: string }) =>
    `the registry's database cannot be reached now (reference ${p.reference}); nothing was written`,
  unavailableHelp: 'retry in a moment; the server log has the reason under that reference',
  internalHelp: 'the server log has the details under that reference',
};
