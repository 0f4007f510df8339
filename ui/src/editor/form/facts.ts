import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Fact } from '../policy-shape.js';
import { type FormContext, problemsAt, textField } from './context.js';

const TYPES = ['number', 'integer', 'string', 'enum', 'date', 'boolean'];

/** The facts the policy reads: type, unit, where each comes from, and which are personal data. */
export function factsSection(ctx: FormContext) {
  const facts = ctx.policy.facts;
  if (!facts || Object.keys(facts).length === 0) return nothing;
  return html`<section class="card" aria-labelledby="facts-title">
    <h2 id="facts-title">${msg('Facts', { id: 'editor.facts.title' })}</h2>
    <div class="scroll"><table>
      <thead><tr>
        <th scope="col">${msg('Fact', { id: 'editor.facts.id' })}</th>
        <th scope="col">${msg('Label (Chinese)', { id: 'editor.label.zh' })}</th>
        <th scope="col">${msg('Label (English)', { id: 'editor.label.en' })}</th>
        <th scope="col">${msg('Type', { id: 'editor.facts.type' })}</th>
        <th scope="col">${msg('Unit', { id: 'editor.facts.unit' })}</th>
        <th scope="col">${msg('Column', { id: 'editor.facts.column' })}</th>
        <th scope="col">${msg('Personal data', { id: 'editor.facts.pii' })}</th>
        <th scope="col">${msg('Computed from', { id: 'editor.facts.source' })}</th>
      </tr></thead>
      <tbody>${Object.entries(facts).map(([id, fact]) => factRow(ctx, id, fact ?? {}))}</tbody>
    </table></div>
    ${problemsAt(ctx, '/facts')}
  </section>`;
}

function factRow(ctx: FormContext, id: string, fact: Fact) {
  const at = (key: string) => ['facts', id, key];
  const type = (e: Event) => ctx.set(at('type'), (e.target as HTMLSelectElement).value);
  const pii = (e: Event) => {
    if ((e.target as HTMLInputElement).checked) ctx.set(at('pii'), true);
    else ctx.remove(at('pii'));
  };
  return html`<tr>
    <th scope="row"><code>${id}</code>${fact.key ? html` <span class="badge">${msg('key', { id: 'editor.facts.key' })}</span>` : nothing}</th>
    <td>${textField(ctx, ['facts', id, 'label', 'zh-CN'], fact.label?.['zh-CN'], msg(str`Chinese label of ${id}`, { id: 'editor.facts.labelZh' }), 14)}</td>
    <td>${textField(ctx, ['facts', id, 'label', 'en'], fact.label?.en, msg(str`English label of ${id}`, { id: 'editor.facts.labelEn' }), 18)}</td>
    <td><select aria-label=${msg(str`Type of ${id}`, { id: 'editor.facts.typeOf' })} ?disabled=${ctx.readOnly} @change=${type}>
      ${TYPES.map((t) => html`<option value=${t} ?selected=${fact.type === t}>${t}</option>`)}
    </select></td>
    <td>${textField(ctx, at('unit'), fact.unit, msg(str`Unit of ${id}`, { id: 'editor.facts.unitOf' }), 8)}</td>
    <td>${fact.expr === undefined ? textField(ctx, at('column'), fact.column, msg(str`Column of ${id}`, { id: 'editor.facts.columnOf' }), 12) : nothing}</td>
    <td><input type="checkbox" aria-label=${msg(str`${id} is personal data`, { id: 'editor.facts.piiOf' })} .checked=${fact.pii === true}
      ?disabled=${ctx.readOnly || fact.key === true} @change=${pii} /></td>
    <td class="muted">${sourceOf(fact)}</td>
  </tr>`;
}

/** Where a fact's value comes from, as the policy says it (docs/language.md, Facts). */
function sourceOf(fact: Fact) {
  if (fact.expr !== undefined) return html`<code>${fact.expr}</code>`;
  if (fact.aggregate !== undefined)
    return html`<code>${fact.aggregate}(${fact.of ?? ''})</code>${fact.window ? html` · <code>${fact.window}</code>` : nothing}`;
  return msg('the customer file', { id: 'editor.facts.customerFile' });
}
