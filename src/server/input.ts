import type { Context } from 'hono';
import {
  type BodyProblem,
  bodySource,
  isBodyProblem,
  mediaType,
  parseJson,
  readBody,
  schemaProblems,
  unsupportedType,
} from './body.js';
import type { ServerLimits } from './deps.js';
import type { ServerEnv } from './env.js';
import type { Route, RouteInput } from './route.js';

/** The request's body, from Node's own request when there is one (see bodySource). */
export const requestBody = (c: Context<ServerEnv>) => bodySource(c.req.raw, c.env?.incoming);

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

/** The route's body as its handler takes it: parsed and validated JSON, buffered text, or the stream unread. */
export async function readInput(
  c: Context<ServerEnv>,
  route: Route,
  limits: ServerLimits,
): Promise<RouteInput | BodyProblem> {
  const query = c.req.query();
  if (route.query) {
    const problems = schemaProblems(route.query, query);
    if (problems.length > 0)
      return {
        status: 400,
        diagnostics: problems.map((d) => ({ ...d, pointer: `/query${d.pointer ?? ''}` })),
      };
  }
  const request = route.request;
  if (!request) return { query };
  const type = mediaType(c.req.header('content-type'));
  if (request.stream?.includes(type)) return { type, query };
  const limit = limits[request.limit];
  if (request.json && JSON_TYPE.test(type)) {
    const bytes = await readBody(requestBody(c), limit);
    if (isBodyProblem(bytes)) return bytes;
    const parsed = parseJson(bytes);
    if (isBodyProblem(parsed)) return parsed;
    const problems = schemaProblems(request.json, parsed.value);
    if (problems.length > 0) return { status: 400, diagnostics: problems };
    return { json: parsed.value, type, query };
  }
  if (request.text?.includes(type)) {
    const bytes = await readBody(requestBody(c), limit);
    if (isBodyProblem(bytes)) return bytes;
    return { bytes, type, query };
  }
  const accepted = [
    ...(request.json ? ['application/json'] : []),
    ...(request.text ?? []),
    ...(request.stream ?? []),
  ];
  return unsupportedType(type, accepted);
}
