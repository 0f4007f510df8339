import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { ApiError, type Dataset, type Diagnostic } from '../api.js';
import '../components/diagnostics.js';
import { formatCount, isoMinute } from '../format.js';
import { getLocale } from '../i18n.js';
import { effectiveInstant, nowInZone } from '../review/effective.js';
import { auditAction, changeKind, labelOf, requestState } from '../review/labels.js';
import { type DiffRow, lineDiff } from '../review/line-diff.js';
import type { AuditEntry, ChangeRequest, Changes, Impact, ReviewAction } from '../review/types.js';
import { coversUnit, may, type Session } from '../session.js';
import { shared } from '../styles.js';

interface PolicyHistory {
  versions: { id: string; semver: string; createdAt: string }[];
  etag?: string;
}

/**
 * One change request under review: what it changes (semantic and line by line), what it does to
 * the unit's customers, the steps the signed-in token may take, and the policy's audit timeline.
 * Every figure and every permission comes from the server; this view only lays them out.
 */
export class TwReview extends LitElement {
  static override properties = {
    session: { attribute: false },
    request: { state: true },
    changes: { state: true },
    impact: { state: true },
    impactProblem: { state: true },
    datasets: { state: true },
    timeline: { state: true },
    history: { state: true },
    problem: { state: true },
    busy: { state: true },
    notice: { state: true },
    publishNow: { state: true },
  };
  static override styles = [
    shared,
    css`
      .diff { font: 0.85rem/1.4 ui-monospace, monospace; }
      .diff td { padding: 0 0.4rem; border: 0; white-space: pre-wrap; }
      .diff td.ln { color: #52525b; text-align: right; width: 3rem; user-select: none; }
      .diff tr.added { background: #dcfce7; }
      .diff tr.removed { background: #fee2e2; }
      .diff tr.skipped td { color: #52525b; font-style: italic; }
      .diff td.sign { width: 1.5rem; font-weight: 700; }
      ol.timeline { padding-left: 1.25rem; }
      ol.timeline li { margin-bottom: 0.3rem; }
      textarea { width: 100%; max-width: 40rem; min-height: 4rem; }
      ul.changes li { margin-bottom: 0.25rem; }
      .kind { font-weight: 600; }
    `,
  ];
  declare session: Session | undefined;
  declare request: ChangeRequest | undefined;
  declare changes: Changes | undefined;
  declare impact: Impact | undefined;
  declare impactProblem: Diagnostic[] | undefined;
  declare datasets: Dataset[] | undefined;
  declare timeline: AuditEntry[] | undefined;
  declare history: PolicyHistory | undefined;
  declare problem: Diagnostic[] | undefined;
  declare busy: boolean;
  declare notice: string | undefined;
  /** Publish from now (the server's clock), or from the date given. */
  declare publishNow: boolean;
  private etag: string | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.busy = false;
    this.publishNow = true;
  }

  /** The route's `:id` arrives as the element's id attribute. */
  private get requestId(): string {
    return this.getAttribute('id') ?? '';
  }

  override async firstUpdated() {
    await this.load();
  }

  private async load() {
    const api = this.session?.api;
    if (!api) return;
    const id = encodeURIComponent(this.requestId);
    try {
      const { body, etag } = await api.request<ChangeRequest>(`/v1/change-requests/${id}`);
      this.request = body;
      this.etag = etag;
      this.changes = await api.get<Changes>(`/v1/change-requests/${id}/changes`);
    } catch (error) {
      this.problem = diagnosticsOf(error);
      return;
    }
    await Promise.all([this.loadTimeline(), this.loadHistory(), this.loadDatasets()]);
  }

  private async loadTimeline() {
    const policy = this.request?.policy;
    if (!policy || !this.session) return;
    try {
      const { entries } = await this.session.api.get<{ entries: AuditEntry[] }>(
        `/v1/audit?policy=${encodeURIComponent(policy)}`,
      );
      this.timeline = entries;
    } catch (error) {
      this.problem = diagnosticsOf(error);
    }
  }

  private async loadHistory() {
    const request = this.request;
    if (!request || !this.session) return;
    try {
      const { body, etag } = await this.session.api.request<PolicyHistory>(
        `/v1/policies/${encodeURIComponent(request.policy)}`,
      );
      this.history = { versions: body.versions, ...(etag ? { etag } : {}) };
    } catch {
      // A new policy has no history yet: nothing to roll back to.
      this.history = undefined;
    }
  }

  private async loadDatasets() {
    const request = this.request;
    if (!request || !this.session) return;
    try {
      const { datasets } = await this.session.api.get<{ datasets: Dataset[] }>(
        `/v1/datasets?businessUnit=${encodeURIComponent(request.businessUnit)}`,
      );
      this.datasets = datasets;
    } catch (error) {
      this.impactProblem = diagnosticsOf(error);
      return;
    }
    const customers = this.datasets.filter((d) => d.kind === 'customers').at(-1);
    if (customers) await this.runImpact(customers.id);
  }

  private async runImpact(dataset: string) {
    if (!this.session) return;
    const transactions = this.datasets?.filter((d) => d.kind === 'transactions').at(-1);
    this.impact = undefined;
    this.impactProblem = undefined;
    try {
      this.impact = await this.session.api.post<Impact>(
        `/v1/change-requests/${encodeURIComponent(this.requestId)}/impact`,
        { dataset, ...(transactions ? { transactionsDataset: transactions.id } : {}), limit: 0 },
      );
    } catch (error) {
      this.impactProblem = diagnosticsOf(error);
    }
  }

  override render() {
    const request = this.request;
    if (!request)
      return html`<h1>${heading(this.requestId)}</h1>
        ${this.problem ? html`<tw-diagnostics .diagnostics=${this.problem}></tw-diagnostics>` : html`<p aria-busy="true"></p>`}`;
    return html`<h1>${heading(request.id)}: ${request.title}</h1>
      <p>
        <span class=${`badge ${request.state}`}>${requestState(request.state)}</span>
        ${msg(str`${request.policy} of ${request.businessUnit}, by ${request.author}`, { id: 'review.byline' })}
        · <a href="#/review">${msg('All change requests', { id: 'review.back' })}</a>
      </p>
      ${request.description ? html`<p>${request.description}</p>` : nothing}
      ${this.problem ? html`<tw-diagnostics .diagnostics=${this.problem}></tw-diagnostics>` : nothing}
      <p role="status" class="muted">${this.notice ?? ''}</p>
      ${this.semanticSection()} ${this.yamlSection(request)} ${this.impactSection()}
      ${this.actionsSection(request)} ${this.rollbackSection(request)} ${this.timelineSection()}`;
  }

  private semanticSection() {
    const changes = this.changes;
    if (!changes) return nothing;
    const against = changes.against;
    return html`<section class="card" aria-labelledby="semantic">
      <h2 id="semantic">${msg('What changes', { id: 'review.semantic' })}</h2>
      <p>
        ${
          against
            ? against.why === 'extends'
              ? msg(
                  str`Compared with ${against.version} (${against.semver}), the base this new variant extends.`,
                  {
                    id: 'review.againstBase',
                  },
                )
              : msg(str`Compared with ${against.version} (${against.semver}), the version it started from.`, {
                  id: 'review.againstVersion',
                })
            : msg('A new policy: nothing to compare with.', { id: 'review.againstNothing' })
        }
      </p>
      <p><strong>${msg('Level', { id: 'review.level' })}:</strong> <span data-level=${changes.level}>${changeKind(changes.level)}</span>
        ${changes.new.version && changes.against?.why === 'base-version' ? html` · ${msg(str`version ${changes.old.version ?? '—'} → ${changes.new.version}`, { id: 'review.versions' })}` : nothing}
        ${changes.suggested ? html` · ${msg(str`suggested version ${changes.suggested}`, { id: 'review.suggested' })}` : nothing}
      </p>
      ${changes.diagnostics.length > 0 ? html`<tw-diagnostics .diagnostics=${changes.diagnostics}></tw-diagnostics>` : nothing}
      ${
        changes.changes.length === 0
          ? html`<p class="muted">${msg('No change to the rules.', { id: 'review.noChanges' })}</p>`
          : html`<ul class="changes" aria-label=${msg('Changes', { id: 'review.changesList' })}>
              ${changes.changes.map(
                (c) =>
                  html`<li><span class="kind">${changeKind(c.kind)}</span> <code>${c.pointer}</code> ${c.message}</li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private yamlSection(request: ChangeRequest) {
    if (!this.changes) return nothing;
    const rows = lineDiff(this.changes.baseContent ?? '', request.content);
    return html`<section class="card" aria-labelledby="yaml">
      <h2 id="yaml">${msg('YAML diff', { id: 'review.yaml' })}</h2>
      <table class="diff">
        <caption class="sr-only">${msg('Lines removed (−) and added (+)', { id: 'review.yamlCaption' })}</caption>
        <thead class="sr-only"><tr>
          <th scope="col">${msg('Old line', { id: 'review.oldLine' })}</th>
          <th scope="col">${msg('New line', { id: 'review.newLine' })}</th>
          <th scope="col">${msg('Change', { id: 'review.lineChange' })}</th>
          <th scope="col">${msg('Text', { id: 'review.lineText' })}</th>
        </tr></thead>
        <tbody>${rows.map((row) => this.diffRow(row))}</tbody>
      </table>
    </section>`;
  }

  private diffRow(row: DiffRow) {
    if (row.kind === 'skipped')
      return html`<tr class="skipped"><td class="ln"></td><td class="ln"></td><td class="sign"></td>
        <td>${msg(str`… ${row.skipped ?? 0} unchanged lines`, { id: 'review.skipped' })}</td></tr>`;
    const sign = row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : '';
    const spoken =
      row.kind === 'added'
        ? msg('added', { id: 'review.added' })
        : row.kind === 'removed'
          ? msg('removed', { id: 'review.removed' })
          : '';
    return html`<tr class=${row.kind}>
      <td class="ln">${row.oldLine ?? ''}</td><td class="ln">${row.newLine ?? ''}</td>
      <td class="sign"><span aria-hidden="true">${sign}</span>${spoken ? html`<span class="sr-only">${spoken}</span>` : nothing}</td>
      <td>${row.text}</td>
    </tr>`;
  }

  private impactSection() {
    const customers = (this.datasets ?? []).filter((d) => d.kind === 'customers');
    const impact = this.impact;
    return html`<section class="card" aria-labelledby="impact">
      <h2 id="impact">${msg('Population impact', { id: 'review.impact' })}</h2>
      ${
        customers.length > 0
          ? html`<div class="row">
              <label for="dataset">${msg('Customers', { id: 'review.dataset' })}</label>
              <select id="dataset" @change=${(e: Event) => this.runImpact((e.target as HTMLSelectElement).value)}>
                ${customers.map(
                  (d, i) =>
                    html`<option value=${d.id} ?selected=${i === customers.length - 1}>${d.id} · ${d.name}</option>`,
                )}
              </select>
            </div>`
          : this.datasets
            ? html`<p class="muted">${msg('This business unit has no customer dataset.', { id: 'review.noDataset' })}</p>`
            : nothing
      }
      ${this.impactProblem ? html`<tw-diagnostics .diagnostics=${this.impactProblem}></tw-diagnostics>` : nothing}
      ${impact ? this.impactTable(impact) : nothing}
    </section>`;
  }

  private impactTable(impact: Impact) {
    const before = new Map(impact.simulations.from.tiers.map((t) => [t.tier, t]));
    const after = new Map(impact.simulations.to.tiers.map((t) => [t.tier, t]));
    const tiers = [...new Set([...before.keys(), ...after.keys()])];
    const { matrix } = impact;
    return html`<table>
        <caption>${msg('Customers per tier, before and after', { id: 'review.impactCaption' })}</caption>
        <thead><tr>
          <th scope="col">${msg('Tier', { id: 'review.tier' })}</th>
          <th scope="col" class="num">${msg('Before', { id: 'review.before' })}</th>
          <th scope="col" class="num">${msg('After', { id: 'review.after' })}</th>
        </tr></thead>
        <tbody>${tiers.map((tier) => {
          const label = labelOf((after.get(tier) ?? before.get(tier))?.label, getLocale()) ?? tier;
          return html`<tr>
            <th scope="row">${label}</th>
            <td class="num">${formatCount(before.get(tier)?.customers ?? 0)}</td>
            <td class="num">${formatCount(after.get(tier)?.customers ?? 0)}</td>
          </tr>`;
        })}</tbody>
      </table>
      <p>${msg(
        str`Of ${formatCount(matrix.total)} customers: ${formatCount(matrix.upgrades)} move up, ${formatCount(matrix.downgrades)} move down, ${formatCount(matrix.unchanged)} stay.`,
        { id: 'review.movers' },
      )}</p>`;
  }

  private actionsSection(request: ChangeRequest) {
    const actions = this.changes?.actions ?? [];
    const has = (a: ReviewAction) => actions.includes(a);
    const steps = (['submit', 'approve', 'reject', 'withdraw'] as const).filter(has);
    const approval = request.approval;
    const closed = request.closed;
    const start = nowInZone(new Date());
    return html`<section class="card" aria-labelledby="actions">
      <h2 id="actions">${msg('Decision', { id: 'review.actions' })}</h2>
      ${approval ? html`<p>${msg(str`Approved by ${approval.by} at ${isoMinute(approval.at)}`, { id: 'review.approvedBy' })}${approval.comment ? html`: “${approval.comment}”` : nothing}</p>` : nothing}
      ${closed ? html`<p>${msg(str`Closed by ${closed.by} at ${isoMinute(closed.at)}`, { id: 'review.closedBy' })}${closed.comment ? html`: “${closed.comment}”` : nothing}</p>` : nothing}
      ${has('edit') ? html`<p><a href=${`#/policies/${encodeURIComponent(request.policy)}/edit?changeRequest=${encodeURIComponent(request.id)}`}>${msg('Edit in the editor', { id: 'review.edit' })}</a></p>` : nothing}
      ${
        steps.length > 0
          ? html`<div>
              <label for="comment">${msg('Comment', { id: 'review.comment' })}</label><br />
              <textarea id="comment" maxlength="10000"></textarea>
              <div class="row">${steps.map(
                (
                  step,
                ) => html`<button type="button" class=${step === 'approve' || step === 'submit' ? '' : 'secondary'}
                  ?disabled=${this.busy} @click=${() => this.step(step)}>${stepLabel(step)}</button>`,
              )}</div>
            </div>`
          : nothing
      }
      ${
        has('publish')
          ? html`<form aria-labelledby="publish-title" @submit=${(e: Event) => this.publish(e)}>
              <h3 id="publish-title">${msg('Publish', { id: 'review.publish' })}</h3>
              <div class="row">
                <input id="now" name="now" type="checkbox" .checked=${this.publishNow}
                  @change=${(e: Event) => {
                    this.publishNow = (e.target as HTMLInputElement).checked;
                  }} />
                <label for="now">${msg('Effective now', { id: 'review.now' })}</label>
              </div>
              <div class="row">
                <label for="effective">${msg('Effective from', { id: 'review.effective' })}</label>
                <input id="effective" name="local" type="datetime-local" ?disabled=${this.publishNow}
                  ?required=${!this.publishNow} .value=${start.local} />
                <label for="offset">${msg('UTC offset', { id: 'review.offset' })}</label>
                <input id="offset" name="offset" ?disabled=${this.publishNow} pattern="[+\\-]\\d{2}:\\d{2}" size="6"
                  .value=${start.offset} aria-describedby="offset-hint" />
                <span id="offset-hint" class="muted">${msg('Asia/Shanghai is +08:00', { id: 'review.offsetHint' })}</span>
              </div>
              <div class="row"><button type="submit" ?disabled=${this.busy}>${msg('Publish', { id: 'review.publish' })}</button></div>
            </form>`
          : nothing
      }
      ${steps.length === 0 && !has('publish') && !has('edit') ? html`<p class="muted">${msg('Nothing here is yours to do.', { id: 'review.nothingToDo' })}</p>` : nothing}
    </section>`;
  }

  private rollbackSection(request: ChangeRequest) {
    const actor = this.session?.actor;
    const versions = this.history?.versions ?? [];
    if (!actor || !may(actor, 'approver') || !coversUnit(actor, request.businessUnit) || versions.length < 2)
      return nothing;
    const earlier = versions.slice(0, -1).reverse();
    return html`<section class="card" aria-labelledby="rollback">
      <h2 id="rollback">${msg(str`Roll ${request.policy} back`, { id: 'review.rollback' })}</h2>
      <form class="row" @submit=${(e: Event) => this.rollback(e)}>
        <label for="rollback-version">${msg('To version', { id: 'review.rollbackTo' })}</label>
        <select id="rollback-version" name="toVersion">
          ${earlier.map((v) => html`<option value=${v.id}>${v.id} (${v.semver})</option>`)}
        </select>
        <label for="rollback-reason">${msg('Reason', { id: 'review.reason' })}</label>
        <input id="rollback-reason" name="reason" required maxlength="10000" />
        <button type="submit" class="secondary" ?disabled=${this.busy}>${msg('Roll back', { id: 'review.rollbackButton' })}</button>
      </form>
    </section>`;
  }

  private timelineSection() {
    const entries = this.timeline;
    if (!entries) return nothing;
    return html`<section class="card" aria-labelledby="timeline">
      <h2 id="timeline">${msg('Audit timeline', { id: 'review.timeline' })}</h2>
      <ol class="timeline">
        ${entries.map(
          (e) => html`<li>
            <time datetime=${e.at}>${isoMinute(e.at)}</time> · <strong>${auditAction(e.action)}</strong>
            · ${e.actor} · <code>${e.subject}</code>${e.reason ? html` · “${e.reason}”` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private async act(run: () => Promise<unknown>, done: string) {
    this.busy = true;
    this.problem = undefined;
    this.notice = undefined;
    try {
      await run();
      await this.load();
      this.notice = done;
    } catch (error) {
      this.problem = diagnosticsOf(error);
    } finally {
      this.busy = false;
    }
  }

  private step(step: 'submit' | 'approve' | 'reject' | 'withdraw') {
    const api = this.session?.api;
    if (!api) return;
    const comment = (this.renderRoot.querySelector('#comment') as HTMLTextAreaElement | null)?.value.trim();
    const path = `/v1/change-requests/${encodeURIComponent(this.requestId)}/${step}`;
    return this.act(() => api.post(path, comment ? { comment } : {}, this.etag), doneLabel(step));
  }

  private publish(event: Event) {
    event.preventDefault();
    const api = this.session?.api;
    if (!api) return;
    const form = new FormData(event.target as HTMLFormElement);
    // Disabled inputs are not in the form data: publishing now sends no date, the server's now counts.
    const effectiveFrom = this.publishNow
      ? undefined
      : effectiveInstant(String(form.get('local') ?? ''), String(form.get('offset') ?? ''));
    const path = `/v1/change-requests/${encodeURIComponent(this.requestId)}/publish`;
    return this.act(
      () => api.post(path, effectiveFrom ? { effectiveFrom } : {}, this.etag),
      msg('Published.', { id: 'review.published' }),
    );
  }

  private rollback(event: Event) {
    event.preventDefault();
    const api = this.session?.api;
    const request = this.request;
    if (!api || !request) return;
    const form = new FormData(event.target as HTMLFormElement);
    const body = { toVersion: String(form.get('toVersion') ?? ''), reason: String(form.get('reason') ?? '') };
    const path = `/v1/policies/${encodeURIComponent(request.policy)}/rollback`;
    return this.act(
      () => api.post(path, body, this.history?.etag),
      msg('Rolled back.', { id: 'review.rolledBack' }),
    );
  }
}

const heading = (id: string) => msg(str`Change request ${id}`, { id: 'review.heading' });

function stepLabel(step: 'submit' | 'approve' | 'reject' | 'withdraw'): string {
  switch (step) {
    case 'submit':
      return msg('Send for review', { id: 'review.submit' });
    case 'approve':
      return msg('Approve', { id: 'review.approve' });
    case 'reject':
      return msg('Reject', { id: 'review.reject' });
    case 'withdraw':
      return msg('Withdraw', { id: 'review.withdraw' });
  }
}

function doneLabel(step: 'submit' | 'approve' | 'reject' | 'withdraw'): string {
  switch (step) {
    case 'submit':
      return msg('Sent for review.', { id: 'review.submitted' });
    case 'approve':
      return msg('Approved.', { id: 'review.approvedDone' });
    case 'reject':
      return msg('Rejected.', { id: 'review.rejectedDone' });
    case 'withdraw':
      return msg('Withdrawn.', { id: 'review.withdrawnDone' });
  }
}

const diagnosticsOf = (error: unknown): Diagnostic[] =>
  error instanceof ApiError
    ? error.diagnostics
    : [{ code: 'error', severity: 'error', message: error instanceof Error ? error.message : String(error) }];

customElements.define('tw-review', TwReview);
