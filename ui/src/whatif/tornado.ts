import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { count, decimal } from '../format.js';
import { getLocale } from '../i18n.js';
import { shared } from '../styles.js';
import { type CalibrateAnswer, labelOf, tornadoRows } from './model.js';

/**
 * Sensitivity as a tornado: per weight, how many customers change tier when it moves down or up
 * by the server's step. Drawn as a table with bars, so the figures are the text alternative.
 */
export class TwTornado extends LitElement {
  static override properties = { calibrate: { attribute: false } };
  static override styles = [
    shared,
    css`
      .bar { height: 0.8rem; background: #1d4ed8; display: inline-block; vertical-align: middle; }
      .bar.minus { background: #b45309; }
      td.left { text-align: right; }
      td.left, td.right { width: 35%; }
    `,
  ];
  declare calibrate: CalibrateAnswer | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    const sensitivity = this.calibrate?.sensitivity;
    if (!sensitivity || sensitivity.rows.length === 0) return nothing;
    const step = decimal(sensitivity.step).text;
    const locale = getLocale();
    return html`<table>
      <caption>${msg(str`Customers who change tier when a weight moves by ${step} points`, { id: 'whatif.tornadoCaption' })}</caption>
      <thead><tr>
        <th scope="col">${msg('Weight', { id: 'whatif.weight' })}</th>
        <th scope="col" class="num">${msg(str`Weight −${step}`, { id: 'whatif.weightMinus' })}</th>
        <th scope="col">${msg(str`Weight +${step}`, { id: 'whatif.weightPlus' })}</th>
      </tr></thead>
      <tbody>${tornadoRows(this.calibrate!).map(
        (r) => html`<tr>
          <th scope="row">${labelOf(r.label, r.weight, locale)} <span class="muted">(${decimal(r.current).text})</span></th>
          <td class="left num">${count(r.minus?.changed).text}
            <span class="bar minus" style=${`width:${(r.minusWidth * 8).toFixed(2)}rem`}></span></td>
          <td class="right"><span class="bar" style=${`width:${(r.plusWidth * 8).toFixed(2)}rem`}></span>
            ${count(r.plus?.changed).text}</td>
        </tr>`,
      )}</tbody>
    </table>`;
  }
}

customElements.define('tw-tornado', TwTornado);
