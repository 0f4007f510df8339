import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { type FormContext, labelText, problemsAt, textField } from './context.js';
import { conditionText } from './tiers.js';

/** How often each tier is rated again, and what triggers a re-rating in between. */
export function reratingSection(ctx: FormContext) {
  const r = ctx.policy.rerating;
  if (!r) return nothing;
  const levels = ctx.policy.tiers?.levels ?? [];
  const name = (id: string) => labelText(levels.find((l) => l.id === id)?.label, id);
  return html`<section class="card" aria-labelledby="rerating-title">
    <h2 id="rerating-title">${msg('Re-rating', { id: 'editor.rerating.title' })}</h2>
    ${
      r.every
        ? html`<dl class="facts-list">${Object.entries(r.every).map(
            ([tier, every]) => html`<dt>${name(tier)}</dt>
            <dd>${textField(ctx, ['rerating', 'every', tier], every, msg(str`Re-rating cadence of ${name(tier)}`, { id: 'editor.rerating.everyOf' }), 8)}</dd>`,
          )}</dl>`
        : nothing
    }
    ${
      r.triggers && r.triggers.length > 0
        ? html`<h3>${msg('Triggers', { id: 'editor.rerating.triggers' })}</h3>
        <ul>${r.triggers.map(
          (t) => html`<li><strong>${labelText(t.label, t.id)}</strong>: ${conditionText(t.when)}
            ${t.then?.flag ? html` → <code>${t.then.flag}</code>` : nothing}</li>`,
        )}</ul>`
        : nothing
    }
    ${problemsAt(ctx, '/rerating')}
  </section>`;
}
