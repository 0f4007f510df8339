import { Type } from '@sinclair/typebox';
import { isRefusal } from '../../registry/outcome.js';
import { refuse } from '../respond.js';
import type { Route } from '../route.js';

const DecisionSchema = Type.Object(
  {
    id: Type.String(),
    at: Type.String(),
    actor: Type.String(),
    businessUnit: Type.String(),
    policy: Type.String(),
    version: Type.String(),
    versionDigest: Type.String(),
    inputDigest: Type.String({ description: 'sha256 of the canonical JSON of the evaluated input' }),
    result: Type.Unknown({ description: 'tier, score, deciding rule…, personal data masked' }),
  },
  { title: 'Decision' },
);

const getDecision: Route = {
  method: 'get',
  path: '/v1/decisions/{id}',
  operationId: 'getDecision',
  summary: 'A decision of the log: the policy version and digest, the input digest, the masked result',
  tag: 'evaluation',
  role: 'viewer',
  responses: {
    200: { description: 'the decision', schema: DecisionSchema },
    404: { description: 'no such decision (TW1308)' },
  },
  async handle(c, _input, { deps }) {
    const found = await deps.getDecision(c.req.param('id') ?? '', c.get('actor'));
    if (isRefusal(found)) return refuse(c, found);
    return c.json(found);
  },
};

export const decisionRoutes: Route[] = [getDecision];
