/** Evaluation results (eval: table, CSV, JSON, the tier distribution) and what a report file holds. */
export const report = {
  customer: 'customer',
  name: 'name',
  tier: 'tier',
  score: 'score',
  classes: 'classes',
  flags: 'flags',
  customers: 'customers',
  share: 'share',
  revenue: 'revenue',
  revenueShare: 'revenue share',
  averageScore: 'avg score',
  points: 'points',
  total: 'total',
  noTier: 'No tier',
  /** One line on stderr after --out: what was written, so a script's log says where the report went. */
  wrote: (p: { file: string; format: string; size: string }) => `wrote ${p.file} (${p.format}, ${p.size})`,
};
