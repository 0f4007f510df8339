/** Re-rating over time (src/rerate, `tierwise rerate`, `tierwise replay`): events, notices, state files. */
export const rerate = {
  unknownTier: (p: { tier: string; tiers: string }) =>
    `the policy has no tier '${p.tier}' (its tiers: ${p.tiers})`,
  otherZone: (p: { zone: string; policy: string }) =>
    `the state was written in time zone ${p.zone}, the policy counts days in ${p.policy}`,
  otherZoneHelp:
    'days would be read one off: re-rate with the policy the state was written for, or convert the dates',
  duplicate: (p: { customer: string }) =>
    `customer ${p.customer} appears again in the state; the first row is kept`,
  absent: (p: { count: number; first: string }) =>
    `${p.count} customers of the state are not in the data (first: ${p.first}); their state is kept as it was`,
  absentHelp: 'a customer that has left keeps its last tier; remove the row to forget it',
  fromFuture: (p: { customer: string; ratedAt: string; asOf: string }) =>
    `customer ${p.customer} was rated on ${p.ratedAt}, after this run's as-of date ${p.asOf}`,
  fromFutureHelp: 'give an --as-of on or after the last rating, or the state that run started from',
  rated: (p: { to: string; score: string }) => `first rating: ${p.to}${p.score}`,
  upgrade: (p: { from: string; to: string; score: string; because: string }) =>
    `up from ${p.from} to ${p.to}${p.score}, ${p.because}`,
  downgrade: (p: { from: string; to: string; score: string; because: string }) =>
    `down from ${p.from} to ${p.to}${p.score}, ${p.because}`,
  reviewed: (p: { tier: string; score: string }) => `reviewed, stays ${p.tier}${p.score}`,
  held: (p: { tier: string; score: string; hold: string }) =>
    `stays ${p.tier}: score ${p.score} is within the band (at least ${p.hold})`,
  grace: (p: { from: string; to: string; until: string }) =>
    `below ${p.from}: keeps it in grace until ${p.until}, then ${p.to}`,
  recovered: (p: { tier: string }) => `back at ${p.tier}: the grace ends`,
  triggered: (p: { triggers: string }) => `re-rated at once: ${p.triggers}`,
  flagged: (p: { flag: string; triggers: string }) => `flag ${p.flag} raised: ${p.triggers}`,
  cleared: (p: { flag: string }) => `flag ${p.flag} cleared`,
  undecided: (p: { tier: string }) => `no tier decided; stays ${p.tier}`,
  noTier: 'no tier',
  scoreSuffix: (p: { score: string }) => ` (score ${p.score})`,
  becauseDue: 'at the review the cadence made due',
  becauseTrigger: 'on a trigger',
  becauseGrace: 'as the grace ended',
  becauseImmediate: 'at once',
  becauseNew: 'on the first rating',
  typeRated: 'rated',
  typeUpgrade: 'upgrade',
  typeDowngrade: 'downgrade',
  typeReviewed: 'reviewed',
  typeHeld: 'held by band',
  typeGrace: 'in grace',
  typeRecovered: 'recovered',
  typeTriggered: 're-rate triggered',
  typeFlagged: 'flag raised',
  typeCleared: 'flag cleared',
  typeUndecided: 'undecided',
  colCustomer: 'Customer',
  colEvent: 'Event',
  colDate: 'Date',
  colFrom: 'From',
  colTo: 'To',
  colScore: 'Score',
  colReason: 'Reason',
  noEvents: 'No customer changed.',
  summary: (p: {
    customers: number;
    date: string;
    zone: string;
    upgrades: number;
    downgrades: number;
    grace: number;
    flagged: number;
  }) =>
    `${p.customers} customers re-rated as of ${p.date} (${p.zone}): ${p.upgrades} up, ${p.downgrades} down, ${p.grace} in grace, ${p.flagged} flags raised`,
  wroteState: (p: { file: string; customers: number }) =>
    `wrote the new state of ${p.customers} customers to ${p.file}`,
  wroteEvents: (p: { file: string; events: number }) => `wrote ${p.events} events to ${p.file}`,
  wroteNotices: (p: { file: string; notices: number }) => `wrote ${p.notices} notices to ${p.file}`,
  noticeUpgradeSubject: (p: { tier: string }) => `Welcome to ${p.tier}`,
  noticeUpgradeBody: (p: { tier: string; date: string }) =>
    `From ${p.date} your account is ${p.tier}. Your account team will be in touch about what this brings you.`,
  noticeDowngradeSubject: (p: { tier: string }) => `Your account is now ${p.tier}`,
  noticeDowngradeBody: (p: { from: string; tier: string; date: string }) =>
    `At our review of ${p.date} your account moved from ${p.from} to ${p.tier}. Your account team is glad to talk about how to move back up.`,
  noticeGraceSubject: (p: { tier: string }) => `Keeping your ${p.tier} status`,
  noticeGraceBody: (p: { tier: string; until: string }) =>
    `Your recent activity is below what ${p.tier} asks for. You keep ${p.tier} until ${p.until}; your account team will help you stay.`,
};
