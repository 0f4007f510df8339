import { Type } from '@sinclair/typebox';
import type { Route } from '../route.js';

const ActorSchema = Type.Object(
  {
    id: Type.String({ description: 'the token id' }),
    name: Type.String({ description: 'the token holder, as the audit names them' }),
    role: Type.Union([
      Type.Literal('viewer'),
      Type.Literal('analyst'),
      Type.Literal('approver'),
      Type.Literal('admin'),
    ]),
    businessUnits: Type.Array(Type.String(), {
      description: "the business units it may write to; ['*'] for all",
    }),
  },
  { title: 'Actor' },
);

/** Who a token is: the editor signs in with it and offers only what the role may do. */
const me: Route = {
  method: 'get',
  path: '/v1/me',
  operationId: 'me',
  summary: 'The holder of the bearer token: name, role and business units',
  tag: 'tokens',
  role: 'viewer',
  responses: { 200: { description: 'the token’s holder', schema: Type.Object({ actor: ActorSchema }) } },
  handle: (c) => c.json({ actor: c.get('actor') }),
};

export const meRoutes: Route[] = [me];
