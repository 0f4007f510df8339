import { DEFAULT_MAX_DIAGNOSTICS } from '../data/index.js';
import type { Language } from '../i18n/language.js';
import type { Policy } from '../policy/schema/policy.js';
import type { RerateJob } from './job.js';
import { notices } from './notices.js';
import { eventCounts, eventRecord, eventWords } from './render.js';
import { stateNextReview } from './rules.js';
import { stateRecord } from './state.js';

/**
 * A finished re-rating as one JSON document: what POST /v1/rerate answers. The states are the
 * records the CLI's state file holds (send them back as the next request's `state`), the events
 * carry their reasons in the request's language, the notices both languages.
 */
export function rerateAnswer(policy: Policy, job: RerateJob, language: Language) {
  const outcome = job.outcome!;
  const words = eventWords(policy);
  const clean = <T extends object>(record: T) =>
    Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
  return {
    asOf: job.asOf!.date,
    timezone: job.timezone,
    customers: outcome.states.length - outcome.absent.length,
    counts: eventCounts(outcome.events),
    inGrace: outcome.states.filter((s) => s.graceUntil !== undefined).length,
    absent: outcome.absent.slice(0, DEFAULT_MAX_DIAGNOSTICS),
    events: outcome.events.map((e) => clean(eventRecord(e, words, language))),
    states: outcome.states.map((s) => clean(stateRecord(s, job.timezone, stateNextReview(job.rules, s)))),
    notices: notices(policy, outcome.events, words),
  };
}
