import { isRefusal } from '../../registry/outcome.js';
import { rerateAnswer } from '../../rerate/answer.js';
import { rerateJob } from '../../rerate/job.js';
import { policyToRun } from '../population/policy.js';
import { withStateFile } from '../population/state-file.js';
import { localized, refuse } from '../respond.js';
import type { Route } from '../route.js';
import { type RerateRequest, RerateResponse, RerateRequest as RerateSchema } from '../schemas/rerate.js';
import { withData } from './population.js';

/**
 * POST /v1/rerate: `tierwise rerate` over HTTP. src/rerate decides; this route picks the policy
 * and the data; the state the client sent is a file for the length of the run (withStateFile).
 */
const rerateRoute: Route<RerateRequest> = {
  method: 'post',
  path: '/v1/rerate',
  operationId: 'rerate',
  summary:
    'Re-rate customers as of a date: who is due, who a trigger re-rates, and each move by the policy’s rules',
  description:
    'The policy is stored (`version`, or what `businessUnit` has published) or a `draft`; the customers a stored `dataset` (+ `transactionsDataset`) or text, as for POST /v1/simulate. `state` is the tiers as they stand (the last answer’s `states` as NDJSON or JSON, or a CSV); without it everyone is rated for the first time. See docs/rerating.md.',
  tag: 'population',
  role: 'viewer',
  request: { json: RerateSchema, limit: 'uploadBytes' },
  responses: { 200: { description: 'the events, the new state and the notices', schema: RerateResponse } },
  async handle(c, input, { deps }) {
    const body = input.json!;
    const resolved = await policyToRun(body, 'rerate', '/draft', deps, c);
    if (isRefusal(resolved)) return refuse(c, resolved);
    const language = c.get('language');
    return withData(c, body, deps, async (population) => {
      const job = await withStateFile(body.state, body.stateFormat, (state) =>
        rerateJob(resolved.policy, {
          state,
          customers: population.customers,
          transactions: population.transactions,
          asOf: body.asOf,
          onError: population.onError,
        }),
      );
      const answer = () => ({
        policy: resolved.file,
        ...rerateAnswer(resolved.policy, job, language),
        diagnostics: localized(job.diagnostics, language),
      });
      return { failed: job.failed, diagnostics: job.diagnostics, json: () => JSON.stringify(answer()) };
    });
  },
};

export const rerateRoutes: Route[] = [rerateRoute as Route];
