import { ApiError, type Diagnostic } from '../api.js';
import { getLocale } from '../i18n.js';

/**
 * A POST the what-if can cancel when the draft changes under it. `Api.request` takes no signal
 * yet, so this sends the same request (the tab's token, the language) with one; when api.ts
 * gains a `signal` option this becomes a call to it.
 */
export async function postCancellable<T>(path: string, json: unknown, signal: AbortSignal): Promise<T> {
  const token = sessionStorage.getItem('tierwise.token') ?? '';
  const response = await fetch(path, {
    method: 'POST',
    signal,
    headers: {
      Authorization: `Bearer ${token}`,
      'Accept-Language': getLocale(),
      Accept: 'application/json',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(json),
  });
  const parsed = (await response.json().catch(() => undefined)) as { diagnostics?: Diagnostic[] } | undefined;
  if (!response.ok)
    throw new ApiError(
      response.status,
      parsed?.diagnostics ?? [
        { code: `HTTP ${response.status}`, severity: 'error', message: response.statusText },
      ],
    );
  return parsed as T;
}

/** Whether an error is the cancellation of a run that a newer one replaced. */
export const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';
