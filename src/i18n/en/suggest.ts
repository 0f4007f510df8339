/** "Did you mean …?" (src/diagnostics/suggest.ts), and the kinds of names it suggests from. */
export const suggest = {
  /** `code`: the names are the schema's (property names), not ids the user wrote. */
  didYouMean: (p: { guess: string; code?: boolean }) => `did you mean '${p.guess}'?`,
  noneDeclared: (p: { what: string }) => `no ${p.what} is declared`,
  known: (p: { what: string; names: string[]; more: boolean; code?: boolean }) =>
    `known ${p.what}: ${p.names.join(', ')}${p.more ? ', …' : ''}`,
  properties: 'properties',
  facts: 'facts',
  tiers: 'tiers',
  values: 'values',
  namedConditions: 'named conditions',
  rowBands: 'row bands',
  columnBands: 'column bands',
  dimensions: 'dimensions',
  columns: 'columns',
  sheets: 'sheets',
  functions: 'functions',
};
