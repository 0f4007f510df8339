import type { Context } from 'hono';
import { checkCalendar } from '../../calendar/read.js';
import { diagnostic } from '../../diagnostics/make.js';
import { msg } from '../../i18n/text.js';
import type { Policy } from '../../policy/schema/policy.js';
import { isRefusal, type Refusal } from '../../registry/outcome.js';
import { ticketDue } from '../../sla/ticket.js';
import type { ServerDeps } from '../deps.js';
import { draftPolicy } from '../draft.js';
import type { ServerEnv } from '../env.js';
import { policyQuery } from '../evaluate/query.js';
import { refuse } from '../respond.js';
import type { Route } from '../route.js';
import { type SlaDueRequest, SlaDueResponse, SlaDueRequest as SlaDueSchema } from '../schemas/sla.js';

async function chosenPolicy(
  body: SlaDueRequest,
  deps: ServerDeps,
  c: Context<ServerEnv>,
): Promise<Policy | Refusal> {
  const { draft, ...choice } = body;
  if (draft && (choice.version !== undefined || choice.businessUnit !== undefined))
    return {
      refused: 'invalid',
      diagnostics: [
        diagnostic('TW1350', msg('whatif.draftAndStored'), {
          pointer: '/draft',
          help: msg('whatif.draftAndStoredHelp'),
        }),
      ],
    };
  if (draft) {
    const checked = await draftPolicy(draft, deps, c.get('actor'), '/draft/content');
    return isRefusal(checked) ? checked : checked.policy;
  }
  const query = policyQuery(choice);
  if ('code' in query) return { refused: 'invalid', diagnostics: [query] };
  const resolved = await deps.resolvePolicy(query, c.get('actor'));
  return isRefusal(resolved) ? resolved : resolved.policy;
}

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
    const policy = await chosenPolicy(body, deps, c);
    if (isRefusal(policy)) return refuse(c, policy);
    const calendar = body.calendar === undefined ? undefined : checkCalendar(body.calendar);
    if (calendar && !calendar.calendar)
      return refuse(c, {
        refused: 'invalid',
        diagnostics: calendar.diagnostics.map((d) => ({ ...d, pointer: `/calendar${d.pointer ?? ''}` })),
      });
    const result = ticketDue({
      policy,
      tier: body.tier,
      opened: body.opened,
      pauses: body.paused,
      calendar: calendar?.calendar,
      closures: body.closures,
    });
    if (!result.answer) return refuse(c, { refused: 'invalid', diagnostics: result.diagnostics });
    return c.json(result.answer);
  },
};

export const slaRoutes: Route[] = [slaDueRoute as Route];
