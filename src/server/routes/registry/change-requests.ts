import { Type } from '@sinclair/typebox';
import type { Registry } from '../../../registry/registry.js';
import { ifMatch } from '../../preconditions.js';
import type { Route } from '../../route.js';
import {
  ChangeRequestSchema,
  CheckedChangeRequest,
  Comment,
  CreateChangeRequest,
  EditChangeRequest,
  PublishedSchema,
  PublishRequest,
  Query,
} from '../../schemas/registry.js';
import { answer, checked } from './answer.js';

const States = Type.Optional(
  Type.Union(
    ['draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn'].map((s) => Type.Literal(s)),
  ),
);

const byRevision = (value: { value: { revision: number } }) => value.value.revision;

/** Change requests through review: draft, edit, submit, approve (never by the author), reject, withdraw, publish. */
export function changeRequestRoutes(registry: Registry): Route[] {
  const create: Route<CreateChangeRequest> = {
    method: 'post',
    path: '/v1/change-requests',
    operationId: 'createChangeRequest',
    summary:
      'Draft a change to a policy (or a new policy): the whole YAML, checked; errors may remain in a draft',
    tag: 'review',
    role: 'analyst',
    request: {
      json: CreateChangeRequest,
      limit: 'jsonBytes',
      example: { content: 'apiVersion: tierwise/v1 …', title: 'VIP from 85' },
    },
    responses: { 201: { description: 'the draft and the checks’ findings', schema: CheckedChangeRequest } },
    async handle(c, input) {
      const body = input.json!;
      const outcome = await registry.createChangeRequest(c.get('actor'), {
        content: body.content,
        title: body.title,
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.baseVersion !== undefined ? { baseVersion: body.baseVersion } : {}),
      });
      return answer(c, outcome, checked(c), 201, byRevision);
    },
  };

  const list: Route = {
    method: 'get',
    path: '/v1/change-requests',
    operationId: 'listChangeRequests',
    summary: 'Change requests, newest first, by state, policy and business unit',
    tag: 'review',
    role: 'viewer',
    query: Type.Object({ state: States, policy: Query.policy, businessUnit: Query.unit }),
    responses: {
      200: {
        description: 'the change requests',
        schema: Type.Object({ changeRequests: Type.Array(ChangeRequestSchema) }),
      },
    },
    async handle(c, input) {
      const { state, policy, businessUnit } = input.query;
      const changeRequests = await registry.listChangeRequests({
        ...(state ? { state: state as never } : {}),
        ...(policy ? { policy } : {}),
        ...(businessUnit ? { businessUnit } : {}),
      });
      return c.json({ changeRequests });
    },
  };

  const get: Route = {
    method: 'get',
    path: '/v1/change-requests/{id}',
    operationId: 'getChangeRequest',
    summary: 'One change request; its ETag is its revision, for If-Match on every write',
    tag: 'review',
    role: 'viewer',
    responses: { 200: { description: 'the change request', schema: ChangeRequestSchema } },
    async handle(c) {
      return answer(
        c,
        await registry.getChangeRequest(c.req.param('id') ?? ''),
        (v) => v,
        200,
        (v) => v.revision,
      );
    },
  };

  const edit: Route<EditChangeRequest> = {
    method: 'patch',
    path: '/v1/change-requests/{id}',
    operationId: 'editChangeRequest',
    summary: 'Edit (author only; If-Match): a change of content or base after approval clears the approval',
    tag: 'review',
    role: 'analyst',
    request: { json: EditChangeRequest, limit: 'jsonBytes', example: { title: 'VIP from 85, loyalty 40%' } },
    responses: {
      200: { description: 'the change request and the checks’ findings', schema: CheckedChangeRequest },
    },
    async handle(c, input) {
      const body = input.json!;
      const outcome = await registry.updateChangeRequest(
        c.get('actor'),
        c.req.param('id') ?? '',
        {
          ...(body.content !== undefined ? { content: body.content } : {}),
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.baseVersion !== undefined ? { baseVersion: body.baseVersion } : {}),
        },
        ifMatch(c),
      );
      return answer(c, outcome, checked(c), 200, byRevision);
    },
  };

  const step = (
    name: 'submit' | 'approve' | 'reject' | 'withdraw',
    role: Route['role'],
    summary: string,
  ): Route<Comment> => ({
    method: 'post',
    path: `/v1/change-requests/{id}/${name}`,
    operationId: `${name}ChangeRequest`,
    summary,
    tag: 'review',
    role,
    request: {
      json: Comment,
      limit: 'jsonBytes',
      example: { comment: 'checked the what-if on retail customers' },
    },
    responses: { 200: { description: 'the change request', schema: CheckedChangeRequest } },
    async handle(c, input) {
      const id = c.req.param('id') ?? '';
      const actor = c.get('actor');
      const comment = input.json?.comment;
      const outcome =
        name === 'submit'
          ? await registry.submit(actor, id, ifMatch(c))
          : await registry[name](actor, id, ifMatch(c), comment);
      return answer(c, outcome, checked(c), 200, byRevision);
    },
  });

  const publish: Route<PublishRequest> = {
    method: 'post',
    path: '/v1/change-requests/{id}/publish',
    operationId: 'publishChangeRequest',
    summary:
      'Publish an approved change (If-Match) from effectiveFrom: 409 when the policy moved since the draft',
    tag: 'review',
    role: 'approver',
    request: {
      json: PublishRequest,
      limit: 'jsonBytes',
      example: { effectiveFrom: '2027-01-01T00:00:00+08:00' },
    },
    responses: { 201: { description: 'the new version and its publication', schema: PublishedSchema } },
    async handle(c, input) {
      const effectiveFrom = input.json?.effectiveFrom;
      const outcome = await registry.publish(c.get('actor'), c.req.param('id') ?? '', {
        ...(effectiveFrom ? { effectiveFrom } : {}),
        ...(ifMatch(c) !== undefined ? { ifMatch: ifMatch(c) } : {}),
      });
      return answer(
        c,
        outcome,
        (p) => p,
        201,
        (p) => p.changeRequest?.revision ?? p.version.sequence,
      );
    },
  };

  return [
    create as Route,
    list,
    get,
    edit as Route,
    step(
      'submit',
      'analyst',
      'Send a draft for review (If-Match): refused while the checks find errors',
    ) as Route,
    step(
      'approve',
      'approver',
      'Approve what is in review (If-Match), never one’s own; tied to the content digest',
    ) as Route,
    step('reject', 'approver', 'Reject a change in review or approved (If-Match), with a comment') as Route,
    step('withdraw', 'analyst', 'Withdraw one’s own change (If-Match)') as Route,
    publish as Route,
  ];
}
