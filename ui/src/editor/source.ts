// Where the editor's text comes from and goes to: the analyst's open draft of the policy, else its
// latest version; saved as a change request (created, or updated with If-Match) and submitted.
import type { Diagnostic } from '../api.js';
import type { Session } from '../session.js';

export interface PolicyRecord {
  name: string;
  businessUnit: string;
  fileName: string;
}

export interface ChangeRequest {
  id: string;
  policy: string;
  businessUnit: string;
  title: string;
  author: string;
  state: 'draft' | 'in_review' | 'approved' | 'published' | 'rejected' | 'withdrawn';
  content: string;
  baseVersion?: string;
  revision: number;
}

export interface Dataset {
  id: string;
  businessUnit: string;
  name: string;
  kind: 'customers' | 'transactions';
  rows?: number;
}

/** What the editor opened: the text, where it came from, and the revision a save must name. */
export interface Loaded {
  policy: PolicyRecord;
  content: string;
  /** The latest version (`seed004-scorecard@1`): what a new draft starts from. */
  latestVersion?: string;
  /** The analyst's own open draft, when there is one, with its ETag for If-Match. */
  changeRequest?: ChangeRequest;
  etag?: string;
}

export async function loadPolicy(session: Session, name: string): Promise<Loaded> {
  const { api, actor } = session;
  const found = await api.get<{ policy: PolicyRecord; versions: { id: string; sequence: number }[] }>(
    `/v1/policies/${encodeURIComponent(name)}`,
  );
  const latest = [...found.versions].sort((a, b) => b.sequence - a.sequence)[0];
  const drafts = await api.get<{ changeRequests: ChangeRequest[] }>(
    `/v1/change-requests?state=draft&policy=${encodeURIComponent(name)}`,
  );
  const mine = drafts.changeRequests.find((c) => c.author === actor.name);
  if (mine) {
    const { body, etag } = await api.request<ChangeRequest>(
      `/v1/change-requests/${encodeURIComponent(mine.id)}`,
    );
    return {
      policy: found.policy,
      content: body.content,
      latestVersion: latest?.id,
      changeRequest: body,
      etag,
    };
  }
  if (!latest) return { policy: found.policy, content: '' };
  const { body, etag } = await api.request<{ content: string }>(
    `/v1/versions/${encodeURIComponent(latest.id)}`,
  );
  return { policy: found.policy, content: body.content, latestVersion: latest.id, etag };
}

export interface Saved {
  changeRequest: ChangeRequest;
  diagnostics: Diagnostic[];
  etag?: string;
}

/** Creates the analyst's draft, or updates it naming the revision it was read at. */
export async function saveDraft(
  session: Session,
  loaded: Pick<Loaded, 'changeRequest' | 'etag' | 'latestVersion'>,
  content: string,
  title: string,
): Promise<Saved> {
  const { api } = session;
  if (loaded.changeRequest && loaded.changeRequest.state === 'draft') {
    const { body, etag } = await api.request<Saved>(
      `/v1/change-requests/${encodeURIComponent(loaded.changeRequest.id)}`,
      { method: 'PATCH', json: { content, title }, ifMatch: loaded.etag },
    );
    return { ...body, etag };
  }
  const { body, etag } = await api.request<Saved>('/v1/change-requests', {
    method: 'POST',
    json: { content, title, ...(loaded.latestVersion ? { baseVersion: loaded.latestVersion } : {}) },
  });
  return { ...body, etag };
}

export async function submitDraft(session: Session, id: string, etag: string | undefined): Promise<Saved> {
  const { body, etag: next } = await session.api.request<Saved>(
    `/v1/change-requests/${encodeURIComponent(id)}/submit`,
    { method: 'POST', json: {}, ifMatch: etag },
  );
  return { ...body, etag: next };
}

export async function listDatasets(session: Session, businessUnit: string): Promise<Dataset[]> {
  const { datasets } = await session.api.get<{ datasets: Dataset[] }>(
    `/v1/datasets?businessUnit=${encodeURIComponent(businessUnit)}`,
  );
  return datasets;
}

export async function validate(session: Session, content: string, fileName: string): Promise<Diagnostic[]> {
  const { diagnostics } = await session.api.post<{ diagnostics: Diagnostic[] }>('/v1/validate', {
    content,
    fileName,
  });
  return diagnostics;
}

export interface ScoreHistogram {
  policy: string;
  edges: number[];
  counts: number[];
  tierCounts: number[][];
  tiers: { tier: string; label?: { 'zh-CN'?: string; en?: string }; customers: number }[];
  customers: number;
  scored: number;
  untiered: number;
  diagnostics: Diagnostic[];
}

export function scores(
  session: Session,
  content: string,
  fileName: string,
  data: { dataset: string; transactionsDataset?: string },
): Promise<ScoreHistogram> {
  return session.api.post<ScoreHistogram>('/v1/scores', { draft: { content, fileName }, ...data });
}
