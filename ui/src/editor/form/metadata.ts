import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { type FormContext, problemsAt, textField } from './context.js';

/** Name, version, unit, base and the policy's own bilingual label. */
export function metadataSection(ctx: FormContext) {
  const m = ctx.policy.metadata;
  if (!m) return nothing;
  return html`<section class="card" aria-labelledby="metadata-title">
    <h2 id="metadata-title">${msg('Policy', { id: 'editor.metadata.title' })}</h2>
    <dl class="facts-list">
      <dt>${msg('Name', { id: 'editor.metadata.name' })}</dt><dd><code>${m.name ?? ''}</code></dd>
      <dt>${msg('Business unit', { id: 'editor.metadata.unit' })}</dt><dd>${m.businessUnit ?? '—'}</dd>
      ${m.extends ? html`<dt>${msg('Extends', { id: 'editor.metadata.extends' })}</dt><dd><code>${m.extends}</code></dd>` : nothing}
      <dt>${msg('Version', { id: 'editor.metadata.version' })}</dt>
      <dd>${textField(ctx, ['metadata', 'version'], m.version, msg('Version', { id: 'editor.metadata.version' }), 10)}
        <span class="muted">${msg('Raise it before you submit: a new version must be above the latest.', { id: 'editor.metadata.versionHelp' })}</span></dd>
      <dt>${msg('Effective from', { id: 'editor.metadata.effectiveFrom' })}</dt>
      <dd>${textField(ctx, ['metadata', 'effectiveFrom'], stringOf(m.effectiveFrom), msg('Effective from', { id: 'editor.metadata.effectiveFrom' }), 26)}</dd>
      <dt>${msg('Label (Chinese)', { id: 'editor.label.zh' })}</dt>
      <dd>${textField(ctx, ['metadata', 'labels', 'zh-CN'], m.labels?.['zh-CN'], msg('Policy label (Chinese)', { id: 'editor.metadata.labelZh' }), 40)}</dd>
      <dt>${msg('Label (English)', { id: 'editor.label.en' })}</dt>
      <dd>${textField(ctx, ['metadata', 'labels', 'en'], m.labels?.en, msg('Policy label (English)', { id: 'editor.metadata.labelEn' }), 40)}</dd>
    </dl>
    ${problemsAt(ctx, '/metadata')}
  </section>`;
}

// yaml reads an unquoted ISO date-time as a string in the core schema, but a Date where a tool
// wrote one: either way the field shows the text.
const stringOf = (value: unknown) =>
  value instanceof Date ? value.toISOString() : (value as string | undefined);
