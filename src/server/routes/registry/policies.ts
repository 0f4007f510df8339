import { Type } from '@sinclair/typebox';
import { defaultFileName } from '../../../registry/content.js';
import { isRefusal } from '../../../registry/outcome.js';
import type { VersionRecord } from '../../../registry/records.js';
import type { Registry } from '../../../registry/registry.js';
import { etag, ifMatch } from '../../preconditions.js';
import { refuse } from '../../respond.js';
import type { Route } from '../../route.js';
import { policyChoice, strict } from '../../schemas/common.js';
import {
  PolicySchema,
  PublicationSchema,
  PublishedSchema,
  Query,
  RollbackBody,
  VersionSchema,
} from '../../schemas/registry.js';
import { answer, summary } from './answer.js';

/** Reading the registry's policies, versions and publications; rolling a policy back. */
export function policyRoutes(registry: Registry): Route[] {
  const listPolicies: Route = {
    method: 'get',
    path: '/v1/policies',
    operationId: 'listPolicies',
    summary: 'The policies of the registry: the company unit’s and each business unit’s variants',
    tag: 'policies',
    role: 'viewer',
    query: Type.Object({ businessUnit: Query.unit }),
    responses: {
      200: { description: 'the policies', schema: Type.Object({ policies: Type.Array(PolicySchema) }) },
    },
    async handle(c, input) {
      return c.json({ policies: await registry.listPolicies(input.query.businessUnit) });
    },
  };

  const getPolicy: Route = {
    method: 'get',
    path: '/v1/policies/{name}',
    operationId: 'getPolicy',
    summary:
      'One policy: its versions (without content) and publications; the ETag is its latest version’s sequence',
    tag: 'policies',
    role: 'viewer',
    responses: {
      200: {
        description: 'the policy',
        schema: Type.Object({
          policy: PolicySchema,
          versions: Type.Array(VersionSchema),
          publications: Type.Array(PublicationSchema),
        }),
      },
    },
    async handle(c, _input) {
      return answer(
        c,
        await registry.getPolicy(c.req.param('name') ?? ''),
        (found) => ({ ...found, versions: found.versions.map(summary) }),
        200,
        (found) => found.versions.at(-1)?.sequence ?? 0,
      );
    },
  };

  const getVersion: Route = {
    method: 'get',
    path: '/v1/versions/{id}',
    operationId: 'getVersion',
    summary: 'One version with its content exactly as written; `Accept: text/yaml` gives the YAML alone',
    tag: 'policies',
    role: 'viewer',
    responses: { 200: { description: 'the version; ETag is its digest', schema: VersionSchema } },
    async handle(c, _input) {
      const version = await registry.getVersion(c.req.param('id') ?? '');
      if (isRefusal(version)) return refuse(c, version);
      const headers = { ETag: etag(version.digest) };
      if ((c.req.header('accept') ?? '').includes('yaml'))
        return c.body(version.content, 200, { ...headers, 'Content-Type': 'text/yaml; charset=utf-8' });
      return c.json(version, 200, headers);
    },
  };

  const listPublications: Route = {
    method: 'get',
    path: '/v1/publications',
    operationId: 'listPublications',
    summary: 'Publications, by business unit and policy, with effectiveFrom/effectiveTo',
    tag: 'policies',
    role: 'viewer',
    query: Type.Object({ businessUnit: Query.unit, policy: Query.policy }),
    responses: {
      200: {
        description: 'the publications',
        schema: Type.Object({ publications: Type.Array(PublicationSchema) }),
      },
    },
    async handle(c, input) {
      const { businessUnit, policy } = input.query;
      return c.json({
        publications: await registry.listPublications({
          ...(businessUnit ? { businessUnit } : {}),
          ...(policy ? { policy } : {}),
        }),
      });
    },
  };

  const ResolveQuery = Type.Object({
    ...policyChoice,
    policy: Query.policy,
    at: Type.Optional(Type.String()),
  });

  const resolve: Route = {
    method: 'get',
    path: '/v1/resolve',
    operationId: 'resolvePolicy',
    summary:
      'The policy in force for a business unit at a time (or a version), with the base versions it merges with',
    description:
      'What `tierwise eval --server` runs locally: the version’s content and each base’s content, so the client merges and evaluates exactly what the server would.',
    tag: 'policies',
    role: 'viewer',
    query: ResolveQuery,
    responses: {
      200: {
        description: 'the version and its bases',
        schema: strict({
          version: VersionSchema,
          fileName: Type.String(),
          bases: Type.Array(Type.Object({ fileName: Type.String(), version: VersionSchema })),
          publication: Type.Optional(PublicationSchema),
        }),
      },
    },
    async handle(c, input) {
      const { version, businessUnit, policy, at } = input.query;
      const query = version
        ? { version }
        : { businessUnit: businessUnit ?? '', ...(policy ? { policy } : {}), ...(at ? { at } : {}) };
      const resolved = await registry.resolve(query);
      if (isRefusal(resolved)) return refuse(c, resolved);
      const fileNames = await Promise.all(
        [resolved.version, ...resolved.bases].map(async (v) => {
          const found = await registry.getPolicy(v.policy);
          return isRefusal(found) ? defaultFileName(v.policy) : found.policy.fileName;
        }),
      );
      return c.json({
        version: resolved.version,
        fileName: fileNames[0],
        bases: resolved.bases.map((b: VersionRecord, i: number) => ({
          fileName: fileNames[i + 1],
          version: b,
        })),
        ...(resolved.publication ? { publication: resolved.publication } : {}),
      });
    },
  };

  const rollback: Route<RollbackBody> = {
    method: 'post',
    path: '/v1/policies/{name}/rollback',
    operationId: 'rollback',
    summary: 'Publish an earlier version’s content again, as a new version (If-Match: the policy’s ETag)',
    tag: 'review',
    role: 'approver',
    request: {
      json: RollbackBody,
      limit: 'jsonBytes',
      example: { toVersion: 'retail-scorecard@1', reason: 'VIP share doubled' },
    },
    responses: { 201: { description: 'the new version and its publication', schema: PublishedSchema } },
    async handle(c, input) {
      const body = input.json!;
      const outcome = await registry.rollback(c.get('actor'), {
        policy: c.req.param('name') ?? '',
        toVersion: body.toVersion,
        reason: body.reason,
        ...(body.effectiveFrom ? { effectiveFrom: body.effectiveFrom } : {}),
        ...withIfMatch(ifMatch(c)),
      });
      return answer(
        c,
        outcome,
        (p) => p,
        201,
        (p) => p.version.sequence,
      );
    },
  };

  return [listPolicies, getPolicy, getVersion, listPublications, resolve, rollback as Route];
}

export const withIfMatch = (value: number | undefined) => (value === undefined ? {} : { ifMatch: value });
