/** Column mapping files (`--mapping`, src/policy/mapping). */
export const mapping = {
  notAMapping: (p: { kind: string }) =>
    p.kind === ''
      ? 'this is not a column mapping: it has no kind'
      : `this is not a column mapping: its kind is '${p.kind}', expected ColumnMapping`,
  notAMappingHelp:
    'a column mapping file starts with `apiVersion: tierwise/v1` and `kind: ColumnMapping` (docs/data.md); the policy itself goes to --policy',
  unknownFact: (p: { id: string }) => `the mapping names fact '${p.id}', which the policy does not declare`,
  unknownField: (p: { id: string }) =>
    `the mapping names transaction field '${p.id}', which the policy's sources.transactions.fields does not declare`,
  didYouMean: (p: { guess: string }) => `did you mean '${p.guess}'?`,
  knownFacts: (p: { list: string }) => `the policy's facts: ${p.list}`,
  knownFields: (p: { list: string }) => `the policy's transaction fields: ${p.list}`,
  noFacts: 'the policy declares no facts',
  noFields: 'the policy declares no transaction fields (`sources.transactions.fields`)',
  formatNotDate: (p: { id: string; type: string }) =>
    `a date format is given for '${p.id}', which is a ${p.type} fact, not a date`,
  formatNotDateHelp: (p: { id: string; column: string }) =>
    `write the column alone (${p.id}: ${p.column}); formats apply to date facts only`,
  sharedColumn: (p: { ids: string; column: string }) =>
    `with this mapping ${p.ids} all read column '${p.column}'`,
  sharedColumnHelp: 'the policy reads them from different columns; map each to its own column of the export',
};
