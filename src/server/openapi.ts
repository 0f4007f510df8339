import { VERSION } from '../version.js';
import type { Route } from './route.js';
import { DiagnosticsBody } from './schemas/common.js';
import { REFUSAL_STATUS, SERVER_STATUS } from './status.js';

/** TypeBox schemas carry symbols for its own use; the document holds their JSON only. */
const plain = (schema: unknown) => JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;

const ERRORS: Record<number, string> = {
  [REFUSAL_STATUS.invalid]: 'the request is not valid: diagnostics with the JSON pointer into the body',
  [REFUSAL_STATUS.unauthenticated]: 'no bearer token, or one the registry does not know',
  [REFUSAL_STATUS.forbidden]: "the token's role or business units do not allow it",
  [REFUSAL_STATUS['not-found']]:
    'what the request names (a version, publication, dataset, decision) does not exist',
  [SERVER_STATUS.unavailable]: 'the registry’s database cannot be reached now: retry later',
  [SERVER_STATUS.tooLarge]: 'the body is larger than the limit',
  [SERVER_STATUS.unsupportedType]: 'the body is of a type the endpoint does not read',
  [SERVER_STATUS.internal]: 'the server failed (a reference to its log)',
};

/**
 * The OpenAPI 3.1 document of the app, built from its route table and the TypeBox schemas that
 * validate its requests: there is no second description to drift from the first.
 */
export function openApiDocument(routes: readonly Route[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: Record<string, unknown>[] = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    for (const [name, schema] of Object.entries(route.query?.properties ?? {}))
      parameters.push({
        name,
        in: 'query',
        required: route.query?.required?.includes(name) ?? false,
        schema: plain(schema),
      });
    const content: Record<string, unknown> = {};
    if (route.request?.json)
      content['application/json'] = {
        schema: plain(route.request.json),
        ...(route.request.example === undefined ? {} : { example: route.request.example }),
      };
    for (const type of [...(route.request?.text ?? []), ...(route.request?.stream ?? [])])
      content[type] = { schema: { type: 'string' } };
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses))
      responses[status] = {
        description: response.description,
        ...(response.schema || response.contentType
          ? {
              content: {
                [response.contentType ?? 'application/json']: {
                  schema: response.schema ? plain(response.schema) : { type: 'string' },
                },
              },
            }
          : {}),
      };
    const errors = Object.entries(ERRORS).filter(
      ([status]) =>
        (route.role !== 'public' || !['401', '403', '404'].includes(status)) &&
        (route.request !== undefined || !['413', '415'].includes(status)),
    );
    for (const [status, description] of errors)
      responses[status] ??= {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Diagnostics' } } },
      };
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      ...(route.role === 'public' ? { security: [] } : { 'x-role': route.role }),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.request ? { requestBody: { required: true, content } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'tierwise',
      version: VERSION,
      description:
        'Customer tiering policies: validate, evaluate, simulate, and the registry that keeps them.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Diagnostics: plain(DiagnosticsBody) },
    },
  };
}
