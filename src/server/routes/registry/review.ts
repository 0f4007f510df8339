import { Type } from '@sinclair/typebox';
import { semverDiffJson } from '../../../policy/changes/index.js';
import { impactSides, requestChanges } from '../../../registry/compare.js';
import { isRefusal } from '../../../registry/outcome.js';
import type { Registry } from '../../../registry/registry.js';
import { reviewActions } from '../../../registry/review-actions.js';
import { renderDiff } from '../../../report/simulation/index.js';
import { refuse } from '../../respond.js';
import type { Route } from '../../route.js';
import { CheckedChangeRequest } from '../../schemas/registry.js';
import { ChangesSchema, ImpactRequest, PolicyOverviewSchema, VariantRequest } from '../../schemas/review.js';
import { withData } from '../population.js';
import { answer, checked } from './answer.js';

/** What the editor's policies and review pages ask: the overview, variants, a change request's changes and impact. */
export function reviewRoutes(registry: Registry): Route[] {
  const overview: Route = {
    method: 'get',
    path: '/v1/policy-overview',
    operationId: 'policyOverview',
    summary:
      'Every policy by business unit: status, version in force and from when, author, open change requests; the bases a variant may extend',
    tag: 'review',
    role: 'viewer',
    responses: { 200: { description: 'the overview', schema: PolicyOverviewSchema } },
    async handle(c) {
      return c.json(await registry.policyOverview(c.get('actor')));
    },
  };

  const variant: Route<VariantRequest> = {
    method: 'post',
    path: '/v1/policy-variants',
    operationId: 'draftVariant',
    summary:
      'Draft a business unit’s variant of a company policy: a change request whose policy extends the base and changes nothing yet',
    tag: 'review',
    role: 'analyst',
    request: {
      json: VariantRequest,
      limit: 'jsonBytes',
      example: { base: 'seed004-scorecard', name: 'retail-vip', businessUnit: 'retail' },
    },
    responses: { 201: { description: 'the draft change request', schema: CheckedChangeRequest } },
    async handle(c, input) {
      const body = input.json!;
      const outcome = await registry.draftVariant(
        c.get('actor'),
        {
          base: body.base,
          name: body.name,
          businessUnit: body.businessUnit,
          ...(body.title !== undefined ? { title: body.title } : {}),
        },
        c.get('language'),
      );
      return answer(c, outcome, checked(c), 201, (v) => v.value.revision);
    },
  };

  const changes: Route = {
    method: 'get',
    path: '/v1/change-requests/{id}/changes',
    operationId: 'changeRequestChanges',
    summary:
      'What a change request changes (semantic diff: major, minor, patch), the YAML it started from, and what the token may do with it',
    tag: 'review',
    role: 'viewer',
    responses: { 200: { description: 'the changes', schema: ChangesSchema } },
    async handle(c) {
      const compared = await registry.compareChangeRequest(c.req.param('id') ?? '');
      if (isRefusal(compared)) return refuse(c, compared);
      const { against, request } = compared;
      return c.json({
        ...semverDiffJson(requestChanges(compared), c.get('language')),
        ...(against
          ? {
              against: {
                version: against.resolved.version.id,
                semver: against.resolved.version.semver,
                why: against.why,
              },
            }
          : {}),
        ...(against?.why === 'base-version' ? { baseContent: against.resolved.version.content } : {}),
        actions: reviewActions(c.get('actor'), request),
      });
    },
  };

  const impact: Route<ImpactRequest> = {
    method: 'post',
    path: '/v1/change-requests/{id}/impact',
    operationId: 'changeRequestImpact',
    summary:
      'The population impact of a change request: customers per tier before and after, and who moves (`tierwise diff`)',
    description:
      'Before: the version the change started from (or the base a new variant extends); after: the change request’s content. Data as for POST /v1/diff.',
    tag: 'review',
    role: 'viewer',
    request: { json: ImpactRequest, limit: 'uploadBytes', example: { dataset: 'ds-1' } },
    responses: {
      200: {
        description: 'the comparison, as POST /v1/diff answers',
        schema: Type.Object({}, { additionalProperties: true }),
      },
    },
    async handle(c, input, { deps }) {
      const body = input.json!;
      const compared = await registry.compareChangeRequest(c.req.param('id') ?? '');
      if (isRefusal(compared)) return refuse(c, compared);
      const sides = impactSides(compared);
      if (isRefusal(sides)) return refuse(c, sides);
      const language = c.get('language');
      // As in ../population.ts: the population code and DuckDB load with the first impact asked.
      const { diffPolicies } = await import('../../../simulate/diff.js');
      return withData(c, body, deps, async (population) => {
        const diff = await diffPolicies(sides.from, sides.to, {
          ...population,
          limit: body.limit,
          kpis: body.kpis,
        });
        return { ...diff, json: () => renderDiff('json', diff, { lang: language }) };
      });
    },
  };

  return [overview, variant as Route, changes, impact as Route];
}
