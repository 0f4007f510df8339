import { Type } from '@sinclair/typebox';
import { isRefusal } from '../../registry/outcome.js';
import type { DecisionLog } from '../decision-log.js';
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

/** GET /v1/decisions/{id}: writes what the log still holds first, so a caller reads its own decision at once. */
export const decisionRoutes = (log: DecisionLog): Route[] => [
  {
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
      await log.flush();
      const found = await deps.getDecision(c.req.param('id') ?? '', c.get('actor'));
      if (isRefusal(found)) return refuse(c, found);
      return c.json(found);
    },
  },
];
