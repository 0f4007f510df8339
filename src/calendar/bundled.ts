import cnMainland from './data/cn-mainland.json' with { type: 'json' };
import type { Calendar } from './types.js';

/**
 * Calendars shipped with tierwise. The data sits in src/calendar/data so that the build copies it
 * with the code that reads it (resolveJsonModule) and a reviewer sees it next to its schema;
 * test/calendar checks each against that schema, so the cast here is proven there.
 */
export const BUNDLED_CALENDARS: readonly Calendar[] = [cnMainland as unknown as Calendar];

export function bundledCalendar(id: string): Calendar | undefined {
  return BUNDLED_CALENDARS.find((c) => c.id === id);
}
