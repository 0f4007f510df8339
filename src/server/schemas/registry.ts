import { type Static, Type } from '@sinclair/typebox';
import { DiagnosticSchema, strict } from './common.js';

const Time = Type.String({ description: 'ISO 8601 with an offset' });
const Str = (description?: string) => Type.String(description ? { description } : {});
const Opt = Type.Optional;

/** src/registry/records.ts as JSON Schema: what the registry's endpoints answer. */
export const PolicySchema = Type.Object(
  { name: Str(), businessUnit: Str(), fileName: Str(), createdAt: Time, createdBy: Str() },
  { title: 'Policy' },
);

export const VersionSchema = Type.Object(
  {
    id: Str('`policy@sequence`'),
    policy: Str(),
    sequence: Type.Integer({ minimum: 1 }),
    semver: Str(),
    content: Opt(Str('the YAML exactly as written (left out of lists)')),
    digest: Str('sha256 of the content'),
    author: Str(),
    createdAt: Time,
    changeRequest: Opt(Str()),
    rollbackOf: Opt(Str()),
  },
  { title: 'Version' },
);

export const PublicationSchema = Type.Object(
  {
    id: Str(),
    businessUnit: Str(),
    policy: Str(),
    version: Str(),
    effectiveFrom: Time,
    effectiveTo: Opt(Time),
    publishedBy: Str(),
    publishedAt: Time,
    changeRequest: Opt(Str()),
  },
  { title: 'Publication' },
);

const State = Type.Union(
  ['draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn'].map((s) => Type.Literal(s)),
);

export const ChangeRequestSchema = Type.Object(
  {
    id: Str(),
    policy: Str(),
    businessUnit: Str(),
    title: Str(),
    description: Opt(Str()),
    author: Str(),
    state: State,
    content: Str(),
    digest: Str(),
    baseVersion: Opt(Str()),
    approval: Opt(Type.Object({ by: Str(), at: Time, digest: Str(), comment: Opt(Str()) })),
    closed: Opt(Type.Object({ by: Str(), at: Time, comment: Opt(Str()) })),
    publishedVersion: Opt(Str()),
    createdAt: Time,
    updatedAt: Time,
    revision: Type.Integer({ minimum: 1, description: 'the ETag: send it back as If-Match' }),
  },
  { title: 'ChangeRequest' },
);

export const CheckedChangeRequest = Type.Object(
  { changeRequest: ChangeRequestSchema, diagnostics: Type.Array(DiagnosticSchema) },
  { title: 'CheckedChangeRequest' },
);

export const PublishedSchema = Type.Object(
  { version: VersionSchema, publication: PublicationSchema, changeRequest: Opt(ChangeRequestSchema) },
  { title: 'Published' },
);

export const AuditEntrySchema = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    at: Time,
    actor: Str(),
    action: Str(),
    subject: Str(),
    before: Opt(Str()),
    after: Opt(Str()),
    reason: Opt(Str()),
    prevHash: Str(),
    hash: Str(),
  },
  { title: 'AuditEntry' },
);

const RoleSchema = Type.Union(['viewer', 'analyst', 'approver', 'admin'].map((r) => Type.Literal(r)));

export const TokenSchema = Type.Object(
  {
    id: Str(),
    name: Str(),
    role: RoleSchema,
    businessUnits: Type.Array(Str()),
    createdAt: Time,
    createdBy: Str(),
    revokedAt: Opt(Time),
  },
  { title: 'Token' },
);

export const DatasetSchema = Type.Object(
  {
    id: Str(),
    businessUnit: Str(),
    name: Str(),
    kind: Type.Union([Type.Literal('customers'), Type.Literal('transactions')]),
    format: Str(),
    bytes: Type.Integer(),
    digest: Str(),
    rows: Opt(Type.Integer()),
    uploadedBy: Str(),
    uploadedAt: Time,
  },
  { title: 'Dataset' },
);

// Requests
export const CreateChangeRequest = strict(
  {
    content: Type.String({ minLength: 1, description: 'the whole policy YAML' }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Opt(Type.String({ maxLength: 10_000 })),
    baseVersion: Opt(Type.String({ description: 'the version it starts from; the latest when left out' })),
  },
  { title: 'CreateChangeRequest' },
);

export const EditChangeRequest = strict(
  {
    content: Opt(Type.String({ minLength: 1 })),
    title: Opt(Type.String({ minLength: 1, maxLength: 200 })),
    description: Opt(Type.String({ maxLength: 10_000 })),
    baseVersion: Opt(Type.String({ description: 'rebase onto this version: the change is reviewed again' })),
  },
  { title: 'EditChangeRequest' },
);

export const Comment = strict({ comment: Opt(Type.String({ maxLength: 10_000 })) }, { title: 'Comment' });

export const PublishRequest = strict(
  { effectiveFrom: Opt(Type.String({ description: 'ISO 8601 with an offset; now when left out' })) },
  { title: 'PublishRequest' },
);

export const RollbackBody = strict(
  {
    toVersion: Type.String({ minLength: 1 }),
    reason: Type.String({ minLength: 1, maxLength: 10_000 }),
    effectiveFrom: Opt(Type.String()),
  },
  { title: 'RollbackRequest' },
);

export const CreateToken = strict(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: RoleSchema,
    businessUnits: Type.Array(Type.String(), { minItems: 1 }),
  },
  { title: 'CreateToken' },
);

export const Query = {
  unit: Opt(Type.String({ minLength: 1, description: 'a business unit' })),
  policy: Opt(Type.String({ minLength: 1, description: 'a policy name' })),
};

export type CreateChangeRequest = Static<typeof CreateChangeRequest>;
export type EditChangeRequest = Static<typeof EditChangeRequest>;
export type Comment = Static<typeof Comment>;
export type PublishRequest = Static<typeof PublishRequest>;
export type RollbackBody = Static<typeof RollbackBody>;
export type CreateToken = Static<typeof CreateToken>;
