/**
 * `tierwise diff --semver`: what changed between two versions of a policy, and whether the version
 * says so (src/policy/changes). Ids, field paths and values arrive as the policy writes them.
 */
const note = (why: string | undefined) => (why ? ` (${why})` : '');

export const changes = {
  fact: (p: { id: string }) => `fact ${p.id}`,
  tier: (p: { id: string }) => `tier ${p.id}`,
  metric: (p: { dimension: string; id: string }) => `dimension ${p.dimension}, metric ${p.id}`,
  dimension: (p: { id: string }) => `dimension ${p.id}`,
  condition: (p: { id: string }) => `condition ${p.id}`,
  rule: (p: { classifier: string; id: string }) => `classifier ${p.classifier}, rule ${p.id}`,
  classifier: (p: { id: string }) => `classifier ${p.id}`,
  trigger: (p: { id: string }) => `re-rating trigger ${p.id}`,
  /** A top-level section of the policy by its key; `rerating` reads as a word. */
  section: (p: { key: string }) => (p.key === 'rerating' ? 're-rating' : p.key),
  policy: 'policy',
  field: (p: { subject: string; field: string }) => `${p.subject}: ${p.field}`,

  reordered: (p: { where: string; old: string[]; new: string[]; why?: string }) =>
    `${p.where} reordered: ${p.old.join(', ')} → ${p.new.join(', ')}${note(p.why)}`,
  added: (p: { subject: string; why?: string }) => `added ${p.subject}${note(p.why)}`,
  removed: (p: { subject: string; why?: string }) => `removed ${p.subject}${note(p.why)}`,
  valueAdded: (p: { where: string; value: string; why?: string }) =>
    `${p.where} added: ${p.value}${note(p.why)}`,
  valueRemoved: (p: { where: string; value: string; why?: string }) =>
    `${p.where} removed (was ${p.value})${note(p.why)}`,
  changed: (p: { where: string; old: string; new: string; why?: string }) =>
    `${p.where} ${p.old} → ${p.new}${note(p.why)}`,
  renamed: (p: { gone: string; added: string; kind: string }) =>
    `removed ${p.gone}, added ${p.added} (a rename is ${p.kind === 'major' ? 'major' : `a ${p.kind} change here`})`,
  newTierWhy: 'a new tier id is an outcome every consumer of tiers must handle',
  unclassifiedWhy: 'not classified: counted as major',

  newPolicy: (p: { side: string; ref: string }) =>
    `${p.side}: new policy, not in ${p.ref}; nothing to compare`,
  side: (p: { source: string; version?: string }) => `${p.source}${p.version ? ` (${p.version})` : ''}`,
  heading: (p: { old: string; new: string }) => `Changes from ${p.old} to ${p.new}`,
  noChanges: 'no changes to the effective policy',
  major: 'Major changes',
  minor: 'Minor changes',
  patch: 'Patch changes',
  line: (p: { message: string; line?: number }) =>
    `- ${p.message}${p.line === undefined ? '' : ` (line ${p.line})`}`,
  count: (p: { n: number; counts: { kind: string; n: number }[] }) =>
    p.n === 0
      ? 'no changes'
      : `${p.n} change${p.n === 1 ? '' : 's'} (${p.counts.map((c) => `${c.n} ${c.kind}`).join(', ')})`,
  verdictNone: (p: { version: string }) => `no changes: version ${p.version} needs no bump`,
  verdictOk: (p: { changes: string; old: string; new: string }) =>
    `${p.changes}: version ${p.old} → ${p.new} is enough`,
  verdictNotBumped: (p: { changes: string; level: string; suggested: string }) =>
    `${p.changes}: needs a ${p.level} version, at least ${p.suggested}`,
  verdictLowered: (p: { changes: string }) => `${p.changes}: version went down`,
  note: (p: { kind: string; message: string }) => `${p.kind}: ${p.message}`,

  lowered: (p: { version: string; old: string; source: string }) =>
    `version ${p.version} is lower than ${p.old} in ${p.source}`,
  loweredHelp: (p: { old: string }) => `versions only go up: set metadata.version above ${p.old}`,
  stays: (p: { version: string }) => `version stays ${p.version}`,
  allows: (p: { old: string; new: string; allowed: string }) =>
    `version ${p.old} → ${p.new} allows ${p.allowed} changes only`,
  notBumped: (p: { step: string; needed: string }) => `${p.step}, but the policy has ${p.needed} changes`,
  notBumpedHelp: (p: { suggested: string; needed: string; examples: string[]; more: number }) =>
    `set metadata.version to ${p.suggested} or higher (docs/versions.md); the ${p.needed} changes: ${p.examples.join('; ')}${p.more > 0 ? `; and ${p.more} more` : ''}`,
  notARevision: (p: { ref: string }) => `${p.ref} is not a git revision here`,
};
