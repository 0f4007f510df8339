import type { Context } from 'hono';
import { diagnostic } from '../../diagnostics/make.js';
import { msg } from '../../i18n/text.js';
import type { Policy } from '../../policy/schema/policy.js';
import { isRefusal, type Refusal } from '../../registry/outcome.js';
import type { ServerDeps } from '../deps.js';
import { draftPolicy } from '../draft.js';
import type { ServerEnv } from '../env.js';
import { policyQuery } from '../evaluate/query.js';
import { localized, refuse } from '../respond.js';
import type { Route } from '../route.js';
import { type ScoresRequest, ScoresResponse, ScoresRequest as ScoresSchema } from '../schemas/scores.js';
import { withData } from './population.js';

/** The policy a histogram is drawn for: the draft in the body, or a stored version or publication. */
async function chosenPolicy(
  body: ScoresRequest,
  deps: ServerDeps,
  c: Context<ServerEnv>,
): Promise<{ policy: Policy; name: string } | Refusal> {
  const { draft, ...choice } = body;
  const stored = choice.version !== undefined || choice.businessUnit !== undefined;
  if (draft && stored)
    return {
      refused: 'invalid',
      diagnostics: [
        diagnostic('TW1340', msg('scores.draftAndStored'), {
          pointer: '/draft',
          help: msg('scores.draftAndStoredHelp'),
        }),
      ],
    };
  if (draft) {
    const checked = await draftPolicy(draft, deps, c.get('actor'), '/draft/content');
    return isRefusal(checked) ? checked : { policy: checked.policy, name: checked.fileName };
  }
  const query = policyQuery(choice);
  if ('code' in query) return { refused: 'invalid', diagnostics: [query] };
  const resolved = await deps.resolvePolicy(query, c.get('actor'));
  return isRefusal(resolved) ? resolved : { policy: resolved.policy, name: resolved.version.id };
}

/**
 * POST /v1/scores: the histogram of a policy's scores on a dataset, split by tier — what the
 * editor draws under its threshold slider. The library (src/simulate/score-histogram.ts) counts;
 * this route only picks the policy and the data.
 */
const scoresRoute: Route<ScoresRequest> = {
  method: 'post',
  path: '/v1/scores',
  operationId: 'scores',
  summary:
    'Histogram of a policy’s scores on a population, with customers per tier (a draft or a stored policy)',
  description:
    'The policy is `draft` ({ content, fileName }, checked as POST /v1/validate checks it), or `version`, or `businessUnit` (+ `policy`, `at`). The data as for POST /v1/simulate: a stored `dataset` (+ `transactionsDataset`) or the file as text.',
  tag: 'population',
  role: 'viewer',
  request: { json: ScoresSchema, limit: 'uploadBytes' },
  responses: { 200: { description: 'the histogram', schema: ScoresResponse } },
  async handle(c, input, { deps }) {
    const body = input.json!;
    const chosen = await chosenPolicy(body, deps, c);
    if (isRefusal(chosen)) return refuse(c, chosen);
    if (!chosen.policy.dimensions)
      return refuse(c, {
        refused: 'invalid',
        diagnostics: [
          diagnostic('TW1341', msg('scores.noScore', { policy: chosen.name }), {
            pointer: body.draft ? '/draft/content' : '',
            help: msg('scores.noScoreHelp'),
          }),
        ],
      });
    const language = c.get('language');
    // As in ./population.ts: the population code and DuckDB load with the first request.
    const { scoreHistogram } = await import('../../simulate/score-histogram.js');
    return withData(c, body, deps, async (population) => {
      const { failed, diagnostics, ...histogram } = await scoreHistogram(chosen.policy, {
        ...population,
        bins: body.bins,
      });
      const answer = { policy: chosen.name, ...histogram, diagnostics: localized(diagnostics, language) };
      return { failed, diagnostics, json: () => JSON.stringify(answer) };
    });
  },
};

export const scoresRoutes: Route[] = [scoresRoute as Route];
