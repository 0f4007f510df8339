export {
  type Clock,
  type DueAnswer,
  type DueInput,
  type DueResult,
  type DueTarget,
  dueTimes,
} from './due.js';
export { renderDue } from './render.js';
export { type TicketInput, ticketDue } from './ticket.js';
export { calendarFor, DEFAULT_CALENDAR, slaOfTier } from './tier.js';
