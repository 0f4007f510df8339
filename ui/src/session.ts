import { type Actor, Api } from './api.js';
import { getLocale } from './i18n.js';

const TOKEN_KEY = 'tierwise.token';

/**
 * Who is signed in. The token stays in this tab's sessionStorage only: closing the tab signs out,
 * and nothing else on the machine can read it back from a file.
 */
export interface Session {
  api: Api;
  actor: Actor;
}

export async function signIn(token: string): Promise<Session> {
  const api = new Api(token, getLocale);
  const { actor } = await api.get<{ actor: Actor }>('/v1/me');
  sessionStorage.setItem(TOKEN_KEY, token);
  return { api, actor };
}

export async function resume(): Promise<Session | undefined> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return undefined;
  try {
    return await signIn(token);
  } catch {
    sessionStorage.removeItem(TOKEN_KEY);
    return undefined;
  }
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

const RANK = { viewer: 0, analyst: 1, approver: 2, admin: 3 } as const;

/** Whether the actor's role reaches `role` (the server checks again; this only hides what it would refuse). */
export const may = (actor: Actor, role: Actor['role']) => RANK[actor.role] >= RANK[role];

/** Whether the actor may write to a business unit. */
export const coversUnit = (actor: Actor, unit: string) =>
  actor.businessUnits.includes('*') || actor.businessUnits.includes(unit);
