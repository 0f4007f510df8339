import { Type } from '@sinclair/typebox';
import { isRefusal } from '../../../registry/outcome.js';
import type { Registry } from '../../../registry/registry.js';
import { refuse } from '../../respond.js';
import type { Route } from '../../route.js';
import { CreateToken, TokenSchema } from '../../schemas/registry.js';
import { answer, publicToken } from './answer.js';

/** Bearer tokens (admin only); a secret is shown once, at creation. */
export function tokenRoutes(registry: Registry): Route[] {
  const create: Route<CreateToken> = {
    method: 'post',
    path: '/v1/tokens',
    operationId: 'createToken',
    summary:
      'Create a token for a person or a CI job: role and business units; the secret is in this answer only',
    tag: 'tokens',
    role: 'admin',
    request: {
      json: CreateToken,
      limit: 'jsonBytes',
      example: { name: '王芳', role: 'analyst', businessUnits: ['retail'] },
    },
    responses: {
      201: {
        description: 'the token and its secret',
        schema: Type.Object({ token: TokenSchema, secret: Type.String() }),
      },
    },
    async handle(c, input) {
      const body = input.json!;
      const made = await registry.createToken(c.get('actor'), {
        name: body.name,
        role: body.role as never,
        businessUnits: body.businessUnits,
      });
      return answer(c, made, ({ token, secret }) => ({ token: publicToken(token), secret }), 201);
    },
  };

  const list: Route = {
    method: 'get',
    path: '/v1/tokens',
    operationId: 'listTokens',
    summary: 'The tokens, without secrets',
    tag: 'tokens',
    role: 'admin',
    responses: {
      200: { description: 'the tokens', schema: Type.Object({ tokens: Type.Array(TokenSchema) }) },
    },
    async handle(c) {
      const tokens = await registry.listTokens(c.get('actor'));
      if (isRefusal(tokens)) return refuse(c, tokens);
      return c.json({ tokens: tokens.map(publicToken) });
    },
  };

  const revoke: Route = {
    method: 'post',
    path: '/v1/tokens/{id}/revoke',
    operationId: 'revokeToken',
    summary: 'Revoke a token: it authenticates no more',
    tag: 'tokens',
    role: 'admin',
    responses: { 200: { description: 'the revoked token', schema: TokenSchema } },
    async handle(c) {
      return answer(c, await registry.revokeToken(c.get('actor'), c.req.param('id') ?? ''), publicToken);
    },
  };

  return [create as Route, list, revoke];
}
