/** What the data given cannot supply, said before any row is read (src/facts/requirements.ts). */
export const supply = {
  noLog: (p: { fact: string }) =>
    `fact '${p.fact}' is computed from transactions, but no transaction log was given`,
  noLogNeeded: (p: { fact: string; why: string }) =>
    `fact '${p.fact}' is computed from transactions, but no transaction log was given, and no customer can get a tier without it: ${p.why}`,
  noLogHelp: 'pass --transactions FILE, or give the fact a `column` holding the precomputed value',
  neededAsKey: 'it is the customer key',
  neededAsRequired: 'it is marked `required`',
  neededByMetric: (p: { metric: string }) => `metric '${p.metric}' scores it and has no missing-value rule`,
  neededByAxis: (p: { axis: string }) => `the matrix's ${p.axis} are drawn over it`,
  neededByRank: 'the quota ranks customers by it',
};
