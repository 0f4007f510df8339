import { DateTime } from 'luxon';
import { msg } from '../../i18n/text.js';
import { parseDuration } from '../../policy/analysis/duration.js';
import type { Refusal } from '../outcome.js';
import { refuse } from '../refuse.js';
import { instantOf } from '../times.js';

/** The longest an override may last: it is an exception, re-decided at least once a year. */
export const MAX_OVERRIDE = 'P1Y';

/** `from` plus an ISO 8601 duration, counted on the calendar of `zone` (P1M from 31 Jan: 28/29 Feb). */
function plus(from: Date, duration: string, zone: string): number {
  const parts = parseDuration(duration)!;
  return DateTime.fromJSDate(from, { zone }).plus(parts).toMillis();
}

const problem = (message: Parameters<typeof refuse>[2]): Refusal =>
  refuse('invalid', 'TW1413', message, { pointer: '/expires', help: msg('overrides.expiryHelp') });

/**
 * When an override given `expires` ends if it starts at `from`: the instant itself, or `from` +
 * the duration. Refused when missing, malformed, not after `from` or beyond MAX_OVERRIDE.
 */
export function expiryAt(expires: string | undefined, from: Date, zone: string): number | Refusal {
  if (expires === undefined || expires.trim() === '') return problem(msg('overrides.expiryMissing'));
  const fromIso = from.toISOString();
  const latest = plus(from, MAX_OVERRIDE, zone);
  let at = instantOf(expires);
  if (at === undefined) {
    if (!parseDuration(expires)) return problem(msg('overrides.expiryMalformed', { value: expires }));
    at = plus(from, expires, zone);
  }
  if (at <= from.getTime()) return problem(msg('overrides.expiryPast', { value: expires, now: fromIso }));
  if (at > latest) return problem(msg('overrides.expiryTooFar', { value: expires, max: MAX_OVERRIDE }));
  return at;
}

/** Whether `expires` is an instant rather than a duration counted from approval. */
export const isInstant = (expires: string) => instantOf(expires) !== undefined;
