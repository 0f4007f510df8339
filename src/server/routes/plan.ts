import { DEFAULT_TIMEZONE } from '../../facts/zone.js';
import { servicePlan } from '../../plan/plan.js';
import { planJson } from '../../plan/render.js';
import { DEFAULT_HORIZON, planWindow } from '../../plan/window.js';
import { isRefusal } from '../../registry/outcome.js';
import { readState, stateOptions } from '../../rerate/state.js';
import { bodyCalendar } from '../calendar-body.js';
import { policyToRun } from '../population/policy.js';
import { withStateFile } from '../population/state-file.js';
import { diagnosticsResponse, localized, refuse } from '../respond.js';
import type { Route } from '../route.js';
import { type PlanRequest, PlanResponse, PlanRequest as PlanSchema } from '../schemas/plan.js';

/** POST /v1/plan: `tierwise plan --format json` over HTTP; src/plan plans, this route picks the inputs. */
const planRoute: Route<PlanRequest> = {
  method: 'post',
  path: '/v1/plan',
  operationId: 'servicePlan',
  summary: 'Upcoming contacts, tier reviews and grace ends of each customer, per account manager',
  description:
    'The policy is stored (`version`, or what `businessUnit` has published) or a `draft`; `state` is the tier state as text (a POST /v1/rerate answer’s `states` as NDJSON with `stateFormat: ndjson`, or a CSV). A contact in a year the calendar does not cover is refused (TW1401). See docs/service-plan.md.',
  tag: 'population',
  role: 'viewer',
  request: { json: PlanSchema, limit: 'uploadBytes' },
  responses: { 200: { description: 'the plan', schema: PlanResponse } },
  async handle(c, input, { deps }) {
    const body = input.json!;
    const resolved = await policyToRun(body, 'plan', '/draft', deps, c);
    if (isRefusal(resolved)) return refuse(c, resolved);
    const { policy } = resolved;
    const language = c.get('language');
    const horizon = body.horizon ?? DEFAULT_HORIZON;
    const window = planWindow(body.from, horizon, policy.metadata.timezone ?? DEFAULT_TIMEZONE);
    if ('code' in window)
      return refuse(c, { refused: 'invalid', diagnostics: [{ ...window, pointer: '/from' }] });
    const calendar = bodyCalendar(body.calendar);
    if (isRefusal(calendar)) return refuse(c, calendar);
    const read = await withStateFile(body.state, body.stateFormat, (path) =>
      readState(path!, { ...stateOptions(policy), onError: body.onError }),
    );
    if (read.failed) return diagnosticsResponse(c, 400, read.diagnostics);
    const result = servicePlan({
      policy,
      states: read.states.values(),
      ...window,
      horizon,
      calendar: calendar.calendar,
    });
    const diagnostics = [...read.diagnostics, ...result.diagnostics];
    if (!result.plan) return diagnosticsResponse(c, 400, diagnostics);
    return c.json({ ...planJson(result.plan), diagnostics: localized(diagnostics, language) });
  },
};

export const planRoutes: Route[] = [planRoute as Route];
