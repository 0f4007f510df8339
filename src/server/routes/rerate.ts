import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRefusal } from '../../registry/outcome.js';
import { rerateAnswer } from '../../rerate/answer.js';
import { rerateJob } from '../../rerate/job.js';
import { policyToRun } from '../population/policy.js';
import { localized, refuse } from '../respond.js';
import type { Route } from '../route.js';
import { type RerateRequest, RerateResponse, RerateRequest as RerateSchema } from '../schemas/rerate.js';
import { withData } from './population.js';

/**
 * POST /v1/rerate: `tierwise rerate` over HTTP. src/rerate decides; this route picks the policy
 * and the data, and keeps the state the client sent in a private temporary file for the run.
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
      let folder: string | undefined;
      try {
        let state: string | undefined;
        if (body.state !== undefined) {
          folder = await mkdtemp(join(tmpdir(), 'tierwise-state-'));
          // The reader picks the format by extension; the name is ours, never the client's.
          state = join(folder, `state.${body.stateFormat ?? 'csv'}`);
          await writeFile(state, body.state, { mode: 0o600 });
        }
        const job = await rerateJob(resolved.policy, {
          state,
          customers: population.customers,
          transactions: population.transactions,
          asOf: body.asOf,
          onError: population.onError,
        });
        // A temporary path says nothing to the client: the state is the request's `state`.
        job.diagnostics = job.diagnostics.map((d) => (d.file === state ? { ...d, file: 'state' } : d));
        const answer = () => ({
          policy: resolved.file,
          ...rerateAnswer(resolved.policy, job, language),
          diagnostics: localized(job.diagnostics, language),
        });
        return { failed: job.failed, diagnostics: job.diagnostics, json: () => JSON.stringify(answer()) };
      } finally {
        if (folder) await rm(folder, { recursive: true, force: true });
      }
    });
  },
};

export const rerateRoutes: Route[] = [rerateRoute as Route];
