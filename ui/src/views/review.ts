import { html, LitElement } from 'lit';
import type { Session } from '../session.js';
import { shared } from '../styles.js';

// Being built (issue 15): the element exists so that its route and its lazy chunk do.
export class TwReview extends LitElement {
  static override properties = { session: { attribute: false } };
  static override styles = [shared];
  declare session: Session | undefined;

  override render() {
    return html`<h1>tw-review</h1>`;
  }
}

customElements.define('tw-review', TwReview);
