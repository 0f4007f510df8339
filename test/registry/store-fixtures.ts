import type {
  AuditEntry,
  ChangeRequestRecord,
  DatasetRecord,
  DecisionRecord,
  PolicyRecord,
  PublicationRecord,
  TokenRecord,
  VersionRecord,
} from '../../src/registry/records.js';

/**
 * Records for the store contract, each with every optional field left out; tests add them with
 * `{ ...record, field }`. Times carry offsets other than Z on purpose: the store keeps the text.
 */
export const AT = '2026-12-03T18:00:00.000+00:00';

export const policy = (name: string, businessUnit = '', extra: Partial<PolicyRecord> = {}): PolicyRecord => ({
  name,
  businessUnit,
  fileName: `${name}.tier.yaml`,
  createdAt: AT,
  createdBy: 'alice',
  ...extra,
});

export const version = (
  name: string,
  sequence: number,
  extra: Partial<VersionRecord> = {},
): VersionRecord => ({
  id: `${name}@${sequence}`,
  policy: name,
  sequence,
  semver: `1.${sequence}.0`,
  content: `# ${name} 第 ${sequence} 版\nmetadata:\n  name: ${name}\n  version: 1.${sequence}.0\r\n`,
  digest: `sha256:${sequence.toString(16).padStart(64, '0')}`,
  author: 'alice',
  createdAt: AT,
  ...extra,
});

export const changeRequest = (
  n: number,
  name: string,
  extra: Partial<ChangeRequestRecord> = {},
): ChangeRequestRecord => ({
  id: `cr-${n}`,
  policy: name,
  businessUnit: '零售',
  title: `调整 ${name} 的门槛`,
  author: 'alice',
  state: 'draft',
  content: `metadata:\n  name: ${name}\n`,
  digest: `sha256:${'c'.repeat(64)}`,
  createdAt: AT,
  updatedAt: AT,
  revision: 1,
  ...extra,
});

export const publication = (
  n: number,
  name: string,
  extra: Partial<PublicationRecord> = {},
): PublicationRecord => ({
  id: `pub-${n}`,
  businessUnit: '零售',
  policy: name,
  version: `${name}@1`,
  effectiveFrom: AT,
  publishedBy: 'bob',
  publishedAt: AT,
  ...extra,
});

export const dataset = (n: number, extra: Partial<DatasetRecord> = {}): DatasetRecord => ({
  id: `ds-${n}`,
  businessUnit: '零售',
  name: `客户 ${n}.csv`,
  kind: 'customers',
  path: `datasets/${'d'.repeat(64)}.csv`,
  format: 'csv',
  bytes: 5_000_000_000,
  digest: `sha256:${'d'.repeat(64)}`,
  uploadedBy: 'alice',
  uploadedAt: AT,
  ...extra,
});

export const token = (n: number, extra: Partial<TokenRecord> = {}): TokenRecord => ({
  id: `tok-${n}`,
  name: `ci-${n}`,
  role: 'analyst',
  businessUnits: ['零售', 'b2b'],
  hash: `sha256:${n.toString(16).padStart(64, 'e')}`,
  createdAt: AT,
  createdBy: 'admin',
  ...extra,
});

export const audit = (seq: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  seq,
  at: AT,
  actor: 'alice',
  action: 'version.create',
  subject: `retail@${seq}`,
  prevHash: seq === 1 ? '' : `sha256:${(seq - 1).toString(16).padStart(64, 'a')}`,
  hash: `sha256:${seq.toString(16).padStart(64, 'a')}`,
  ...extra,
});

export const decision = (id: string, at: string, extra: Partial<DecisionRecord> = {}): DecisionRecord => ({
  id,
  at,
  actor: 'tok-1',
  businessUnit: '零售',
  policy: 'retail',
  version: 'retail@1',
  versionDigest: `sha256:${'f'.repeat(64)}`,
  inputDigest: `sha256:${'0'.repeat(64)}`,
  result: {
    tier: '金卡',
    score: 87.5,
    rule: 'vip-spend',
    facts: { spend12m: 120000, 姓名: '张*' },
    flags: [true, null],
  },
  ...extra,
});
