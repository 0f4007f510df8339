import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { dayNumber, isRealDate } from '../facts/calendar.js';
import { zoneCalendar } from '../facts/zone.js';
import { msg } from '../i18n/text.js';
import { addDuration } from '../rerate/rules.js';
import { stepOf } from './steps.js';

export const DEFAULT_HORIZON = 'P3M';

/**
 * The plan's days: from `from` (a date, YYYY-MM-DD; today in the policy's zone when not given)
 * to before from + horizon (P3M from 2025-10-01 ends with 2025-12-31). A date that does not
 * exist, or a horizon that is not a positive ISO 8601 duration, is TW1451.
 */
export function planWindow(
  from: string | undefined,
  horizon: string,
  timezone: string,
  now: number = Date.now(),
): { from: number; until: number } | Diagnostic {
  let first: number;
  if (from === undefined) first = zoneCalendar(timezone).dayOf(now);
  else {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(from);
    const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
    if (!m || !isRealDate(year, month, day))
      return diagnostic('TW1451', msg('plan.badFrom', { text: from }), { help: msg('plan.badFromHelp') });
    first = dayNumber(year, month, day);
  }
  if (stepOf(horizon) === undefined)
    return diagnostic('TW1451', msg('plan.badHorizon', { text: horizon }), {
      help: msg('plan.badHorizonHelp'),
    });
  return { from: first, until: addDuration(first, horizon) };
}
