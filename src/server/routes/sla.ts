import { isRefusal } from '../../registry/outcome.js';
import { ticketDue } from '../../sla/ticket.js';
import { bodyCalendar } from '../calendar-body.js';
import { policyToRun } from '../population/policy.js';
import { refuse } from '../respond.js';
import type { Route } from '../route.js';
import { type SlaDueRequest, SlaDueResponse, SlaDueRequest as SlaDueSchema } from '../schemas/sla.js';

/** POST /v1/sla/due: `tierwise sla due` over HTTP; src/sla counts, this route picks the policy. */
const slaDueRoute: Route<SlaDueRequest> = {
  method: 'post',
  path: '/v1/sla/due',
  operationId: 'slaDue',
  summary: 'Response and resolution due times of a ticket on its tier’s SLA and the business calendar',
  description:
    'The policy is `draft`, `version`, or `businessUnit` (+ `policy`, `at`). `calendar` replaces the calendar the SLA names: send the version the ticket started with. A year the calendar does not cover is refused (TW1401). See docs/sla.md.',
  tag: 'evaluate',
  role: 'viewer',
  request: { json: SlaDueSchema, limit: 'jsonBytes' },
  responses: { 200: { description: 'the due times', schema: SlaDueResponse } },
  async handle(c, input, { deps }) {
    const body = input.json!;
    const chosen = await policyToRun(body, 'sla due', '/draft', deps, c);
    if (isRefusal(chosen)) return refuse(c, chosen);
    const { policy } = chosen;
    const calendar = bodyCalendar(body.calendar);
    if (isRefusal(calendar)) return refuse(c, calendar);
    const result = ticketDue({
      policy,
      tier: body.tier,
      opened: body.opened,
      pauses: body.paused,
      calendar: calendar.calendar,
      closures: body.closures,
    });
    if (!result.answer) return refuse(c, { refused: 'invalid', diagnostics: result.diagnostics });
    return c.json(result.answer);
  },
};

export const slaRoutes: Route[] = [slaDueRoute as Route];
