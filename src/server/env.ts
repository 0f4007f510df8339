import type { IncomingMessage } from 'node:http';
import type { Language } from '../i18n/language.js';
import type { Actor } from '../registry/outcome.js';

/** What middleware leaves on a request's context for the routes. */
export interface ServerEnv {
  /** @hono/node-server's bindings; absent when the app answers app.request() in tests. */
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    language: Language;
    /** Set by the auth middleware on every route that needs a token. */
    actor: Actor;
  };
}
