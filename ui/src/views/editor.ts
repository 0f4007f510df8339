import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { ApiError, type Diagnostic } from '../api.js';
import '../components/diagnostics.js';
import { deleteValue, type Path, readPolicy, setValue } from '../editor/document.js';
import type { FormContext } from '../editor/form/context.js';
import { dimensionsSection } from '../editor/form/dimensions.js';
import { factsSection } from '../editor/form/facts.js';
import { metadataSection } from '../editor/form/metadata.js';
import { reratingSection } from '../editor/form/rerating.js';
import { serviceSection } from '../editor/form/service.js';
import { tiersSection } from '../editor/form/tiers.js';
import { type Mark, marksOf } from '../editor/lint.js';
import { type PolicyShape, thresholdPath } from '../editor/policy-shape.js';
import {
  type Dataset,
  type Loaded,
  listDatasets,
  loadPolicy,
  type ScoreHistogram,
  saveDraft,
  scores,
  submitDraft,
  validate,
} from '../editor/source.js';
import { coversUnit, may, type Session } from '../session.js';
import { shared } from '../styles.js';
import './whatif.js';

type ViewName = 'form' | 'yaml';

// The server is asked again once typing pauses, not on every keystroke.
const PAUSE_MS = 400;

/**
 * The policy editor: a form and the YAML, two views of one text. The form edits the text in place
 * (editor/document.ts), so what the YAML view shows is always what will be saved, comments kept.
 * Every figure beyond the text itself (diagnostics, the score histogram, the what-if) is the
 * server's answer about the current text.
 */
