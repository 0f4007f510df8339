import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import type { Diagnostic } from '../api.js';
import { shared } from '../styles.js';

/**
 * Diagnostics as the CLI prints them: code, where (file:line:col or JSON pointer), message, help.
 * The server localizes the texts by Accept-Language; this element only lays them out.
 */
export class TwDiagnostics extends LitElement {
  static override properties = { diagnostics: { attribute: false } };
  static override styles = [
    shared,
    css`
      ul { list-style: none; padding: 0; margin: 0.5rem 0; }
      li { border-left: 4px solid var(--tw-danger, #b91c1c); background: #fef2f2; padding: 0.4rem 0.6rem; margin-bottom: 0.4rem; }
      li.warning { border-color: #b45309; background: #fffbeb; }
      li.info { border-color: #1d4ed8; background: #eff6ff; }
      code { font: 0.9em ui-monospace, monospace; }
      .help { color: #3f3f46; }
    `,
  ];
  declare diagnostics: Diagnostic[];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.diagnostics = [];
  }

  override render() {
    if (this.diagnostics.length === 0) return nothing;
    // The alert is a wrapper: a list with role=alert would stop being a list to screen readers.
    return html`<div role="alert" aria-label=${msg('Problems', { id: 'diagnostics.label' })}><ul>
      ${this.diagnostics.map(
        (d) => html`<li class=${d.severity}>
          <code>${d.code}</code> ${where(d) ? html`<code>${where(d)}</code>` : nothing} ${d.message}
          ${d.help ? html`<div class="help">${d.help}</div>` : nothing}
        </li>`,
      )}
    </ul></div>`;
  }
}

export function where(d: Diagnostic): string {
  if (d.range) return `${d.file ? `${d.file}:` : ''}${d.range.start.line}:${d.range.start.column}`;
  if (d.row !== undefined)
    return `${d.file ? `${d.file} ` : ''}${msg(str`row ${d.row}`, { id: 'diagnostics.row' })}${d.column ? `, ${d.column}` : ''}`;
  return d.pointer ?? d.file ?? '';
}

customElements.define('tw-diagnostics', TwDiagnostics);
