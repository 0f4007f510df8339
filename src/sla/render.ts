import type { Language } from '../i18n/language.js';
import { t } from '../i18n/text.js';
import type { DueAnswer, DueTarget } from './due.js';

/** A due-time answer as lines for a reader, in their language. */
export function renderDue(answer: DueAnswer, language: Language): string {
  const { calendar } = answer;
  const lines = [
    t(language, 'sla.heading', { tier: answer.tier, opened: answer.opened }),
    t(language, 'sla.calendarLine', {
      calendar: calendar.id,
      version: calendar.version,
      zone: calendar.timeZone,
    }),
  ];
  if (!answer.startedOnWorkingDay) lines.push(t(language, 'sla.nonWorkingStart'));
  if (answer.response) lines.push(t(language, 'sla.responseDue', target(answer.response, language)));
  if (answer.resolution) lines.push(t(language, 'sla.resolutionDue', target(answer.resolution, language)));
  return `${lines.join('\n')}\n`;
}

function target(due: DueTarget, language: Language) {
  const clock =
    due.rule === 'onNonWorkingDays'
      ? t(language, 'sla.nonWorkingRule')
      : t(language, due.clock === 'business' ? 'sla.business' : 'sla.elapsed');
  return { due: due.due, within: due.within, clock };
}
