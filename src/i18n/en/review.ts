/**
 * The editor's review (src/registry/overview.ts, variant.ts, compare.ts): why a variant cannot be
 * drafted, why a change request cannot be compared. Names and ids arrive as they are.
 */
export const review = {
  baseNotCompany: (p: { base: string; unit: string; company: string }) =>
    `${p.base} belongs to the business unit ${p.unit}: a variant extends a policy of the company unit ${p.company}`,
  baseNotCompanyHelp: 'choose one of the company’s policies (GET /v1/policy-overview lists them as bases)',
  nameProposed: (p: { name: string; id: string; author: string }) =>
    `change request ${p.id} (by ${p.author}) already proposes a policy named ${p.name}`,
  nameProposedHelp: 'choose another name, or carry on with that change request',
  nothingToCompare: (p: { id: string; policy: string }) =>
    `change request ${p.id} proposes the new policy ${p.policy}, which extends no base: no version is there to compare its customers with`,
  nothingToCompareHelp:
    'simulate the draft on its own (the what-if of the editor, or POST /v1/simulate once published)',
  variantTitle: (p: { name: string; base: string }) => `${p.name}: a variant of ${p.base}`,
  variantComment: (p: { unit: string; base: string }) =>
    `The business unit ${p.unit}'s variant of ${p.base}: state only what changes, the rest is inherited.`,
};
