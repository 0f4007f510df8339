import { Type } from '@sinclair/typebox';
import { OVERRIDE_STATUSES } from '../../../registry/overrides/view.js';
import type { OverrideStatus } from '../../../registry/records.js';
import type { Registry } from '../../../registry/registry.js';
import { ifMatch } from '../../preconditions.js';
import type { Route } from '../../route.js';
import { OverrideSchema, ProposeOverride } from '../../schemas/overrides.js';
import { Comment, Query } from '../../schemas/registry.js';
import { answer } from './answer.js';

const byRevision = (o: { revision: number }) => o.revision;

/**
 * Overrides of a customer's computed tier (seed 004: the account manager adjusts with a reason,
 * the sales supervisor approves): propose, list, read, approve (never one's own), reject,
 * withdraw, revoke. Every write names the revision it read (If-Match) and is audited.
 */
export function overrideRoutes(registry: Registry): Route[] {
  const propose: Route<ProposeOverride> = {
    method: 'post',
    path: '/v1/overrides',
    operationId: 'proposeOverride',
    summary: 'Propose a tier or score for one customer, with a reason, evidence and an expiry',
    description:
      'The policy in force for `businessUnit` (or the one named) must have the tier; a score override needs tiers decided by score thresholds; a reason is required where the policy’s `rerating.review.adjustment.reasonRequired` is true. `expires` is an instant or a duration from approval, at most P1Y. One open override (proposed, or approved and unexpired) per customer and policy.',
    tag: 'overrides',
    role: 'analyst',
    request: {
      json: ProposeOverride,
      limit: 'jsonBytes',
      example: {
        businessUnit: 'headquarters',
        policy: 'seed004-scorecard',
        customer: 'C2024002',
        kind: 'tier',
        tier: 'vip',
        reason: 'strategic value: three-year framework contract in negotiation',
        evidence: ['https://crm.example.com/cases/4711'],
        expires: 'P3M',
      },
    },
    responses: { 201: { description: 'the override, proposed', schema: OverrideSchema } },
    async handle(c, input) {
      const body = input.json!;
      const outcome = await registry.proposeOverride(c.get('actor'), {
        businessUnit: body.businessUnit,
        customer: body.customer,
        kind: body.kind,
        expires: body.expires,
        ...(body.policy !== undefined ? { policy: body.policy } : {}),
        ...(body.tier !== undefined ? { tier: body.tier } : {}),
        ...(body.score !== undefined ? { score: body.score } : {}),
        ...(body.reason !== undefined ? { reason: body.reason } : {}),
        ...(body.evidence !== undefined ? { evidence: body.evidence } : {}),
      });
      return answer(c, outcome, (o) => o, 201, byRevision);
    },
  };

  const list: Route = {
    method: 'get',
    path: '/v1/overrides',
    operationId: 'listOverrides',
    summary:
      'Overrides of the business units the token covers, newest first, by policy, unit, customer and status',
    tag: 'overrides',
    role: 'viewer',
    query: Type.Object({
      policy: Query.policy,
      businessUnit: Query.unit,
      customer: Type.Optional(Type.String({ minLength: 1, description: 'a customer id' })),
      status: Type.Optional(Type.Union(OVERRIDE_STATUSES.map((s) => Type.Literal(s)))),
    }),
    responses: {
      200: { description: 'the overrides', schema: Type.Object({ overrides: Type.Array(OverrideSchema) }) },
    },
    async handle(c, input) {
      const { policy, businessUnit, customer, status } = input.query;
      const overrides = await registry.listOverrides(c.get('actor'), {
        ...(policy ? { policy } : {}),
        ...(businessUnit ? { businessUnit } : {}),
        ...(customer ? { customer } : {}),
        ...(status ? { status: status as OverrideStatus } : {}),
      });
      return c.json({ overrides });
    },
  };

  const get: Route = {
    method: 'get',
    path: '/v1/overrides/{id}',
    operationId: 'getOverride',
    summary: 'One override, with its status now; its ETag is its revision, for If-Match on every step',
    tag: 'overrides',
    role: 'viewer',
    responses: { 200: { description: 'the override', schema: OverrideSchema } },
    async handle(c) {
      const outcome = await registry.getOverride(c.get('actor'), c.req.param('id') ?? '');
      return answer(c, outcome, (o) => o, 200, byRevision);
    },
  };

  const step = (
    name: 'approve' | 'reject' | 'withdraw' | 'revoke',
    role: Route['role'],
    summary: string,
  ): Route<Comment> => ({
    method: 'post',
    path: `/v1/overrides/{id}/${name}`,
    operationId: `${name}Override`,
    summary,
    tag: 'overrides',
    role,
    request: { json: Comment, limit: 'jsonBytes', example: { comment: 'confirmed with the contract team' } },
    responses: { 200: { description: 'the override', schema: OverrideSchema } },
    async handle(c, input) {
      const method = `${name}Override` as const;
      const outcome = await registry[method](
        c.get('actor'),
        c.req.param('id') ?? '',
        ifMatch(c),
        input.json?.comment,
      );
      return answer(c, outcome, (o) => o, 200, byRevision);
    },
  });

  return [
    propose as Route,
    list,
    get,
    step(
      'approve',
      'approver',
      'Approve a proposed override (If-Match), never one’s own: it decides the tier until it expires',
    ) as Route,
    step('reject', 'approver', 'Reject a proposed override (If-Match), with a comment') as Route,
    step('withdraw', 'analyst', 'Withdraw one’s own proposed override (If-Match)') as Route,
    step(
      'revoke',
      'analyst',
      'End an approved override before it expires (If-Match): an approver, or its proposer; the computed tier is back',
    ) as Route,
  ];
}
