// CodeMirror 6 for the YAML view: loaded only when the view opens (yaml-view.ts imports this
// module dynamically, so esbuild puts it and CodeMirror in a chunk of their own). Completion and
// hover come from schemas/policy.schema.json; the marks in the lint gutter are the project's own
// diagnostics, set from outside (marksOf), never computed here.
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { type Diagnostic as LintDiagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, hoverTooltip } from '@codemirror/view';
import { basicSetup } from 'codemirror';
// The schema's state lives in the package's root module; the yaml entry reads it from there.
import { stateExtensions } from 'codemirror-json-schema';
import { yamlCompletion, yamlSchemaHover } from 'codemirror-json-schema/yaml';
import schema from '../../../schemas/policy.schema.json';
import type { Mark } from './lint.js';
import { minimalChange } from './text-change.js';

export interface YamlEditor {
  /** Replaces the whole text (a form edit, a reload) unless it is already the text. */
  setText(text: string): void;
  setMarks(marks: readonly Mark[]): void;
  setReadOnly(readOnly: boolean): void;
  focus(): void;
  destroy(): void;
}

export interface YamlEditorOptions {
  parent: HTMLElement;
  text: string;
  readOnly: boolean;
  /** The editor's accessible name. */
  label: string;
  onChange(text: string): void;
}

export function createYamlEditor(options: YamlEditorOptions): YamlEditor {
  let applying = false;
  const readOnly = new Compartment();
  const readOnlyState = (value: boolean) => [
    EditorState.readOnly.of(value),
    EditorView.contentAttributes.of({ 'aria-readonly': String(value) }),
  ];
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        basicSetup,
        yaml(),
        yamlLanguage.data.of({ autocomplete: yamlCompletion() }),
        hoverTooltip(yamlSchemaHover()),
        stateExtensions(schema as never),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-multiline': 'true' }),
        readOnly.of(readOnlyState(options.readOnly)),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !applying) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setText(text) {
      const current = view.state.doc.toString();
      if (current === text) return;
      applying = true;
      try {
        view.dispatch({ changes: minimalChange(current, text) });
      } finally {
        applying = false;
      }
    },
    setMarks(marks) {
      const length = view.state.doc.length;
      const diagnostics: LintDiagnostic[] = marks
        .filter((m) => m.to <= length)
        .map((m) => ({ from: m.from, to: m.to, severity: m.severity, message: m.message, source: m.source }));
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    setReadOnly(value) {
      view.dispatch({ effects: readOnly.reconfigure(readOnlyState(value)) });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
