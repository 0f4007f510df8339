import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { shared } from '../styles.js';
import type { YamlEditor } from './codemirror.js';
import type { Mark } from './lint.js';

/**
 * The YAML view: CodeMirror, loaded the first time this element is shown. It owns no text of its
 * own: `text` comes from the editor (and so from form edits), and every keystroke goes back as a
 * `text-change` event; `marks` are the server's diagnostics at their ranges.
 */
export class TwYamlEditor extends LitElement {
  static override properties = {
    text: { attribute: false },
    marks: { attribute: false },
    readOnly: { type: Boolean, attribute: 'read-only' },
    loaded: { state: true },
  };
  static override styles = [
    shared,
    css`
      .host { border: 1px solid var(--tw-border, #a1a1aa); border-radius: 4px; min-height: 20rem; background: #fff; }
      .host .cm-editor { max-height: 70vh; }
      .host .cm-editor.cm-focused { outline: 2px solid #f59e0b; outline-offset: 2px; }
      /* CodeMirror's default gutter grey is below AA contrast on its own background. */
      .host .cm-gutters { color: #52525b; background: #f4f4f5; }
    `,
  ];
  declare text: string;
  declare marks: readonly Mark[];
  declare readOnly: boolean;
  declare loaded: boolean;
  private editor: YamlEditor | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.text = '';
    this.marks = [];
    this.readOnly = false;
    this.loaded = false;
  }

  override async firstUpdated() {
    const { createYamlEditor } = await import('./codemirror.js');
    const parent = this.renderRoot.querySelector<HTMLElement>('.host')!;
    this.editor = createYamlEditor({
      parent,
      text: this.text,
      readOnly: this.readOnly,
      label: msg('Policy YAML', { id: 'editor.yaml.label' }),
      onChange: (text) => {
        this.text = text;
        this.dispatchEvent(
          new CustomEvent('text-change', { detail: { text }, bubbles: true, composed: true }),
        );
      },
    });
    this.editor.setMarks(this.marks);
    this.loaded = true;
  }

  override updated(changed: PropertyValues<this>) {
    if (!this.editor) return;
    if (changed.has('text')) this.editor.setText(this.text);
    // Marks belong to the text they were computed for; CodeMirror maps them through later edits.
    if (changed.has('marks')) this.editor.setMarks(this.marks);
    if (changed.has('readOnly')) this.editor.setReadOnly(this.readOnly);
  }

  override render() {
    return html`${this.loaded ? '' : html`<p class="muted" role="status">${msg('Loading the YAML editor…', { id: 'editor.yaml.loading' })}</p>`}
      <div class="host"></div>`;
  }
}

customElements.define('tw-yaml-editor', TwYamlEditor);
