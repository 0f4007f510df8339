import { basename } from 'node:path';
import { msg } from '../i18n/text.js';
import type { BaseRead } from '../policy/base-file.js';
import { publicationsInForce } from './in-force.js';
import type { VersionRecord } from './records.js';
import type { StoreReader } from './store/store.js';

/**
 * A variant's `extends: ./seed004-scorecard.tier.yaml` names its base by file name, as in a
 * repository; in the registry that is the policy with that file name, in the version published
 * for its own business unit at `at` (so replaying the past merges the base of the past), else its
 * latest version. The versions read are pushed to `used`, for the decision log.
 */
export function registryBases(
  reader: StoreReader,
  at: number,
  used: VersionRecord[],
): (name: string, shown: string) => Promise<BaseRead> {
  return async (name) => {
    const policy = await reader.getPolicyByFileName(basename(name));
    if (!policy) return { unreadable: msg('registry.baseMissing', { name }) };
    const published = publicationsInForce(
      await reader.listPublications({ businessUnit: policy.businessUnit, policy: policy.name }),
      at,
    )[0];
    const version = published
      ? await reader.getVersion(published.version)
      : await reader.latestVersion(policy.name);
    if (!version) return { unreadable: msg('registry.baseMissing', { name }) };
    used.push(version);
    return { text: version.content };
  };
}
