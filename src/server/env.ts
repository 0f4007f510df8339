import type { Language } from '../i18n/language.js';
import type { Actor } from '../registry/outcome.js';

/** What middleware leaves on a request's context for the routes. */
export interface ServerEnv {
  Variables: {
    language: Language;
    /** Set by the auth middleware on every route that needs a token. */
    actor: Actor;
  };
}
