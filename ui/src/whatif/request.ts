/** Whether an error is the cancellation of a run that a newer one replaced. */
export const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';
