// The one way the editor talks to the server: every number it shows comes back from here, and
// every refusal arrives as the project's Diagnostic objects, exactly as the CLI prints them.

export interface Diagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  file?: string;
  /** 1-based, as the CLI prints them. */
  range?: { start: { line: number; column: number }; end: { line: number; column: number } };
  pointer?: string;
  /** In a data file: the row as a spreadsheet numbers it, and the column's header. */
  row?: number;
  column?: string;
  help?: string;
}

export interface Actor {
  id: string;
  name: string;
  role: 'viewer' | 'analyst' | 'approver' | 'admin';
  businessUnits: string[];
}

/** A refusal from the server (or the network), with the diagnostics that say why. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly diagnostics: Diagnostic[],
  ) {
    super(diagnostics.map((d) => `${d.code} ${d.message}`).join('\n') || `HTTP ${status}`);
  }
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  ifMatch?: string;
  accept?: string;
  /** Cancels the request: it then rejects with the fetch's AbortError, not an ApiError. */
  signal?: AbortSignal;
}

export class Api {
  constructor(
    private readonly token: string,
    private readonly language: () => string,
  ) {}

  async request<T>(path: string, options: RequestOptions = {}): Promise<{ body: T; etag?: string }> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.token}`,
      'Accept-Language': this.language(),
      Accept: options.accept ?? 'application/json',
    };
    let body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.contentType) headers['Content-Type'] = options.contentType;
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    let response: Response;
    try {
      response = await fetch(path, {
        method: options.method ?? (body ? 'POST' : 'GET'),
        headers,
        body,
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError(0, [
        {
          code: 'network',
          severity: 'error',
          message: error instanceof Error ? error.message : String(error),
        },
      ]);
    }
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) {
      const diagnostics =
        parsed &&
        typeof parsed === 'object' &&
        Array.isArray((parsed as { diagnostics?: unknown }).diagnostics)
          ? (parsed as { diagnostics: Diagnostic[] }).diagnostics
          : [
              {
                code: `HTTP ${response.status}`,
                severity: 'error' as const,
                message: String(parsed).slice(0, 200),
              },
            ];
      throw new ApiError(response.status, diagnostics);
    }
    return { body: parsed as T, etag: response.headers.get('etag') ?? undefined };
  }

  async get<T>(path: string): Promise<T> {
    return (await this.request<T>(path)).body;
  }

  async post<T>(path: string, json: unknown, ifMatch?: string): Promise<T> {
    return (await this.request<T>(path, { method: 'POST', json, ifMatch })).body;
  }
}

/** A policy as GET /v1/policies lists it (the fields the views read). */
export interface PolicyRow {
  name: string;
  businessUnit: string;
}

/** A stored dataset as GET /v1/datasets lists it. */
export interface Dataset {
  id: string;
  name: string;
  kind: 'customers' | 'transactions';
  rows?: number;
  uploadedAt?: string;
}

/**
 * Runs a view's request; a refusal goes to `report` (cleared first) for the diagnostics component
 * to show, anything else is a bug and is thrown.
 */
export async function reported(work: () => Promise<void>, report: (problem: ApiError | undefined) => void) {
  try {
    report(undefined);
    await work();
  } catch (error) {
    if (error instanceof ApiError) report(error);
    else throw error;
  }
}
