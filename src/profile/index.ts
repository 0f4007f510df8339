/** `tierwise data profile`: completeness, invalid values, duplicates, stale customers and coverage. */
export { normalizeCompanyName, normalizePhones } from './normalize.js';
export { DEFAULT_STALE_MONTHS, profileData } from './profile.js';
export type * from './types.js';
