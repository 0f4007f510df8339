import { formatNumber } from '../../../format/number.js';
import type { Language } from '../../../i18n/language.js';
import { render, t } from '../../../i18n/text.js';
import { type OverrideView, statusText } from '../../../registry/overrides/view.js';

const change = (o: OverrideView, lang: Language) => {
  if (o.kind === 'tier') return t(lang, 'overrides.changeTier', { tier: o.tier ?? '' });
  if (o.score?.set !== undefined)
    return t(lang, 'overrides.changeScoreSet', { score: formatNumber(o.score.set, 2) });
  const delta = o.score?.delta ?? 0;
  return t(lang, 'overrides.changeScoreDelta', {
    delta: `${delta >= 0 ? '+' : ''}${formatNumber(delta, 2)}`,
  });
};

const until = (o: OverrideView, lang: Language) =>
  o.expiresAt ?? t(lang, 'overrides.untilApproval', { expires: o.expires });

/** One line an override: id, status now, customer, policy, what it changes, until when. */
export function overrideLines(overrides: readonly OverrideView[], lang: Language): string[] {
  if (overrides.length === 0) return [t(lang, 'overrides.none')];
  return overrides.map((o) =>
    t(lang, 'overrides.line', {
      id: o.id,
      status: render(lang, statusText(o.status)),
      customer: o.customer,
      policy: `${o.policy} (${o.businessUnit})`,
      change: change(o, lang),
      until: until(o, lang),
    }),
  );
}

/** An override in full (phones already masked by the registry): its line, then who did what and why. */
export function overrideDetails(o: OverrideView, lang: Language): string[] {
  const lines = [...overrideLines([o], lang)];
  const field = (text: string) => lines.push(`  ${text}`);
  field(t(lang, 'overrides.fieldProposed', { by: o.proposedBy, at: o.proposedAt }));
  if (o.reason) field(t(lang, 'overrides.fieldReason', { reason: o.reason }));
  for (const evidence of o.evidence) field(t(lang, 'overrides.fieldEvidence', { evidence }));
  if (o.approval) field(t(lang, 'overrides.fieldApproved', { by: o.approval.by, at: o.approval.at }));
  if (o.closed) field(t(lang, 'overrides.fieldClosed', { by: o.closed.by, at: o.closed.at }));
  const comment = o.closed?.comment ?? o.approval?.comment;
  if (comment) field(t(lang, 'overrides.fieldComment', { comment }));
  field(t(lang, 'overrides.fieldExpires', { until: until(o, lang) }));
  return lines;
}
