import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { ApiError } from '../api.js';
import '../components/diagnostics.js';
import { count, decimal, percent } from '../format.js';
import { getLocale } from '../i18n.js';
import type { Session } from '../session.js';
import { shared } from '../styles.js';
import { type CalibrateAnswer, labelOf } from './model.js';
import './tornado.js';

/** What calibrate runs on: the policy side (stored or draft) and the data, as /v1/calibrate takes them. */
export type CalibrateBase = Record<string, unknown>;

/**
 * "Put 10% of customers in VIP": the server's suggested threshold, an Apply button that hands it
 * to whoever edits the draft (the `apply-threshold` event), and the weight sensitivity the same
 * answer carries.
 */
export class TwWhatifCalibrate extends LitElement {
  static override properties = {
    session: { attribute: false },
    base: { attribute: false },
    tiers: { attribute: false },
    canApply: { type: Boolean, attribute: 'can-apply' },
    answer: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  static override styles = [shared];
  declare session: Session | undefined;
  declare base: CalibrateBase | undefined;
  declare tiers: { tier: string; label: string }[];
  declare canApply: boolean;
  declare answer: CalibrateAnswer | undefined;
  declare problem: ApiError | undefined;
  declare busy: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.tiers = [];
    this.canApply = false;
    this.busy = false;
  }

  private async suggest(event: SubmitEvent) {
    event.preventDefault();
    if (!this.session || !this.base) return;
    const form = new FormData(event.target as HTMLFormElement);
    const target = {
      tier: String(form.get('tier')),
      share: Number(form.get('share')) / 100,
      measure: String(form.get('measure')),
    };
    this.busy = true;
    this.problem = undefined;
    try {
      this.answer = await this.session.api.post<CalibrateAnswer>('/v1/calibrate', {
        ...this.base,
        targets: [target],
      });
    } catch (error) {
      this.answer = undefined;
      if (error instanceof ApiError) this.problem = error;
      else throw error;
    } finally {
      this.busy = false;
    }
  }

  private apply(tier: string, threshold: number) {
    this.dispatchEvent(
      new CustomEvent('apply-threshold', { detail: { tier, threshold }, bubbles: true, composed: true }),
    );
  }

  override render() {
    const suggestion = this.answer?.thresholds[0];
    const locale = getLocale();
    return html`<form class="row" @submit=${this.suggest}>
        <label for="tier">${msg('Tier', { id: 'whatif.tier' })}</label>
        <select id="tier" name="tier">${this.tiers.map((t) => html`<option value=${t.tier}>${t.label}</option>`)}</select>
        <label for="share">${msg('Share (%)', { id: 'whatif.sharePercent' })}</label>
        <input id="share" name="share" type="number" min="0.1" max="100" step="0.1" value="10" required />
        <label for="measure">${msg('Of', { id: 'whatif.measure' })}</label>
        <select id="measure" name="measure">
          <option value="customers">${msg('customers', { id: 'whatif.measureCustomers' })}</option>
          <option value="revenue">${msg('revenue', { id: 'whatif.measureRevenue' })}</option>
        </select>
        <button type="submit" ?disabled=${this.busy || !this.base}>${msg('Suggest threshold', { id: 'whatif.suggest' })}</button>
        ${this.busy ? html`<progress aria-label=${msg('Calibrating', { id: 'whatif.calibrating' })}></progress>` : nothing}
      </form>
      ${this.problem ? html`<tw-diagnostics .diagnostics=${this.problem.diagnostics}></tw-diagnostics>` : nothing}
      ${
        suggestion && suggestion.value !== undefined
          ? html`<p role="status" class="suggestion">${msg(
              str`Suggested threshold for ${labelOf(suggestion.label, suggestion.tier, locale)}: ${decimal(suggestion.value).text} (now ${decimal(suggestion.current).text}); reaches ${count(suggestion.achieved?.customers).text} customers (${percent(suggestion.achieved?.share).text}).`,
              { id: 'whatif.suggestion' },
            )}
            ${
              this.canApply
                ? html`<button type="button" class="secondary"
                    @click=${() => this.apply(suggestion.tier, suggestion.value!)}>${msg('Apply to draft', { id: 'whatif.apply' })}</button>`
                : nothing
            }</p>
            <tw-diagnostics .diagnostics=${suggestion.problems ?? []}></tw-diagnostics>`
          : nothing
      }
      ${
        this.answer?.sensitivity
          ? html`<h3>${msg('Sensitivity', { id: 'whatif.sensitivity' })}</h3><tw-tornado .calibrate=${this.answer}></tw-tornado>`
          : nothing
      }`;
  }
}

customElements.define('tw-whatif-calibrate', TwWhatifCalibrate);