export class TwPolicyEditor extends LitElement {
  static override properties = {
    session: { attribute: false },
    name: { type: String },
    view: { type: String },
    loaded: { state: true },
    text: { state: true },
    savedText: { state: true },
    diagnostics: { state: true },
    marks: { state: true },
    histogram: { state: true },
    datasets: { state: true },
    customersDataset: { state: true },
    transactionsDataset: { state: true },
    refusal: { state: true },
    crTitle: { state: true },
    busy: { state: true },
    status: { state: true },
    submitted: { state: true },
    yamlOpened: { state: true },
  };
  static override styles = [
    shared,
    css`
      [role='tablist'] { display: flex; gap: 0.25rem; margin-bottom: 0.75rem; border-bottom: 1px solid #e4e4e7; }
      [role='tab'] { background: #fff; color: var(--tw-accent, #1d4ed8); border-radius: 4px 4px 0 0; }
      [role='tab'][aria-selected='true'] { background: var(--tw-accent, #1d4ed8); color: #fff; }
      .layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1rem; }
      /* The what-if stays in view beside the part of the form being edited. */
      .layout > aside { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; }
      @media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } .layout > aside { position: static; max-height: none; } }
      .scroll { overflow-x: auto; }
      .sum.bad { color: #b91c1c; font-weight: 600; }
      .sum.ok { color: #166534; }
      input.num { width: 5.5rem; }
      .level input[type='range'] { flex: 1; min-width: 10rem; }
      .tier-name { min-width: 9rem; }
      .histogram { margin: 0.5rem 0; }
      .histogram svg { border: 1px solid #e4e4e7; height: 140px; }
      .legend { list-style: none; display: flex; gap: 1rem; padding: 0; flex-wrap: wrap; }
      .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: middle; }
      ul.plain { list-style: none; padding: 0; margin: 0; }
      fieldset { border: 1px solid #e4e4e7; border-radius: 4px; margin-bottom: 0.75rem; }
      .problems { color: #b91c1c; }
      .facts-list { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; }
      .facts-list dd { margin: 0; }
      .actions { position: sticky; bottom: 0; background: #fafafa; padding: 0.5rem 0; }
    `,
  ];
  declare session: Session | undefined;
  declare name: string;
  declare view: ViewName;
  declare loaded: Loaded | undefined;
  declare text: string;
  declare savedText: string;
  declare diagnostics: Diagnostic[];
  declare marks: readonly Mark[];
  declare histogram: ScoreHistogram | undefined;
  declare datasets: Dataset[];
  declare customersDataset: string;
  declare transactionsDataset: string;
  declare refusal: Diagnostic[];
  declare crTitle: string;
  declare busy: boolean;
  declare status: string;
  declare submitted: string | undefined;
  declare yamlOpened: boolean;
  /** The last text that parsed: the form keeps showing it while the YAML is mid-edit. */
  private policy: PolicyShape = {};
  /** Whether the text parses: the form writes into the text only then. */
  private parses = true;
  /** What the embedded what-if compares: a new object only when the text changes (it re-runs on each). */
  private draft: { content: string; fileName: string } | undefined;
  private validateTimer: ReturnType<typeof setTimeout> | undefined;
  private scoresTimer: ReturnType<typeof setTimeout> | undefined;
  private validateRun = 0;
  private scoresRun = 0;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.name = '';
    this.view = 'form';
    this.text = '';
    this.savedText = '';
    this.diagnostics = [];
    this.marks = [];
    this.datasets = [];
    this.customersDataset = '';
    this.transactionsDataset = '';
    this.refusal = [];
    this.crTitle = '';
    this.busy = false;
    this.status = '';
    this.yamlOpened = false;
  }

  private get dirty() {
    return this.loaded !== undefined && this.text !== this.savedText;
  }

  private get readOnly() {
    const actor = this.session?.actor;
    return (
      !actor || !this.loaded || !may(actor, 'analyst') || !coversUnit(actor, this.loaded.policy.businessUnit)
    );
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.beforeUnload);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.beforeUnload);
    clearTimeout(this.validateTimer);
    clearTimeout(this.scoresTimer);
  }

  private beforeUnload = (e: BeforeUnloadEvent) => {
    if (this.dirty) e.preventDefault();
  };

  /** Asked by the shell before it routes away (a link, the back button): unsaved changes ask first. */
  canLeave(): boolean {
    return (
      !this.dirty ||
      window.confirm(msg('Leave the editor? Your changes are not saved.', { id: 'editor.guard.leave' }))
    );
  }

  // Not connectedCallback: an element upgraded after its module loads gets its properties only now.
  override async firstUpdated() {
    if (!this.session || !this.name) return;
    try {
      const loaded = await loadPolicy(this.session, this.name);
      this.loaded = loaded;
      this.crTitle =
        loaded.changeRequest?.title ?? msg(str`Edit ${this.name}`, { id: 'editor.save.defaultTitle' });
      this.savedText = loaded.content;
      this.setText(loaded.content);
      this.datasets = await listDatasets(this.session, loaded.policy.businessUnit);
      this.customersDataset = this.datasets.find((d) => d.kind === 'customers')?.id ?? '';
      this.transactionsDataset = this.datasets.find((d) => d.kind === 'transactions')?.id ?? '';
      this.scheduleScores(0);
    } catch (error) {
      this.refusal = diagnosticsOf(error);
    }
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('view') && this.view === 'yaml') this.openYaml();
  }

  private openYaml() {
    if (this.yamlOpened) return;
    this.yamlOpened = true;
    void import('../editor/yaml-view.js');
  }

  private get fileName() {
    return this.loaded?.policy.fileName ?? `${this.name}.tier.yaml`;
  }

  /** The one way the text changes: the form, the YAML view, a what-if suggestion. */
  private setText(text: string) {
    this.text = text;
    this.draft = { content: text, fileName: this.fileName };
    const read = readPolicy(text);
    this.parses = read !== undefined;
    if (read) this.policy = read as PolicyShape;
    this.submitted = undefined;
    clearTimeout(this.validateTimer);
    this.validateTimer = setTimeout(() => void this.check(), PAUSE_MS);
    this.scheduleScores(PAUSE_MS);
  }

  private async check() {
    if (!this.session) return;
    const run = ++this.validateRun;
    const text = this.text;
    try {
      const diagnostics = await validate(this.session, text, this.fileName);
      // An answer about a text the user has since changed would mark the wrong places.
      if (run !== this.validateRun || text !== this.text) return;
      this.diagnostics = diagnostics;
      this.marks = marksOf(diagnostics, text, this.fileName);
    } catch (error) {
      if (run === this.validateRun) this.diagnostics = diagnosticsOf(error);
    }
  }

  private scheduleScores(delay: number) {
    clearTimeout(this.scoresTimer);
    this.scoresTimer = setTimeout(() => void this.drawScores(), delay);
  }

  private async drawScores() {
    if (!this.session || !this.customersDataset || this.policy.tiers?.method !== 'thresholds') return;
    const run = ++this.scoresRun;
    try {
      const histogram = await scores(this.session, this.text, this.fileName, {
        dataset: this.customersDataset,
        ...(this.transactionsDataset ? { transactionsDataset: this.transactionsDataset } : {}),
      });
      if (run === this.scoresRun) this.histogram = histogram;
    } catch {
      // A draft the server cannot score (it has errors) keeps the last histogram; the
      // diagnostics of the same text are shown by check().
    }
  }

  private context(): FormContext {
    return {
      policy: this.policy,
      // Edits go into the text in place, which needs a text that parses; the YAML view says why not.
      readOnly: this.readOnly || !this.parses,
      set: (path: Path, value: unknown) => this.setText(setValue(this.text, path, value)),
      remove: (path: Path) => this.setText(deleteValue(this.text, path)),
      problems: (pointer: string) =>
        this.diagnostics.filter((d) => d.pointer === pointer || d.pointer?.startsWith(`${pointer}/`)),
    };
  }

  private applyThreshold = (e: Event) => {
    const { tier, threshold } = (e as CustomEvent<{ tier: string; threshold: number }>).detail;
    const levels = this.policy.tiers?.levels ?? [];
    const index = levels.findIndex((l) => l.id === tier);
    const path = index >= 0 ? thresholdPath(levels[index]!) : undefined;
    if (!path || this.readOnly) return;
    this.setText(setValue(this.text, ['tiers', 'levels', index, ...path], threshold));
  };

  private async save(): Promise<boolean> {
    if (!this.session || !this.loaded) return false;
    this.busy = true;
    this.refusal = [];
    try {
      const text = this.text;
      const saved = await saveDraft(this.session, this.loaded, text, this.crTitle);
      this.loaded = { ...this.loaded, changeRequest: saved.changeRequest, etag: saved.etag };
      this.savedText = text;
      this.status = msg(str`Saved as draft ${saved.changeRequest.id}.`, { id: 'editor.save.saved' });
      if (saved.diagnostics?.some((d) => d.severity === 'error')) this.refusal = saved.diagnostics;
      return true;
    } catch (error) {
      this.refusal = diagnosticsOf(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async submit() {
    if (!this.session || !this.loaded) return;
    if ((this.dirty || this.loaded.changeRequest?.state !== 'draft') && !(await this.save())) return;
    const cr = this.loaded.changeRequest;
    if (!cr) return;
    this.busy = true;
    try {
      const submitted = await submitDraft(this.session, cr.id, this.loaded.etag);
      this.loaded = { ...this.loaded, changeRequest: submitted.changeRequest, etag: submitted.etag };
      this.submitted = submitted.changeRequest.id;
      this.status = '';
    } catch (error) {
      this.refusal = diagnosticsOf(error);
    } finally {
      this.busy = false;
    }
  }

  private select(view: ViewName) {
    this.view = view;
  }

  override render() {
    if (!this.loaded)
      return html`<h1>${this.name}</h1>
        ${
          this.refusal.length > 0
            ? html`<tw-diagnostics .diagnostics=${this.refusal}></tw-diagnostics>`
            : html`<p class="muted" role="status">${msg('Loading…', { id: 'editor.loading' })}</p>`
        }`;
    return html`<h1>${msg(str`Edit ${this.name}`, { id: 'editor.title' })}</h1>
      ${this.dirty ? html`<p class="muted" role="status">${msg('Unsaved changes', { id: 'editor.unsaved' })}</p>` : nothing}
      <div role="tablist" aria-label=${msg('Editor view', { id: 'editor.tabs' })}>
        ${this.tab('form', msg('Form', { id: 'editor.tab.form' }))}
        ${this.tab('yaml', msg('YAML', { id: 'editor.tab.yaml' }))}
      </div>
      <div class="layout">
        <div>
          <div id="panel-form" role="tabpanel" aria-labelledby="tab-form" ?hidden=${this.view !== 'form'}>
            ${this.view === 'form' ? this.form() : nothing}
          </div>
          <div id="panel-yaml" role="tabpanel" aria-labelledby="tab-yaml" ?hidden=${this.view !== 'yaml'}>
            ${
              this.yamlOpened
                ? html`<tw-yaml-editor .text=${this.text} .marks=${this.marks} ?read-only=${this.readOnly}
                  @text-change=${(e: CustomEvent<{ text: string }>) => this.setText(e.detail.text)}></tw-yaml-editor>`
                : nothing
            }
            <tw-diagnostics .diagnostics=${this.diagnostics}></tw-diagnostics>
          </div>
        </div>
        <aside aria-label=${msg('What-if', { id: 'editor.whatif' })} @apply-threshold=${this.applyThreshold}>
          <tw-whatif compact policy=${this.name} .session=${this.session} .draft=${this.draft}></tw-whatif>
        </aside>
      </div>
      ${this.actions()}`;
  }

  private tab(view: ViewName, label: string) {
    const selected = this.view === view;
    return html`<button role="tab" id="tab-${view}" aria-controls="panel-${view}" aria-selected=${selected ? 'true' : 'false'}
      tabindex=${selected ? '0' : '-1'} @click=${() => this.select(view)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        const next = this.view === 'form' ? 'yaml' : 'form';
        this.select(next);
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus(),
        );
      }}>${label}</button>`;
  }

  private form() {
    const ctx = this.context();
    const picker = html`<div class="row">
      <label for="dataset">${msg('Dataset', { id: 'editor.dataset' })}</label>
      <select id="dataset" @change=${(e: Event) => {
        this.customersDataset = (e.target as HTMLSelectElement).value;
        this.scheduleScores(0);
      }}>${this.datasets.filter((d) => d.kind === 'customers').map((d) => html`<option value=${d.id} ?selected=${d.id === this.customersDataset}>${d.name} (${d.id})</option>`)}</select>
      <label for="transactions">${msg('Transactions', { id: 'editor.transactions' })}</label>
      <select id="transactions" @change=${(e: Event) => {
        this.transactionsDataset = (e.target as HTMLSelectElement).value;
        this.scheduleScores(0);
      }}><option value="">—</option>${this.datasets.filter((d) => d.kind === 'transactions').map((d) => html`<option value=${d.id} ?selected=${d.id === this.transactionsDataset}>${d.name} (${d.id})</option>`)}</select>
    </div>`;
    if (!this.parses)
      return html`<p class="problems" role="status">${msg('The YAML does not parse; the form shows the last version that did.', { id: 'editor.unparsed' })}</p>
        ${this.sections(ctx, picker)}`;
    return this.sections(ctx, picker);
  }

  private sections(ctx: FormContext, picker: ReturnType<typeof html>) {
    return html`${metadataSection(ctx)} ${factsSection(ctx)} ${dimensionsSection(ctx)}
      ${tiersSection(ctx, { histogram: this.histogram, picker })} ${serviceSection(ctx)} ${reratingSection(ctx)}`;
  }

  private actions() {
    const readOnly = this.readOnly;
    return html`<section class="actions card" aria-labelledby="save-title">
      <h2 id="save-title">${msg('Save and submit', { id: 'editor.save.title' })}</h2>
      <tw-diagnostics .diagnostics=${this.refusal}></tw-diagnostics>
      <div class="row">
        <label for="cr-title">${msg('Title of the change request', { id: 'editor.save.crTitle' })}</label>
        <input id="cr-title" type="text" size="40" .value=${this.crTitle} ?readonly=${readOnly}
          @input=${(e: Event) => {
            this.crTitle = (e.target as HTMLInputElement).value;
          }} />
        <button class="secondary" ?disabled=${readOnly || this.busy} @click=${() => void this.save()}>
          ${msg('Save draft', { id: 'editor.save.draft' })}</button>
        <button ?disabled=${readOnly || this.busy} @click=${() => void this.submit()}>
          ${msg('Submit for review', { id: 'editor.save.submit' })}</button>
      </div>
      <p role="status">${this.status}
        ${
          this.submitted
            ? html`${msg('Submitted for review:', { id: 'editor.save.submitted' })}
            <a href="#/review/${encodeURIComponent(this.submitted)}">${this.submitted}</a>`
            : nothing
        }</p>
    </section>`;
  }
}

function diagnosticsOf(error: unknown): Diagnostic[] {
  if (error instanceof ApiError) return error.diagnostics;
  return [
    { code: 'error', severity: 'error', message: error instanceof Error ? error.message : String(error) },
  ];
}

customElements.define('tw-policy-editor', TwPolicyEditor);
