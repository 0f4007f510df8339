import type { StoreReader } from './store/store.js';

/**
 * What the audit names when it speaks of a policy: the policy itself, its versions, its
 * publications, the change requests and the overrides about it (a rollback and a publish are entries about a
 * publication; an approval, about a change request). The timeline of one policy is their entries.
 */
export async function policySubjects(reader: StoreReader, policy: string): Promise<string[]> {
  const versions = await reader.listVersions(policy);
  const publications = await reader.listPublications({ policy });
  const requests = await reader.listChangeRequests({ policy });
  const overrides = await reader.listOverrides({ policy });
  return [
    policy,
    ...versions.map((v) => v.id),
    ...publications.map((p) => p.id),
    ...requests.map((r) => r.id),
    ...overrides.map((o) => o.id),
  ];
}
